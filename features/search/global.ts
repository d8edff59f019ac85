import "server-only";
// 全局搜索 (issue 18): one query over enterprises, institutions, incubators and talent, through the FTS5 index
// (features/registry/search-index.ts), within the user's data scope exactly as the lists apply it (the registries'
// scope predicates; the leader's approved-only reach). Per registry: a capped count and the best few records,
// ranked exact name → prefix → substring (name or credit code) → pinyin → newest. A talent is matched by name only
// and nothing personal is read (no phone, no ID number).

import type Database from "better-sqlite3";
import type { DB } from "@/db";
import { lineScopeSql } from "@/features/awards/engine";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { incubatorRegistry } from "@/features/incubators/registry";
import { institutionRegistry } from "@/features/institutions/registry";
import { type RegistryDefinition, registryScope } from "@/features/registry/define";
import {
  drainSearchQueue,
  parseQuery,
  partition,
  prefixClause,
  SEARCH_REGISTRIES,
  type SearchClause,
  type SearchTable,
  searchClauses,
} from "@/features/registry/search-index";
import { talentRegistry } from "@/features/talents/registry";
import type { MessageKey } from "@/lib/i18n/core";
import { type DataScope, scopeSql } from "@/lib/scope";
import { foldCode, foldText, highlight, type Segment } from "@/lib/search/normalise";

/** Counts stop here (shown as 1000+): the list behind the group's link has the exact total. */
export const COUNT_CAP = 1000;

type RegistrySpec = {
  table: SearchTable;
  title: MessageKey;
  /** 政策兑现's lines: searched only for a user who reads awards, each hit with its batch's year and amount. */
  awards?: true;
  /** The catalogue section of the status values (`<labels>.<status>`). */
  statusLabels?: string;
  /** Where a hit opens. */
  hitHref: (r: Row) => string;
  /** The scope predicate over alias `t`, as the registry's list (or the award pages) applies it. */
  scope: (scope: DataScope) => string | null;
  /** The live (or deleted) test over alias `t`; null: the table has no soft delete. */
  softDelete: boolean;
  /** The shown name, aliased name. */
  name: string;
  /** Joins after `FROM <table> t`. */
  joins?: string;
  /** The shown facts (never personal data), aliased: code, street, status, other (+ batch, year, amount, excluded). */
  select: string;
  /** The registry list: the group links to it filtered to the query, and its hits offer `<list>/<id>/edit`. */
  list?: string;
};

const registrySpec = (def: RegistryDefinition) => (scope: DataScope) => scopeSql(registryScope(def).where, "t", scope);
const statusOf = (def: RegistryDefinition) => (def.fields.status as { labels?: string } | undefined)?.labels;
const recordHref = (href: string) => (r: Row) => `${href}/${r.id}`;

const REGISTRIES: RegistrySpec[] = [
  {
    table: "enterprises",
    scope: registrySpec(enterpriseRegistry as unknown as RegistryDefinition),
    statusLabels: statusOf(enterpriseRegistry as unknown as RegistryDefinition),
    hitHref: recordHref("/enterprises"),
    softDelete: true,
    list: "/enterprises",
    title: "nav.enterprises",
    name: "t.name",
    select: "t.credit_code AS code, t.street_id AS street, t.status AS status, NULL AS other",
  },
  {
    table: "institutions",
    scope: registrySpec(institutionRegistry as unknown as RegistryDefinition),
    statusLabels: statusOf(institutionRegistry as unknown as RegistryDefinition),
    hitHref: recordHref("/institutions"),
    softDelete: true,
    list: "/institutions",
    title: "nav.institutions",
    name: "t.name",
    select: `NULL AS code, NULL AS street, t.status AS status,
      coalesce((SELECT h.name FROM enterprises h WHERE h.id = t.host_enterprise_id), t.host_organisation) AS other`,
  },
  {
    table: "incubators",
    scope: registrySpec(incubatorRegistry as unknown as RegistryDefinition),
    statusLabels: statusOf(incubatorRegistry as unknown as RegistryDefinition),
    hitHref: recordHref("/incubators"),
    softDelete: true,
    list: "/incubators",
    title: "nav.incubators",
    name: "t.name",
    select: "NULL AS code, t.street_id AS street, t.status AS status, t.operator AS other",
  },
  {
    table: "talents",
    scope: registrySpec(talentRegistry as unknown as RegistryDefinition),
    statusLabels: statusOf(talentRegistry as unknown as RegistryDefinition),
    hitHref: recordHref("/talents"),
    softDelete: true,
    list: "/talents",
    title: "nav.talents",
    name: "t.name",
    // Name and employer only: the phone and ID number are neither matched nor read.
    select: `NULL AS code, NULL AS street, NULL AS status,
      coalesce((SELECT h.name FROM enterprises h WHERE h.id = t.employer_enterprise_id), t.employer_name) AS other`,
  },
  {
    // 政策兑现: a batch's line, found by the enterprise name and credit code it was computed with, within the
    // reach the batch page applies (the line's enterprise in the user's unit); opens the batch at the line.
    table: "award_lines",
    awards: true,
    scope: (scope) => lineScopeSql("t", scope),
    statusLabels: "awards.state",
    hitHref: (r) => `/awards/batches/${r.batch}#line-${r.id}`,
    softDelete: false,
    title: "nav.awards",
    name: "t.enterprise_name",
    joins: "JOIN award_batches b ON b.id = t.batch_id JOIN award_policies p ON p.id = t.policy_id",
    select: `t.credit_code AS code, t.street_id AS street, b.state AS status, p.name AS other, t.batch_id AS batch,
      b.year AS year, t.amount_yuan AS amount, t.excluded AS excluded`,
  },
];

export type SearchHit = {
  id: number;
  href: string;
  /** Present only for a user who may edit (never for the leader or an auditor). */
  editHref?: string;
  name: Segment[];
  /** What matched: the name, the credit code or the name's pinyin. */
  matched: "exact" | "prefix" | "name" | "code" | "pinyin";
  code?: Segment[];
  streetId?: number | null;
  status?: { key: string } | null;
  other?: string | null;
  deleted: boolean;
  /** An award line: its batch's year and the line's amount (元), or that it is excluded. */
  award?: { year: number; amountYuan: number; excluded: boolean };
};
export type SearchGroup = {
  registry: SearchTable;
  title: MessageKey;
  /** The registry list filtered to the query (none for award lines: each opens its batch). */
  listHref: string | null;
  total: number;
  capped: boolean;
  hits: SearchHit[];
};
export type SearchResult = { ok: false; reason: "tooShort" } | { ok: true; query: string; groups: SearchGroup[] };

type Row = {
  id: number;
  name: string;
  code: string | null;
  street: number | null;
  status: string | null;
  other: string | null;
  deleted: number;
  batch?: number;
  year?: number;
  amount?: number;
  excluded?: number;
};

const stmtCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepare(sqlite: Database.Database, sql: string): Database.Statement {
  let m = stmtCache.get(sqlite);
  if (!m) {
    m = new Map();
    stmtCache.set(sqlite, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = sqlite.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

/**
 * The ids (newest first, at most `limit`) of a registry's records a clause finds within the user's reach: driven
 * by the index in rowid order, each candidate checked against its row (deletion, scope, review state).
 */
function matchIds(
  sqlite: Database.Database,
  spec: RegistrySpec,
  clause: SearchClause,
  deleted: boolean,
  scope: DataScope,
  limit: number,
): number[] {
  const { lo, hi } = partition(spec.table, deleted);
  const inScope = spec.scope(scope);
  const live = spec.softDelete ? `AND t.deleted_at IS ${deleted ? "NOT NULL" : "NULL"}` : "";
  // Whole reach: the partition alone decides (the queue was drained first, so it matches the rows' deletion).
  const sql = inScope
    ? `SELECT s.rowid - ${lo} AS id FROM search_index s JOIN ${spec.table} t ON t.id = s.rowid - ${lo}
    WHERE ${clause.where("s.")} AND s.rowid BETWEEN ${lo} AND ${hi} ${live} AND ${inScope}
    ORDER BY s.rowid DESC LIMIT ${limit}`
    : `SELECT s.rowid - ${lo} AS id FROM search_index s WHERE ${clause.where("s.")} AND s.rowid BETWEEN ${lo} AND ${hi}
    ORDER BY s.rowid DESC LIMIT ${limit}`;
  return prepare(sqlite, sql).pluck().all(clause.param) as number[];
}

/** Rank of a record for a query: 0 exact name, 1 name prefix, 2 substring (name or code), 3 pinyin. */
function rankOf(row: Row, text: string, code: string | null): { rank: number; matched: SearchHit["matched"] } {
  const name = foldText(row.name);
  if (name === text) return { rank: 0, matched: "exact" };
  if (name.startsWith(text)) return { rank: 1, matched: "prefix" };
  if (name.includes(text)) return { rank: 2, matched: "name" };
  if (row.code && foldCode(row.code).includes(code ?? text.toUpperCase())) return { rank: 2, matched: "code" };
  return { rank: 3, matched: "pinyin" };
}

/**
 * Searches every registry the caller may read. `user.scope` is the data scope the lists apply; `canEdit`
 * whether results carry an edit link; `awards` whether the caller reads 政策兑现 (award lines are searched);
 * `deleted` (admins with registry.restore): search the deleted records instead of the live ones (award lines
 * are never soft-deleted: not searched then).
 */
export function globalSearch(
  db: DB,
  user: { scope: DataScope; canEdit: boolean; awards?: boolean },
  raw: string,
  opts: { deleted?: boolean; perGroup?: number } = {},
): SearchResult {
  const q = parseQuery(raw);
  if (!q.ok) return { ok: false, reason: "tooShort" };
  const sqlite = db.$client;
  drainSearchQueue(sqlite);
  const deleted = !!opts.deleted;
  const perGroup = opts.perGroup ?? 5;
  const clauses = searchClauses(sqlite, q);
  const prefix = prefixClause(q);
  const groups: SearchGroup[] = [];
  for (const spec of REGISTRIES) {
    if (spec.awards && (!user.awards || deleted)) continue;
    // Everything that matches, newest first, up to the cap (+1 to know it was reached).
    const ids = new Set<number>();
    for (const c of clauses) {
      // A credit-code fragment only where there are credit codes.
      if (c.kind === "code" && !SEARCH_REGISTRIES[spec.table].creditCode) continue;
      for (const id of matchIds(sqlite, spec, c, deleted, user.scope, COUNT_CAP + 1)) ids.add(id);
    }
    if (ids.size === 0) continue;
    const total = Math.min(ids.size, COUNT_CAP);
    // Candidates: exact and prefix matches (however old), then the newest matches.
    const prefixIds = prefix ? matchIds(sqlite, spec, prefix, deleted, user.scope, 20) : [];
    const newest = [...ids].sort((a, b) => b - a).slice(0, 50);
    const candidates = [...new Set([...prefixIds, ...newest])];
    const rows = prepare(
      sqlite,
      `SELECT t.id, ${spec.name} AS name, ${spec.select}, ${spec.softDelete ? "t.deleted_at IS NOT NULL" : "0"} AS deleted
       FROM ${spec.table} t ${spec.joins ?? ""} WHERE t.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(candidates)) as Row[];
    const ranked = rows
      .map((r) => ({ r, ...rankOf(r, q.text, q.code) }))
      .sort((a, b) => a.rank - b.rank || b.r.id - a.r.id)
      .slice(0, perGroup);
    groups.push({
      registry: spec.table,
      title: spec.title,
      listHref: spec.list
        ? `${spec.list}?q=${encodeURIComponent(raw.trim().slice(0, 200))}${deleted ? "&deleted=1" : ""}`
        : null,
      total,
      capped: ids.size > COUNT_CAP,
      hits: ranked.map(({ r, matched }) => {
        return {
          id: r.id,
          href: spec.hitHref(r),
          ...(user.canEdit && spec.list && !r.deleted ? { editHref: `${spec.list}/${r.id}/edit` } : {}),
          name: highlight(r.name, raw),
          matched,
          ...(r.code ? { code: matched === "code" ? highlight(r.code, raw) : [{ text: r.code, hit: false }] } : {}),
          streetId: r.street,
          status: r.status && spec.statusLabels ? { key: `${spec.statusLabels}.${r.status}` } : null,
          other: r.other,
          deleted: !!r.deleted,
          ...(spec.awards ? { award: { year: r.year ?? 0, amountYuan: r.amount ?? 0, excluded: !!r.excluded } } : {}),
        };
      }),
    });
  }
  return { ok: true, query: raw.trim().slice(0, 200), groups };
}
