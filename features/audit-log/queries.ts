import "server-only";
import { and, asc, count, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { loginLogs, type OperationLog, operationLogs, users } from "@/db/schema";
import { requirePermission } from "@/lib/dal";
import { beijingDayStartUtc } from "@/lib/time";
import { z } from "@/lib/zod";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
export const logSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
  user: z.string().trim().max(64).optional().catch(undefined),
  action: z.string().trim().max(64).optional().catch(undefined),
  result: z.enum(["ok", "denied", "invalid", "error", "success", "failure"]).optional().catch(undefined),
  from: date,
  to: date,
  /** One record's trail: `?type=enterprise&id=12`. */
  type: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  id: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .optional()
    .catch(undefined),
});
export type LogSearch = z.infer<typeof logSearchSchema>;
export const LOG_PAGE_SIZE = 50;

function dayNext(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}

function operationWhere(s: LogSearch): SQL[] {
  const where: SQL[] = [];
  if (s.user) where.push(eq(operationLogs.username, s.user));
  // An action picked by name matches exactly; a typed prefix ("user.") matches every action under it.
  if (s.action)
    where.push(
      s.action.endsWith(".")
        ? like(operationLogs.action, `${s.action.replace(/[%_]/g, "")}%`)
        : eq(operationLogs.action, s.action),
    );
  if (s.result && ["ok", "denied", "invalid", "error"].includes(s.result))
    where.push(eq(operationLogs.result, s.result as "ok"));
  if (s.from) where.push(gte(operationLogs.createdAt, beijingDayStartUtc(s.from)));
  if (s.to) where.push(lt(operationLogs.createdAt, beijingDayStartUtc(dayNext(s.to))));
  if (s.type) where.push(eq(operationLogs.objectType, s.type));
  if (s.type && s.id) where.push(eq(operationLogs.objectId, s.id));
  return where;
}

/**
 * Every row matching the filter, newest first, in pages of `batch` (keyset on id, so a long export neither holds
 * the table in memory nor skips rows written meanwhile).
 */
export async function* iterateOperationLogs(s: LogSearch, batch = 500): AsyncGenerator<OperationLog[]> {
  await requirePermission("audit.read");
  const db = getDb();
  const where = operationWhere(s);
  let before: number | null = null;
  for (;;) {
    const rows: OperationLog[] = db
      .select()
      .from(operationLogs)
      .where(and(...where, ...(before === null ? [] : [lt(operationLogs.id, before)])))
      .orderBy(desc(operationLogs.id))
      .limit(batch)
      .all();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    before = rows[rows.length - 1].id;
  }
}

/** The users the log names, for the user picker (username → display name). */
export async function getLogUsers(): Promise<{ username: string; name: string }[]> {
  await requirePermission("audit.read");
  return getDb()
    .select({ username: users.username, name: users.displayName })
    .from(users)
    .orderBy(asc(users.username))
    .all();
}

export async function getOperationLogs(s: LogSearch) {
  await requirePermission("audit.read");
  const where = operationWhere(s);
  const db = getDb();
  return db.transaction((tx) => {
    const rows = tx
      .select()
      .from(operationLogs)
      .where(and(...where))
      .orderBy(desc(operationLogs.createdAt), desc(operationLogs.id))
      .limit(LOG_PAGE_SIZE)
      .offset((s.page - 1) * LOG_PAGE_SIZE)
      .all();
    const [{ n }] = tx
      .select({ n: count() })
      .from(operationLogs)
      .where(and(...where))
      .all();
    return { rows, total: n, pageCount: Math.ceil(n / LOG_PAGE_SIZE) };
  });
}

export async function getLoginLogs(s: LogSearch) {
  await requirePermission("audit.read");
  const where: SQL[] = [];
  if (s.user) where.push(eq(loginLogs.username, s.user));
  if (s.result === "success") where.push(eq(loginLogs.success, true));
  if (s.result === "failure") where.push(eq(loginLogs.success, false));
  if (s.from) where.push(gte(loginLogs.createdAt, beijingDayStartUtc(s.from)));
  if (s.to) where.push(lt(loginLogs.createdAt, beijingDayStartUtc(dayNext(s.to))));
  const db = getDb();
  return db.transaction((tx) => {
    const rows = tx
      .select()
      .from(loginLogs)
      .where(and(...where))
      .orderBy(desc(loginLogs.createdAt), desc(loginLogs.id))
      .limit(LOG_PAGE_SIZE)
      .offset((s.page - 1) * LOG_PAGE_SIZE)
      .all();
    const [{ n }] = tx
      .select({ n: count() })
      .from(loginLogs)
      .where(and(...where))
      .all();
    return { rows, total: n, pageCount: Math.ceil(n / LOG_PAGE_SIZE) };
  });
}
