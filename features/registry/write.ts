import "server-only";
import type Database from "better-sqlite3";
import { getTableColumns } from "drizzle-orm";
import type { Tx } from "@/db";
import { ActionError, type StaleRecord, staleWrite } from "@/lib/action-error";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { changedFields } from "@/lib/registry/diff";
import { type DataScope, FULL_SCOPE, scopeSql } from "@/lib/scope";
import { nowIso } from "@/lib/time";
import type { Fields } from "./define";
import { openItem, submitItem, withdrawItems } from "./review";
import { enterpriseScope, type ScopeRule, scopeField } from "./scope";
import { drainSearchQueue } from "./search-index";

// THE write path of the registries: create, update, soft delete and restore of a record, with the registry's own
// rules as hooks declared next to it (features/<registry>/writes.ts). The forms' server actions and the Excel
// import both call it, so a rule — credit code free among live records, a linked enterprise must be live, a
// dictionary value must be an enabled item, tenancies must not overlap — is written once and refuses the same
// row with the same reason on both paths. It writes through prepared statements cached per writer (one writer per
// transaction), so the import's 50,000 rows reuse each statement; the caller's transaction covers everything.

export type Values = Record<string, unknown>;
/** A stored row, fields by their drizzle names. */
export type Stored = Values & { id: number; version: number };

type Refusal = { field: string; reason: string };

/**
 * A domain refusal naming the field it is about; `reason` is a catalogue key (with optional |params). The write
 * path runs every rule and throws one RuleError carrying all refusals (the form shows each under its field, the
 * import reports each as a row error).
 */
export class RuleError extends ActionError {
  readonly refusals: Refusal[];
  constructor(field: string, reason: string, more: Refusal[] = []) {
    const refusals = [{ field, reason }, ...more];
    const fieldErrors: Record<string, string[]> = {};
    for (const r of refusals) {
      fieldErrors[r.field] ??= [];
      fieldErrors[r.field].push(r.reason);
    }
    super("errors.invalidInput", fieldErrors);
    this.refusals = refusals;
  }
  get field(): string {
    return this.refusals[0].field;
  }
  get reason(): string {
    return this.refusals[0].reason;
  }
}

/** A registry rule: throws RuleError (or ActionError) to refuse the values about to be stored. */
export type Rule = (w: Writer, values: Values, before: Stored | undefined) => void;

/** What the write path needs to know about one registry (or child collection). */
export type RegistryWrites = {
  objectType: string;
  /** The definition's fields (dictionary, enterprise-link and stale-display rules derive from them). */
  fields: Fields;
  /** The definition's scope: a scoped writer reaches only rows inside it and cannot write a row out of it. */
  scope: ScopeRule;
  // biome-ignore lint/suspicious/noExplicitAny: any drizzle SQLite table with the registry bookkeeping columns
  table: any;
  /** Operation-log action names of a create and an update (a per-record history row uses them too). */
  actions: { create: string; update: string };
  /** The record this one belongs to, which must be live for any write (e.g. a qualification's enterprise). */
  parent?: { field: string; table: string };
  /** Write-only fields (personal data the form never holds): an empty value keeps the stored one. */
  keepIfEmpty?: readonly string[];
  /** Message of a refused enterprise link, per enterpriseRef field (default registry.enterpriseNotLive). */
  linkMessages?: Record<string, string>;
  /** Submitted → stored values, given the stored row (both paths store the same thing). */
  normalise?: (values: Values, before: Stored | undefined) => Values;
  /** Bookkeeping columns derived from the values: written, not compared and not in the history. */
  derive?: (values: Values, before: Stored | undefined, now: string) => Values;
  /** The registry's own rules, run on every create and update after the ones derived from the fields. */
  rules?: Rule[];
  /** Run before a restore, with the stored row (e.g. its credit code must still be free). */
  restoreRules?: Rule[];
  /** After a record is written or (un)deleted; may defer work to the end of the batch (`w.defer`). */
  afterWrite?: (w: Writer, row: Stored) => void;
  /** How a soft delete / restore is logged (the existing history formats): default deletedAt + name. */
  deleteLog?: (before: Stored) => { before: Values; detail?: Values; message?: string };
};

/** One history entry of a write: the form's action logs it, the import writes it as a per-record row. */
export type RecordLog = {
  action: string;
  objectType: string;
  objectId: number;
  before: Values | null;
  after: Values | null;
  message?: string;
  detail?: Values;
};

/** Whether a stored row's values are the approved ones (a row read without the column counts as approved). */
export const isApproved = (row: Values): boolean => (row.reviewState ?? "approved") === "approved";

/** Set on a write that was submitted for review instead of stored as approved (the item's id). */
type Submitted = { reviewItemId?: number };
const submittedDetail = (itemId: number): Values => ({ review: "submitted", reviewItemId: itemId });

type TableInfo = { name: string; sqlName: Map<string, string>; fieldOf: Map<string, string>; booleans: Set<string> };
const tableInfos = new WeakMap<object, TableInfo>();

/** field ↔ SQL column name and which columns are booleans, from the drizzle table. */
export function tableInfo(table: object): TableInfo {
  const hit = tableInfos.get(table);
  if (hit) return hit;
  const cols = getTableColumns(table as Parameters<typeof getTableColumns>[0]) as Record<
    string,
    { name: string; dataType: string }
  >;
  const sqlName = new Map<string, string>();
  const fieldOf = new Map<string, string>();
  const booleans = new Set<string>();
  for (const [field, c] of Object.entries(cols)) {
    sqlName.set(field, c.name);
    fieldOf.set(c.name, field);
    if (c.dataType === "boolean") booleans.add(field);
  }
  // biome-ignore lint/suspicious/noExplicitAny: drizzle tables carry their SQL name under a symbol
  const name = (table as any)[Symbol.for("drizzle:Name")] as string;
  const info = { name, sqlName, fieldOf, booleans };
  tableInfos.set(table, info);
  return info;
}

/** A raw SQL row → field names, booleans as booleans. */
export function toStored(row: Record<string, unknown>, info: TableInfo): Stored {
  const out: Values = {};
  for (const [col, v] of Object.entries(row)) {
    const f = info.fieldOf.get(col) ?? col;
    out[f] = info.booleans.has(f) ? v === 1 : v;
  }
  return out as Stored;
}

const bind = (v: unknown) => (v === undefined ? null : typeof v === "boolean" ? (v ? 1 : 0) : v);

/**
 * One batch of writes on one connection, inside the caller's transaction: who writes, when, cached statements
 * and dictionary items, and work deferred to the end of the batch (`finish`).
 */
export class Writer {
  private statements = new Map<string, Database.Statement>();
  private deferred = new Map<string, () => void>();
  private dicts?: Map<number, { kind: string; label: string; enabled: boolean }>;
  constructor(
    readonly sqlite: Database.Database,
    readonly userId: number,
    readonly now: string = nowIso(),
    /** The writer's data scope: rows outside it are not found, and no write may leave it. */
    readonly scope: DataScope = FULL_SCOPE,
    /**
     * 录入 → 审核: a scoped writer's writes wait for a reviewer (features/registry/review.ts) — a new record is
     * stored as pending, a change to an approved record is stored as a review item only. 全区 writers write directly.
     */
    readonly review: boolean = scope.kind !== "all",
  ) {}

  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  dictionaryItem(id: number) {
    if (!this.dicts) {
      const rows = this.sqlite.prepare("SELECT id, kind, label, enabled FROM dictionary_items").all() as {
        id: number;
        kind: string;
        label: string;
        enabled: number;
      }[];
      this.dicts = new Map(rows.map((r) => [r.id, { kind: r.kind, label: r.label, enabled: !!r.enabled }]));
    }
    return this.dicts.get(id);
  }

  /** Runs `fn` once at the end of the batch, however many writes asked for `key`. */
  defer(key: string, fn: () => void): void {
    this.deferred.set(key, fn);
  }

  finish(): void {
    for (const fn of this.deferred.values()) fn();
    this.deferred.clear();
  }
}

/**
 * 全局搜索: the registry's trigger queued the written record; its index entry is written at the end of the batch,
 * still inside the caller's transaction (one pass for an import's thousands of rows).
 */
function indexAtFinish(w: Writer): void {
  w.defer("search-index", () => drainSearchQueue(w.sqlite));
}

/** The better-sqlite3 connection under a drizzle transaction (the same one, so the same transaction). */
function clientOf(tx: Tx): Database.Database {
  // drizzle's better-sqlite3 transaction keeps its connection on the session; refuse loudly if that ever moves.
  const client = (tx as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client || typeof client.prepare !== "function") throw new Error("registry write path: no SQLite connection");
  return client;
}

/**
 * A form action's write: runs `fn` with a writer on the action's transaction, finishes the batch and fills the
 * action's operation-log row with the write's history entry.
 */
export function formWrite<R extends { log: RecordLog }>(
  ctx: { tx: Tx; user: { id: number; scope: DataScope }; audit: (f: Omit<RecordLog, "action">) => void },
  fn: (w: Writer) => R,
): R {
  const w = new Writer(clientOf(ctx.tx), ctx.user.id, undefined, ctx.user.scope);
  const result = fn(w);
  w.finish();
  const { action: _action, ...log } = result.log;
  ctx.audit(log);
  return result;
}

// ───────────────────────────── rules derived from the definition ─────────────────────────────

/**
 * Dictionary-backed fields accept only items of that dictionary; a new choice must be enabled, while a record may
 * keep an item that was disabled after it was chosen.
 */
const dictionaryRule =
  (field: string, kind: string): Rule =>
  (w, v, before) => {
    const id = v[field];
    if (id == null) return;
    const item = w.dictionaryItem(id as number);
    if (!item || item.kind !== kind || (!item.enabled && id !== before?.[field])) {
      throw new RuleError(field, "registry.invalidOption");
    }
  };

/**
 * A linked enterprise must be live. A record may keep the enterprise it already had (an unrelated edit, or the
 * re-import of an unchanged row, is not blocked because that enterprise was deleted since); a new link must be live.
 */
const enterpriseLinkRule =
  (field: string, message: string): Rule =>
  (w, v, before) => {
    const id = v[field];
    if (id == null) return;
    // A scoped writer links only enterprises of their scope (the picker offers no other), kept links included.
    const inScope = scopeSql(enterpriseScope, "enterprises", w.scope);
    if (inScope && !w.get(`SELECT 1 FROM enterprises WHERE id = ? AND ${inScope}`, id))
      throw new RuleError(field, "registry.outOfScope");
    if (id === before?.[field]) return;
    if (!w.get("SELECT 1 FROM enterprises WHERE id = ? AND deleted_at IS NULL", id))
      throw new RuleError(field, message);
  };

const derivedRules = new WeakMap<RegistryWrites, Rule[]>();
function rulesOf(b: RegistryWrites): Rule[] {
  let rules = derivedRules.get(b);
  if (!rules) {
    rules = [];
    for (const [field, f] of Object.entries(b.fields)) {
      if (f.kind === "dict") rules.push(dictionaryRule(field, f.dict));
      if (f.kind === "enterpriseRef")
        rules.push(enterpriseLinkRule(field, b.linkMessages?.[field] ?? "registry.enterpriseNotLive"));
    }
    rules.push(...(b.rules ?? []));
    derivedRules.set(b, rules);
  }
  return rules;
}

// ───────────────────────────── the write path ─────────────────────────────

/** Submitted → stored values (write-only fields kept when empty, the registry's normalisation), before any rule. */
export function normaliseValues(
  b: RegistryWrites,
  submitted: Values,
  before: Stored | undefined,
  opts: { clear?: readonly string[] } = {},
): Values {
  const v: Values = { ...submitted };
  for (const f of b.keepIfEmpty ?? []) {
    if (v[f] == null) v[f] = opts.clear?.includes(f) ? null : (before?.[f] ?? null);
  }
  return b.normalise ? b.normalise(v, before) : v;
}

/** Runs every rule on the values about to be stored; all refusals are thrown together as one RuleError. */
export function checkRules(w: Writer, b: RegistryWrites, v: Values, before: Stored | undefined): void {
  const refusals: Refusal[] = [];
  for (const rule of rulesOf(b)) {
    try {
      rule(w, v, before);
    } catch (err) {
      if (!(err instanceof RuleError)) throw err;
      refusals.push(...err.refusals);
    }
  }
  if (refusals.length) throw new RuleError(refusals[0].field, refusals[0].reason, refusals.slice(1));
}

/**
 * The values a create (before undefined) or an update would store, after every rule: what createRecord /
 * updateRecord write. `clear` names write-only fields to empty.
 */
export function prepareValues(
  w: Writer,
  b: RegistryWrites,
  submitted: Values,
  before: Stored | undefined,
  opts: { clear?: readonly string[] } = {},
): Values {
  const v = normaliseValues(b, submitted, before, opts);
  checkScope(w, b, v, before);
  checkRules(w, b, v, before);
  return v;
}

/**
 * A scoped writer's write must stay inside their scope: the stored row (if any) must be in it, and so must the
 * row as it would be stored — the registry's own predicate evaluated on the values. Refused under the field that
 * decides the record's unit (a child row: under its parent's field). The form path never gets here with a row
 * out of scope (it loads rows within the scope: not found); the import does (a natural key matching another
 * unit's record) and reports the row.
 */
export function checkScope(w: Writer, b: RegistryWrites, v: Values, before: Stored | undefined): void {
  if (w.scope.kind === "all") return;
  const field = scopeField(b.scope, w.scope) ?? b.parent?.field ?? "id";
  if (before && !loadStored(w, b, before.id)) throw new RuleError(field, "registry.outOfScope");
  const info = tableInfo(b.table);
  const cols = [...info.sqlName.entries()];
  const row: Values = { ...before, ...v, createdBy: before ? before.createdBy : w.userId };
  const select = cols.map(([, col]) => `? AS "${col}"`).join(", ");
  const pred = scopeSql(b.scope.where, "scope_row", w.scope);
  if (!w.get(`SELECT 1 FROM (SELECT ${select}) AS scope_row WHERE ${pred}`, ...cols.map(([f]) => bind(row[f]))))
    throw new RuleError(field, "registry.outOfScope");
}

/** A child row's parent must be live — and, for a scoped writer, in scope: else 记录不存在或已被删除, as for a missing one. */
function assertParentLive(w: Writer, b: RegistryWrites, v: Values) {
  if (!b.parent) return;
  const id = v[b.parent.field];
  if (id == null || !w.get(`SELECT 1 FROM "${b.parent.table}" WHERE id = ? AND deleted_at IS NULL`, id))
    throw new ActionError("registry.notFound");
  try {
    checkScope(w, b, v, undefined);
  } catch (err) {
    if (err instanceof RuleError) throw new ActionError("registry.notFound");
    throw err;
  }
}

/** A stored record by id, deleted or not — only within the writer's scope (outside it, as if it did not exist). */
export function loadStored(w: Writer, b: RegistryWrites, id: number): Stored | undefined {
  const info = tableInfo(b.table);
  const inScope = scopeSql(b.scope.where, `"${info.name}"`, w.scope);
  const row = w.get<Record<string, unknown>>(
    `SELECT * FROM "${info.name}" WHERE id = ?${inScope ? ` AND ${inScope}` : ""}`,
    id,
  );
  return row ? toStored(row, info) : undefined;
}

/** A live record, or 记录不存在或已被删除. */
export function loadLive(w: Writer, b: RegistryWrites, id: number): Stored {
  const row = loadStored(w, b, id);
  if (!row || row.deletedAt) throw new ActionError("registry.notFound");
  return row;
}

/**
 * A stale write's refusal: who saved the record last, when, and its current values (labels from the definition;
 * dictionary and enum values as labels, personal data masked, a linked enterprise by name).
 */
export function staleRecord(w: Writer, b: RegistryWrites, row: Stored): StaleRecord {
  const current: StaleRecord["current"] = [];
  for (const [field, f] of Object.entries(b.fields)) {
    const v = row[field];
    const label = f.label;
    if (v == null || v === "") {
      current.push({ label, value: null });
    } else if (f.kind === "dict") {
      current.push({ label, value: w.dictionaryItem(v as number)?.label ?? String(v) });
    } else if (f.kind === "enum") {
      current.push({ label, valueKey: `${f.labels}.${v}` });
    } else if (f.kind === "bool") {
      current.push({ label, valueKey: v ? "common.yes" : "common.no" });
    } else if (f.mask === "phone") {
      current.push({ label, value: maskPhone(v as string) });
    } else if (f.mask === "idNumber") {
      current.push({ label, value: maskIdNumber(v as string) });
    } else if (f.kind === "enterpriseRef") {
      const e = w.get<{ name: string }>("SELECT name FROM enterprises WHERE id = ?", v);
      current.push({ label, value: e?.name ?? String(v) });
    } else {
      current.push({ label, value: v as string | number });
    }
  }
  return { updatedBy: row.updatedBy as number | null, updatedAt: row.updatedAt as string | null, current };
}

function assertVersion(w: Writer, b: RegistryWrites, row: Stored, version: number | undefined) {
  if (version !== undefined && row.version !== version) throw staleWrite(staleRecord(w, b, row));
}

/** Creates a record: rules → insert → after-write hook. */
export function createRecord(
  w: Writer,
  b: RegistryWrites,
  submitted: Values,
): { id: number; values: Values; log: RecordLog } & Submitted {
  assertParentLive(w, b, submitted);
  const values = prepareValues(w, b, submitted, undefined);
  // A scoped writer's new record is stored pending: in their lists, counted nowhere until approved.
  const all: Values = {
    ...values,
    ...(b.derive?.(values, undefined, w.now) ?? {}),
    ...(w.review ? { reviewState: "pending" } : {}),
  };
  const info = tableInfo(b.table);
  const fields = Object.keys(all);
  const sql = `INSERT INTO "${info.name}" (${fields.map((f) => `"${info.sqlName.get(f) ?? f}"`).join(", ")}, created_by, updated_by) VALUES (${fields.map(() => "?").join(", ")}, ?, ?)`;
  const id = Number(w.statement(sql).run(...fields.map((f) => bind(all[f])), w.userId, w.userId).lastInsertRowid);
  indexAtFinish(w);
  b.afterWrite?.(w, { ...all, id, version: 1 });
  const reviewItemId = w.review
    ? submitItem(w, b, { ...all, id, version: 1 }, "create", b.actions.create, null)
    : undefined;
  return {
    id,
    values,
    ...(reviewItemId ? { reviewItemId } : {}),
    log: {
      action: b.actions.create,
      objectType: b.objectType,
      objectId: id,
      before: null,
      after: values,
      ...(reviewItemId ? { detail: submittedDetail(reviewItemId) } : {}),
    },
  };
}

/**
 * Updates a live record. `ref` is either the id and the version the user saw (a stale version is refused with
 * who changed it and its current values) or the stored row as the caller loaded it in this transaction.
 */
export function updateRecord(
  w: Writer,
  b: RegistryWrites,
  ref: { id: number; version: number } | { before: Stored },
  submitted: Values,
  opts: { clear?: readonly string[] } = {},
): { id: number; before: Stored; values: Values; log: RecordLog } & Submitted {
  const before = "before" in ref ? ref.before : loadLive(w, b, ref.id);
  if (!("before" in ref)) assertVersion(w, b, before, ref.version);
  assertParentLive(w, b, { ...before, ...submitted });
  const values = prepareValues(w, b, submitted, before, opts);
  if (w.review && isApproved(before)) return submitUpdate(w, b, before, values);
  const all: Values = {
    ...values,
    ...(b.derive?.(values, before, w.now) ?? {}),
    // A scoped writer's correction of a record awaiting its first approval resubmits it.
    ...(w.review ? { reviewState: "pending" } : {}),
  };
  const info = tableInfo(b.table);
  const fields = Object.keys(all);
  const sql = `UPDATE "${info.name}" SET ${fields.map((f) => `"${info.sqlName.get(f) ?? f}" = ?`).join(", ")}, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND deleted_at IS NULL`;
  const res = w.statement(sql).run(...fields.map((f) => bind(all[f])), w.now, w.userId, before.id, before.version);
  if (res.changes !== 1) {
    const now = loadStored(w, b, before.id);
    if (!now || now.deletedAt) throw new ActionError("registry.notFound");
    throw staleWrite(staleRecord(w, b, now));
  }
  indexAtFinish(w);
  b.afterWrite?.(w, { ...before, ...all, version: before.version + 1 });
  const reviewItemId = w.review
    ? submitItem(w, b, { ...before, ...all, version: before.version + 1 }, "update", b.actions.update, null)
    : undefined;
  return {
    id: before.id,
    before,
    values,
    ...(reviewItemId ? { reviewItemId } : {}),
    log: {
      action: b.actions.update,
      objectType: b.objectType,
      objectId: before.id,
      ...changedFields(before, values),
      ...(reviewItemId ? { detail: submittedDetail(reviewItemId) } : {}),
    },
  };
}

/**
 * A scoped writer's change to an approved record: checked like any update, stored as a review item only (the
 * approved values keep counting). A change that undoes itself withdraws the submitter's open item.
 */
function submitUpdate(
  w: Writer,
  b: RegistryWrites,
  before: Stored,
  values: Values,
): { id: number; before: Stored; values: Values; log: RecordLog } & Submitted {
  const diff = changedFields(before, values);
  const log = { action: b.actions.update, objectType: b.objectType, objectId: before.id, ...diff };
  if (Object.keys(diff.after).length === 0) {
    const open = openItem(w, b.objectType, before.id);
    if (open && open.submittedBy === w.userId && open.op === "update") withdrawItems(w, b.objectType, before.id);
    return { id: before.id, before, values, log };
  }
  const reviewItemId = submitItem(w, b, before, "update", b.actions.update, values);
  return { id: before.id, before, values, reviewItemId, log: { ...log, detail: submittedDetail(reviewItemId) } };
}

/**
 * Soft delete (deleted = true) or restore (false): the record must be in the other state, at the version the user
 * saw (when one is given); who/when are stamped. A restore runs the registry's restore rules first.
 */
export function setRecordDeleted(
  w: Writer,
  b: RegistryWrites,
  ref: { id: number; version?: number },
  deleted: boolean,
  action: string,
): { id: number; before: Stored; log: RecordLog } & Submitted {
  const before = loadStored(w, b, ref.id);
  if (!before || !!before.deletedAt === deleted) throw new ActionError("registry.notFound");
  assertVersion(w, b, before, ref.version);
  assertParentLive(w, b, before);
  if (!deleted) for (const rule of b.restoreRules ?? []) rule(w, before, before);
  // A scoped writer's deletion (or restore) of an approved record waits for a reviewer; the record stays as it is.
  if (w.review && isApproved(before)) {
    const reviewItemId = submitItem(w, b, before, deleted ? "delete" : "restore", action, null);
    return {
      id: before.id,
      before,
      reviewItemId,
      log: {
        action,
        objectType: b.objectType,
        objectId: before.id,
        before: null,
        after: null,
        ...(typeof before.name === "string" ? { message: before.name } : {}),
        detail: submittedDetail(reviewItemId),
      },
    };
  }
  const at = w.now;
  const info = tableInfo(b.table);
  const res = w
    .statement(
      `UPDATE "${info.name}" SET deleted_at = ?, deleted_by = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`,
    )
    .run(deleted ? at : null, deleted ? w.userId : null, at, w.userId, before.id, before.version);
  if (res.changes !== 1) throw new ActionError("errors.conflict", undefined, "conflict");
  // A deleted record leaves the live search partition; a restored one comes back (same transaction).
  indexAtFinish(w);
  b.afterWrite?.(w, { ...before, deletedAt: deleted ? at : null, version: before.version + 1 });
  // A record that never counted: deleting it withdraws its submission; restoring it (scoped) submits it again.
  if (!isApproved(before)) {
    if (deleted) withdrawItems(w, b.objectType, before.id);
    else if (w.review) submitItem(w, b, { ...before, version: before.version + 1 }, "create", b.actions.create, null);
  }
  const shape = b.deleteLog?.(before) ?? {
    before: { deletedAt: before.deletedAt },
    message: before.name as string | undefined,
  };
  return {
    id: before.id,
    before,
    log: {
      action,
      objectType: b.objectType,
      objectId: before.id,
      before: shape.before,
      after: { deletedAt: deleted ? at : null },
      ...(shape.message !== undefined ? { message: shape.message } : {}),
      ...(shape.detail ? { detail: shape.detail } : {}),
    },
  };
}
