import "server-only";
import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import { type ActionContext, ActionError, defineAction } from "@/lib/action";
import { writeOperationLog } from "@/lib/audit";
import type { RegistryKey } from "@/lib/committed-writes";
import type { MessageKey, T } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import type { DataScope } from "@/lib/scope";
import { formatDateTime } from "@/lib/time";
import type { BatchFailure, BatchResult } from "./batch-types";
import type { RegistryDefinition } from "./define";
import { type RegistryBinding, registryWhere } from "./query";
import type { ListSearch } from "./search";
import {
  loadLive,
  loadStored,
  type RecordLog,
  type RegistryWrites,
  type Stored,
  setRecordDeleted,
  updateRecord,
  type Values,
  Writer,
} from "./write";

// Batch operations of a registry list (导出所选 aside, which is the export route with ?ids=): delete, restore and
// a status change of many records in ONE transaction, each record through the one write path (write.ts) so every
// rule of the single action applies to it. A record the path refuses is reported (name + reason) and the others
// are written; each written record gets its own operation-log row (as the single action writes) linked to the
// batch's row.
//
// What is selected:
// - `ids`: rows the user ticked, each with the version it was shown at. A row changed since the page was loaded is
//   refused (stale, with who changed it and when), never overwritten. The ids are resolved through the same WHERE
//   as the list (with no filter), so whatever restricts the list restricts an explicit selection too.
// - `filter`: "all N rows of the current filter". The server resolves the rows from the list's URL query through
//   the same query path as the list, its count and its export — no client list of ids is trusted. The user
//   confirmed a count: if the filter now matches a different number of rows the batch is refused as a whole.
// At most BATCH_MAX records per batch; more is refused before anything is written.

export const BATCH_MAX = 5000;

const selectionSchema = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("ids"),
    rows: z
      .array(z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive() }))
      .min(1, "registry.batch.empty"),
  }),
  z.strictObject({
    mode: z.literal("filter"),
    /** The list's query string as the user saw it (page and sort are ignored). */
    query: z.string().max(4000),
    /** The count the user confirmed. */
    expected: z.number().int().min(1),
  }),
]);
export type BatchSelection = z.infer<typeof selectionSchema>;

export const batchSchema = z.strictObject({ selection: selectionSchema });
export const batchStatusSchema = <V extends readonly [string, ...string[]]>(values: V) =>
  z.strictObject({ selection: selectionSchema, status: z.enum(values) });

/** The registry a batch acts on: its definition, list binding, write rules and URL parser. */
export type BatchTarget = {
  definition: RegistryDefinition;
  binding: RegistryBinding;
  writes: RegistryWrites;
  loadSearch: (p: URLSearchParams) => ListSearch;
};

type Target = { id: number; version?: number };

function idColumn(b: RegistryBinding): SQLiteColumn {
  return (getTableColumns(b.table) as Record<string, SQLiteColumn>).id;
}

/**
 * The records a batch acts on, resolved on the server through the list's WHERE: the filter of the URL (mode
 * `filter`) or no filter plus the ticked ids (mode `ids`). `deleted`: the 已删除 list (restore) or the live one.
 */
export function resolveSelection(
  db: DB,
  target: BatchTarget,
  selection: BatchSelection,
  deleted: boolean,
  scope: DataScope,
): Target[] {
  const { definition: def, binding } = target;
  const cols = getTableColumns(binding.table) as Record<string, SQLiteColumn>;
  if (selection.mode === "ids") {
    if (selection.rows.length > BATCH_MAX)
      throw new ActionError(`registry.batch.tooMany|max=${BATCH_MAX},count=${selection.rows.length}`);
    const search = target.loadSearch(new URLSearchParams()) as ListSearch & Record<string, unknown>;
    const ids = selection.rows.map((r) => r.id);
    const found = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = db
        .select({ id: cols.id })
        .from(binding.table)
        .where(and(registryWhere(db, def, binding, search, deleted, scope), inArray(idColumn(binding), chunk)))
        .all() as { id: number }[];
      for (const r of rows) found.add(r.id);
    }
    // Ids outside the list are kept: the write path refuses them (not found) and the summary reports them.
    return selection.rows.map((r) => ({ id: r.id, version: r.version, outside: !found.has(r.id) }));
  }
  const search = target.loadSearch(new URLSearchParams(selection.query)) as ListSearch & Record<string, unknown>;
  const rows = db
    .select({ id: cols.id })
    .from(binding.table)
    .where(registryWhere(db, def, binding, search, deleted, scope))
    .orderBy(cols.id)
    .limit(BATCH_MAX + 1)
    .all() as { id: number }[];
  if (rows.length > BATCH_MAX) throw new ActionError(`registry.batch.tooMany|max=${BATCH_MAX},count=${BATCH_MAX}+`);
  if (rows.length !== selection.expected)
    throw new ActionError(`registry.batch.filterChanged|expected=${selection.expected},count=${rows.length}`);
  return rows.map((r) => ({ id: r.id }));
}

/** What one record of a batch does through the write path. */
export type BatchOp = (w: Writer, target: Target) => { log: RecordLog };

export const deleteOp =
  (writes: RegistryWrites): BatchOp =>
  (w, t) =>
    setRecordDeleted(w, writes, t, true, `${writes.objectType}.delete`);

export const restoreOp =
  (writes: RegistryWrites): BatchOp =>
  (w, t) =>
    setRecordDeleted(w, writes, t, false, `${writes.objectType}.restore`);

/**
 * Sets one enum field (e.g. an enterprise's status) as the single edit would: the record's stored values with that
 * field changed go through updateRecord, so every rule and derived column (the status date) applies. A record
 * already in that state is reported, not rewritten.
 */
export const setFieldOp =
  (writes: RegistryWrites, field: string, value: string): BatchOp =>
  (w, t) => {
    const before = loadLive(w, writes, t.id);
    if (before[field] === value) throw new ActionError("registry.batch.unchanged");
    const submitted: Values = {};
    for (const f of Object.keys(writes.fields)) submitted[f] = before[f];
    submitted[field] = value;
    const ref = t.version !== undefined ? { id: t.id, version: t.version } : { before };
    return updateRecord(w, writes, ref, submitted);
  };

/** Async part of a batch action (outside the transaction): the translator for the summary's reasons. */
export async function prepareBatch(): Promise<{ t: T }> {
  return { t: await getT() };
}

function reasonOf(db: DB, t: T, err: ActionError): string {
  if (err.stale) {
    const who =
      err.stale.updatedBy != null
        ? db.select({ name: users.displayName }).from(users).where(eq(users.id, err.stale.updatedBy)).get()?.name
        : undefined;
    const at = err.stale.updatedAt ? formatDateTime(err.stale.updatedAt).slice(0, 16) : "";
    return t("registry.batch.stale", { who: who ?? "—", at });
  }
  const [key, raw] = err.message.split("|");
  const params = raw
    ? Object.fromEntries(
        raw.split(",").map((kv) => {
          const [k, v = ""] = kv.split("=");
          return [k, decodeURIComponent(v)];
        }),
      )
    : undefined;
  const first = err.fieldErrors ? Object.values(err.fieldErrors)[0]?.[0] : undefined;
  if (key === "errors.invalidInput" && first) return reasonOf(db, t, new ActionError(first));
  return t(key as MessageKey, params);
}

/**
 * Runs a batch in the action's transaction: resolves the selection, applies `op` to each record in a savepoint (a
 * refused record leaves nothing behind and is reported), writes one operation-log row per written record linked to
 * the batch's row, and returns the summary.
 */
export function runBatch(
  ctx: ActionContext<{ t: T }>,
  target: BatchTarget,
  selection: BatchSelection,
  opts: { deleted: boolean; op: BatchOp; detail?: Values },
): BatchResult {
  const db = ctx.tx as unknown as DB;
  const { t } = ctx.prepared;
  // The user's data scope narrows the selection like the list, and the writer refuses anything outside it.
  const targets = resolveSelection(db, target, selection, opts.deleted, ctx.user.scope) as (Target & {
    outside?: boolean;
  })[];
  const sqlite = (ctx.tx as unknown as { session: { client: Writer["sqlite"] } }).session.client;
  const w = new Writer(sqlite, ctx.user.id, undefined, ctx.user.scope);
  const logs: RecordLog[] = [];
  const failed: BatchFailure[] = [];
  for (const target_ of targets) {
    try {
      if (target_.outside) throw new ActionError("registry.notFound");
      // A savepoint: a record refused half-way leaves nothing behind, the batch goes on.
      sqlite.transaction(() => {
        logs.push(opts.op(w, { id: target_.id, version: target_.version }).log);
      })();
    } catch (err) {
      if (!(err instanceof ActionError)) throw err;
      const stored: Stored | undefined = target_.outside ? undefined : loadStored(w, target.writes, target_.id);
      failed.push({
        id: target_.id,
        name: stored ? String(stored.name ?? `#${target_.id}`) : `#${target_.id}`,
        reason: reasonOf(db, t, err),
      });
    }
  }
  w.finish();
  const result: BatchResult = { total: targets.length, ok: logs.length, failed };
  ctx.audit({
    objectType: target.writes.objectType,
    message: `${logs.length}/${targets.length}`,
    detail: {
      mode: selection.mode,
      ...(selection.mode === "filter" ? { query: selection.query } : {}),
      ...opts.detail,
      ok: logs.map((l) => l.objectId),
      failed: failed.map((f) => ({ id: f.id, reason: f.reason })),
    },
  });
  ctx.afterLog((batchLogId) => {
    for (const l of logs)
      writeOperationLog(ctx.tx, {
        userId: ctx.user.id,
        username: ctx.user.username,
        role: ctx.user.role,
        ip: ctx.ip,
        action: l.action,
        objectType: l.objectType,
        objectId: l.objectId,
        result: "ok",
        before: l.before,
        after: l.after,
        ...(l.message !== undefined ? { message: l.message } : {}),
        detail: { ...(l.detail ?? {}), batchLogId },
      });
  });
  return result;
}

// ───────────────────────────── the actions (one per purpose, built by defineAction) ─────────────────────────────

/** 批量删除: soft delete of the selection, with registry.write (as the single delete). */
export function batchDeleteAction(target: BatchTarget, registry: RegistryKey) {
  return defineAction({
    name: `${target.writes.objectType}.batchDelete`,
    registries: [registry],
    permission: "registry.write",
    schema: batchSchema,
    prepare: prepareBatch,
    handler: ({ selection }, ctx) =>
      runBatch(ctx, target, selection, { deleted: false, op: deleteOp(target.writes), detail: { op: "delete" } }),
    revalidate: [target.definition.path],
  });
}

/** 批量恢复: restore of a selection of the 已删除 list, with registry.restore (as the single restore). */
export function batchRestoreAction(target: BatchTarget, registry: RegistryKey) {
  return defineAction({
    name: `${target.writes.objectType}.batchRestore`,
    registries: [registry],
    permission: "registry.restore",
    schema: batchSchema,
    prepare: prepareBatch,
    handler: ({ selection }, ctx) =>
      runBatch(ctx, target, selection, { deleted: true, op: restoreOp(target.writes), detail: { op: "restore" } }),
    revalidate: [target.definition.path],
  });
}

/** 批量修改状态: one enum field of the selection, through the single edit's path, with registry.write. */
export function batchSetFieldAction<V extends readonly [string, ...string[]]>(
  target: BatchTarget,
  registry: RegistryKey,
  field: string,
  values: V,
) {
  return defineAction({
    name: `${target.writes.objectType}.batchStatus`,
    registries: [registry],
    permission: "registry.write",
    schema: batchStatusSchema(values),
    prepare: prepareBatch,
    handler: ({ selection, status }, ctx) =>
      runBatch(ctx, target, selection, {
        deleted: false,
        op: setFieldOp(target.writes, field, status),
        detail: { op: "status", field, value: status },
      }),
    revalidate: [target.definition.path],
  });
}
