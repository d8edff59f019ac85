import "server-only";

// The list, count and export SQL of a registry, derived from its definition and a binding to its table: text
// search (fields declared `search`), filters (`filter`), sort (`list.sortable`, each backed by an index), the
// selected columns (`list` / `export`). Built without a session, so the page, its count and the export run the
// same statements; callers authorise first and pass the user's data scope (every statement applies the registry's
// scope predicate, so a scoped user's list, total, search, filters, board drill and exports hold only their rows). Dictionary labels are resolved in memory (one small lookup), so the
// list SQL joins only what a binding names (the linked enterprise) and stays index-friendly.

import type Database from "better-sqlite3";
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  getTableName,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { SQLiteColumn, SQLiteSelect, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DB } from "@/db";
import { likeContains, likePrefix, parseSort } from "@/lib/registry/search-params";
import { type DataScope, scopeSql } from "@/lib/scope";
import { columnOf, type RegistryDefinition, registryScope } from "./define";
import { allColumns, type ListSearch, sortKeys } from "./search";
import { drainSearchQueue, parseQuery, SEARCH_REGISTRIES, type SearchTable, searchIdsSql } from "./search-index";

type Expr = SQLiteColumn | SQL;
// biome-ignore lint/suspicious/noExplicitAny: a binding's joins work on any select built from its table
type Select = SQLiteSelect<any, "sync", any, any, any, any>;

/** Binds a definition to its table: what the generic read side cannot know from the metadata alone. */
export type RegistryBinding = {
  table: SQLiteTable;
  /** Joins the shown values need (a linked enterprise's name); none by default. */
  join?: (q: Select) => Select;
  /** Values that are not the table's own column: a linked enterprise's name, a computed figure. */
  values?: Record<string, Expr>;
  /** Filters declared `custom` and those no field declares (a board figure's counting rule). */
  where?: (db: DB, s: ListSearch & Record<string, unknown>) => (SQL | undefined)[];
};

function tableColumn(b: RegistryBinding, key: string): SQLiteColumn | undefined {
  return (getTableColumns(b.table) as Record<string, SQLiteColumn>)[key];
}

/** The SQL of a key's shown value: the binding's expression, else the table's column of that name. */
export function shownValue(b: RegistryBinding, key: string): Expr {
  const e = b.values?.[key] ?? tableColumn(b, key);
  if (!e) throw new Error(`no column or value "${key}" in the registry binding`);
  return e;
}

/** The registry's scope predicate over its table, or undefined for 全区. */
export function scopeWhere(def: RegistryDefinition, table: SQLiteTable, scope: DataScope): SQL | undefined {
  const p = scopeSql(registryScope(def).where, `"${getTableName(table)}"`, scope);
  return p ? sql.raw(p) : undefined;
}

/** The WHERE of a list, its count and its export. */
export function registryWhere(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
): SQL | undefined {
  const deletedAt = tableColumn(b, "deletedAt")!;
  const w: (SQL | undefined)[] = [
    showDeleted ? isNotNull(deletedAt) : isNull(deletedAt),
    scopeWhere(def, b.table, scope),
  ];
  for (const [key, c] of allColumns(def)) {
    const f = c.filter;
    if (!f || f.custom) continue;
    const col = tableColumn(b, key)!;
    if ("param" in f) {
      const v = s[f.param];
      if (v === null || v === undefined || v === "") continue;
      w.push(c.kind === "bool" ? eq(col, v === "yes") : eq(col, v));
    } else {
      const [from, to] = [s[f.range[0]], s[f.range[1]]] as (number | null)[];
      // Dates are bounded by whole years; a year field by the years themselves.
      if (from) w.push(gte(col, c.kind === "date" ? `${from}-01-01` : from));
      if (to) w.push(lte(col, c.kind === "date" ? `${to}-12-31` : to));
    }
  }
  if (b.where) w.push(...b.where(db, s));
  const search = searchWhere(db, def, b, s.q, showDeleted);
  // A search matching few records drives the query (each found id looked up by rowid): the other conditions are
  // marked likely() so the planner does not walk a filter's index instead (it cannot know the match count).
  if (search?.drives) return and(search.sql, ...w.map((c) => (c ? sql`likely(${c})` : c)));
  return and(...w, search?.sql);
}

/** The better-sqlite3 connection of a database or of a transaction on it (a batch resolves its filter in one). */
function sqliteOf(db: DB): Database.Database {
  const c =
    (db as { $client?: Database.Database }).$client ??
    (db as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!c) throw new Error("registry search: no SQLite connection");
  return c;
}

/** Below this many matches a search drives the list's query (rowid lookups); above, the planner chooses. */
const SEARCH_DRIVES_BELOW = 5000;

/**
 * `?q=`: the records the search index matches (features/registry/search-index.ts: name fragments of 2+
 * characters, credit-code fragments of 4+, pinyin and initials), in the live or the deleted partition. A query too
 * short for the index (one character), or a registry outside it, falls back to LIKE over the declared fields.
 */
export function searchWhere(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  raw: string,
  showDeleted: boolean,
): { sql: SQL | undefined; drives: boolean } | undefined {
  const q = raw.trim();
  if (!q) return undefined;
  const table = getTableName(b.table);
  const parsed = parseQuery(q);
  if (parsed.ok && table in SEARCH_REGISTRIES) {
    const client = sqliteOf(db);
    // Records another writer changed without the write path (a bulk load) are indexed first.
    drainSearchQueue(client);
    const ids = searchIdsSql(client, table as SearchTable, parsed, showDeleted);
    const chunks = ids.sql.split("?");
    const inner = sql.join(
      chunks.map((c, i) => (i < ids.params.length ? sql`${sql.raw(c)}${ids.params[i]}` : sql.raw(c))),
    );
    // How many records match, up to a bound (a few index lookups): few → the search drives the query.
    const few =
      (client
        .prepare(`SELECT count(*) FROM (${ids.sql} LIMIT ${SEARCH_DRIVES_BELOW})`)
        .pluck()
        .get(...ids.params) as number) < SEARCH_DRIVES_BELOW;
    return { sql: sql`${sql.raw(`"${table}"."id"`)} IN (${inner})`, drives: few };
  }
  return { sql: likeWhere(def, b, q), drives: false };
}

/** The LIKE search over the fields a definition declares `search` (one character; registries outside the index). */
function likeWhere(def: RegistryDefinition, b: RegistryBinding, q: string): SQL | undefined {
  const matches = allColumns(def).flatMap(([key, c]) => {
    if (!c.search) return [];
    const col = tableColumn(b, key)!;
    if (c.kind === "creditCode") {
      // Stored normalised (upper case, no spaces or dashes): so is the query. A whole code is an exact, indexed
      // match; a fragment of 4+ characters is found anywhere in the code (pasted in pieces: "MA5U XYQ3");
      // a shorter one only at the start.
      const code = q.replace(/[\s-]/g, "").toUpperCase();
      if (!code) return [];
      if (code.length === 18) return [eq(col, code)];
      const pattern = code.length >= 4 ? likeContains(code) : likePrefix(code);
      return [sql`${col} LIKE ${pattern} ESCAPE '\\'`];
    }
    const pattern = c.search === "prefix" ? likePrefix(q.toUpperCase()) : likeContains(q);
    return [sql`${col} LIKE ${pattern} ESCAPE '\\'`];
  });
  return or(...matches);
}

/** The list's sort: `?sort=<key>.asc|desc` on a sortable key, else newest first. */
export function registrySort(def: RegistryDefinition, s: ListSearch) {
  return parseSort(s.sort, sortKeys(def), { column: "createdAt", desc: true });
}

/**
 * `?sort=<key>.asc|desc` on a sortable key (else newest first); ties by id in the same direction, so the order is
 * total and one index — `(deleted_at, <column>)`, whose entries end with the rowid — delivers it without a sort
 * (a tie-breaker in the other direction would make SQLite sort every run of equal values in a temp B-tree).
 * `reverse`: the same order backwards (a deep page read from the end, see pageWindow). `viaIndex: false`: the same
 * order written so that no index delivers it (`+column`, a no-op on the value), so SQLite seeks the rows by the
 * WHERE's own index and sorts those few — for a 仅本人录入 user, whose own rows are few and whose column the sort
 * index only carries (walking it would read every live row to find none).
 */
export function registryOrder(
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch,
  reverse = false,
  viaIndex = true,
) {
  const sort = registrySort(def, s);
  const col: Expr = viaIndex ? tableColumn(b, sort.column)! : sql`+${tableColumn(b, sort.column)!}`;
  const id: Expr = viaIndex ? tableColumn(b, "id")! : sql`+${tableColumn(b, "id")!}`;
  return sort.desc !== reverse ? [desc(col), desc(id)] : [asc(col), asc(id)];
}

/**
 * How a page of a list of `total` rows is read: the front half by OFFSET in the list's order, the back half by
 * OFFSET in the reverse order (then the rows are turned back round). Both walk the sort index only (the skipped
 * entries are never looked up in the table), so the deepest page walks at most half the index instead of all of it,
 * and the rows are exactly those of `ORDER BY … LIMIT perPage OFFSET offset` (the order is total: ties by id).
 */
export function pageWindow(
  offset: number,
  perPage: number,
  total: number,
): { reverse: boolean; offset: number; limit: number } {
  if (offset >= total || offset + perPage / 2 <= total / 2) return { reverse: false, offset, limit: perPage };
  const limit = Math.min(perPage, total - offset);
  return { reverse: true, offset: total - offset - limit, limit };
}

function selection(b: RegistryBinding, keys: readonly string[]): Record<string, Expr> {
  return Object.fromEntries(keys.map((k) => [k, shownValue(b, k)]));
}

/** What a list row shows: id, the title's badges, every list column (and what its cell links to). */
function listSelection(def: RegistryDefinition, b: RegistryBinding): Record<string, Expr> {
  const sel: Record<string, Expr> = {
    id: tableColumn(b, "id")!,
    isSample: tableColumn(b, "isSample")!,
    deletedAt: tableColumn(b, "deletedAt")!,
    // The version the row is shown at: a batch of ticked rows carries it (a row changed since is not overwritten).
    version: tableColumn(b, "version")!,
    // 录入 → 审核: a record awaiting its first approval, and an approved one with a change awaiting review. (The
    // row's id is written with its table's name: drizzle leaves a lone table's columns unqualified, which inside
    // the subquery would name review_items' own id.)
    reviewState: tableColumn(b, "reviewState")!,
    pendingChange: sql<number>`EXISTS (SELECT 1 FROM review_items ri WHERE ri.object_type = ${def.objectType}
      AND ri.record_id = ${sql.raw(`"${getTableName(b.table)}"."id"`)} AND ri.state IN ('pending', 'returned'))`,
    ...selection(b, def.list ?? []),
  };
  for (const key of def.list ?? []) {
    const c = columnOf(def, key);
    // A linked enterprise: its name is the shown value, its id the link.
    if (c.kind === "enterpriseRef") sel[`${key}:id`] = tableColumn(b, key)!;
    if (c.list?.with) sel[c.list.with] = shownValue(b, c.list.with);
  }
  return sel;
}

/**
 * The list's rows in one statement (WHERE, order, shown values and joins): the reference the page's two-step
 * read (registryPageIdsQuery + registryRowsQuery) equals row for row (tests/unit/list-plans.test.ts).
 */
export function registryListQuery(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
  reverse = false,
) {
  const q = db.select(listSelection(def, b)).from(b.table).$dynamic() as unknown as Select;
  return (b.join ? b.join(q) : q)
    .where(registryWhere(db, def, b, s, showDeleted, scope))
    .orderBy(...registryOrder(def, b, s, reverse));
}

/**
 * One page's ids: the list's WHERE and order over the table alone (no joins, no shown values), so SQLite walks
 * the sort index — which carries the scope and filter columns — and skips the entries before the page without
 * reading a row or joining anything. Then registryRowsQuery reads the page's rows by id.
 */
export function registryPageIdsQuery(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
  reverse = false,
) {
  const own = scope.kind === "own";
  const name = getTableName(b.table);
  // 仅本人录入: the user's own rows by `<table>_created_by_idx` (every registry table has one), then those few sorted;
  // left to itself SQLite would rather walk a whole sort index (it carries created_by) to find them.
  const from = own ? sql`${sql.identifier(name)} INDEXED BY ${sql.identifier(`${name}_created_by_idx`)}` : b.table;
  return db
    .select({ id: own ? sql<number>`${sql.identifier(name)}."id"` : tableColumn(b, "id")! })
    .from(from as typeof b.table)
    .where(registryWhere(db, def, b, s, showDeleted, scope))
    .orderBy(...registryOrder(def, b, s, reverse, !own))
    .$dynamic();
}

/** The shown values of the given rows (a page's ids, already filtered and scoped), in no particular order. */
export function registryRowsQuery(db: DB, def: RegistryDefinition, b: RegistryBinding, ids: readonly number[]) {
  const q = db.select(listSelection(def, b)).from(b.table).$dynamic() as unknown as Select;
  return (b.join ? b.join(q) : q).where(inArray(tableColumn(b, "id")!, [...ids]));
}

/**
 * One page of the list: exactly the rows of `registryListQuery(…).limit(perPage).offset(offset)`, in that order,
 * read in two indexed steps — the page's ids from the sort index (from the nearer end, see pageWindow), then those
 * rows with their shown values and joins. `total`: the list's count under the same WHERE (read in the same
 * transaction, so the two agree).
 */
export function registryPage(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
  page: { offset: number; perPage: number; total: number },
): Record<string, unknown>[] {
  const w = pageWindow(page.offset, page.perPage, page.total);
  const ids = (
    registryPageIdsQuery(db, def, b, s, showDeleted, scope, w.reverse).limit(w.limit).offset(w.offset).all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  if (w.reverse) ids.reverse();
  if (!ids.length) return [];
  const byId = new Map<unknown, Record<string, unknown>>();
  for (const r of registryRowsQuery(db, def, b, ids).all() as Record<string, unknown>[]) byId.set(r.id, r);
  return ids.flatMap((id) => byId.get(id) ?? []) as Record<string, unknown>[];
}

/** The total behind the list (same filter, no joins: a filter never needs one). */
export function registryCountQuery(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
) {
  return db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(b.table)
    .where(registryWhere(db, def, b, s, showDeleted, scope));
}

/** The 合计 row: the sum of each `list.sum` column over the whole filter (same WHERE as the count). */
export function registrySumQuery(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
  keys: readonly string[],
) {
  const sel = Object.fromEntries(keys.map((k) => [k, sql<number | null>`sum(${tableColumn(b, k)!})`]));
  return db
    .select(sel)
    .from(b.table)
    .where(registryWhere(db, def, b, s, showDeleted, scope));
}

/** The full filtered list for the export: exactly the definition's export columns, in its order. */
export function registryExportQuery(
  db: DB,
  def: RegistryDefinition,
  b: RegistryBinding,
  s: ListSearch & Record<string, unknown>,
  showDeleted: boolean,
  scope: DataScope,
) {
  const q = db
    .select(selection(b, def.export ?? []))
    .from(b.table)
    .$dynamic() as unknown as Select;
  return (b.join ? b.join(q) : q)
    .where(registryWhere(db, def, b, s, showDeleted, scope))
    .orderBy(...registryOrder(def, b, s)) as unknown as { toSQL(): { sql: string; params: unknown[] } };
}
