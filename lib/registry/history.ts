import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db";
import { operationLogs, users } from "@/db/schema";

export type HistoryEntry = {
  id: number;
  createdAt: string;
  username: string | null;
  /** The person's name (users.display_name), shown instead of the login name. */
  userName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Rows written by an Excel import carry { importLogId, file }. */
  detail: Record<string, unknown> | null;
};

/**
 * A record's change history, read from the operation log (the one source of truth for who changed what).
 * `children` adds rows of child objects that name the parent in their detail (e.g. qualifications).
 */
export function getRecordHistory(
  objectType: string,
  objectId: number,
  children: { objectType: string; ids: number[] }[] = [],
  limit = 200,
): HistoryEntry[] {
  const conds = [and(eq(operationLogs.objectType, objectType), eq(operationLogs.objectId, String(objectId)))];
  for (const c of children) {
    if (c.ids.length)
      conds.push(and(eq(operationLogs.objectType, c.objectType), inArray(operationLogs.objectId, c.ids.map(String))));
  }
  return getDb()
    .select({
      id: operationLogs.id,
      createdAt: operationLogs.createdAt,
      username: operationLogs.username,
      userName: users.displayName,
      action: operationLogs.action,
      objectType: operationLogs.objectType,
      objectId: operationLogs.objectId,
      before: operationLogs.before,
      after: operationLogs.after,
      detail: operationLogs.detail,
    })
    .from(operationLogs)
    .leftJoin(users, eq(users.id, operationLogs.userId))
    .where(and(eq(operationLogs.result, "ok"), or(...conds)))
    .orderBy(desc(operationLogs.id))
    .limit(limit)
    .all() as HistoryEntry[];
}
