import "server-only";
import type Database from "better-sqlite3";
import { getConn } from "@/db";
import {
  type BreakdownDim,
  type BreakdownRow,
  countBreakdown,
  countRegistry,
  countRegistryMany,
  REGISTRY_RULES,
  type SqlChunk,
  toRawSql,
} from "@/features/kpi/count-queries";
import { type CommittedWrite, onCommittedWrite, type RegistryKey } from "@/lib/committed-writes";
import { clearJournal, journalOf, readJournal, type SubjectKind } from "./count-journal";

export { REGISTRY_RULES };

// Counts are cached per (rule, period) and kept current INCREMENTALLY: a write on this process's connection is
// journaled by TEMP triggers inside its own transaction (count-journal.ts), and the next read (or the committed-write
// event, whichever comes first) moves each cached count by the touched records' membership after minus before,
// evaluated with THE rule definition. A write the journal cannot adjust exactly (a dictionary edit, an import of
// more than FULL_DROP_AT records) drops the counts, and so does a commit by another connection or process
// (PRAGMA data_version). So the board never rescans the registries for a figure a write did not touch, and a
// figure always equals a fresh count.
type RuleKind = "qualification" | "institution" | "talent";
/** A count of records meeting another per-record condition (the board's expiry alert), kept current the same way. */
type Extra = { n: number; kind: SubjectKind; where: (from: { qualifications: string }) => SqlChunk[] };
type Cache = { base: string; values: Map<string, number>; extra: Map<string, Extra> };
const g = globalThis as unknown as {
  __registryCountCache?: Cache;
  __registryVersion?: number;
  __writeVersion?: number;
  __kindVersions?: Record<RuleKind, number>;
  /** Moves whenever folding the journal changed or dropped cached counts (writes not announced as actions too). */
  __countEpoch?: number;
  __lastFold?: { ms: number; records: string; entries: number; result: string };
  /** How many counts were computed from the registries (a cache miss), for tests and the bench. */
  __recounts?: number;
  /** The same for the registry lists' totals and 合计 (cachedListCount). */
  __listRecounts?: number;
};

/** Which counts a write to each registry can change. Qualification counts read enterprises too (status, deletion). */
const COUNTS_OF: Record<RegistryKey, RuleKind[]> = {
  enterprise: ["qualification"],
  institution: ["institution"],
  talent: ["talent"],
  incubator: [],
};

/** Every committed write moves the board's version; a registry write also makes the cached counts current. */
export function noteWrite(w: CommittedWrite): void {
  g.__writeVersion = (g.__writeVersion ?? 0) + 1;
  if (w.registries.length === 0) return;
  g.__registryVersion = (g.__registryVersion ?? 0) + 1;
  g.__kindVersions ??= { qualification: 0, institution: 0, talent: 0 };
  for (const r of w.registries) for (const k of COUNTS_OF[r]) g.__kindVersions[k]++;
  // The writer pays for the delta right after its commit, so the next board read finds the counts current.
  countCache();
}
onCommittedWrite("kpi.registry-counts", noteWrite);

/**
 * Per connection, shared by every copy of this module (the app's bundles hold several): a token per module copy made
 * each copy see the others' cached counts as another connection's and drop them, every time a request of another
 * route read them.
 */
type DataVersion = { token: string; stmt: Database.Statement };
const versions = globalThis as unknown as { __kpiDataVersion?: WeakMap<Database.Database, DataVersion> };
versions.__kpiDataVersion ??= new WeakMap();
const dataVersion = versions.__kpiDataVersion;

/**
 * Changes when another connection or process commits (SQLite's PRAGMA data_version: a CLI import, a restore, a
 * second server, a test fixture). The token tells connections apart, so a reopened database never reuses old counts.
 */
function connectionVersion(): string {
  const { sqlite } = getConn();
  let dv = dataVersion.get(sqlite);
  if (!dv) {
    dv = { token: Math.random().toString(36).slice(2), stmt: sqlite.prepare("PRAGMA data_version").pluck() };
    dataVersion.set(sqlite, dv);
  }
  return `${dv.token}:${dv.stmt.get() as number}`;
}

/** Changes whenever any registry may have changed: a registry action here, or any commit elsewhere. */
export function registryDataVersion(): string {
  return `${connectionVersion()}:${g.__registryVersion ?? 0}`;
}

/**
 * Like registryDataVersion, but moved by every committed action (indicators, district values, targets, users …),
 * and by any registry write the count journal saw: the key for caches of anything computed from the database,
 * such as the whole board.
 */
export function anyDataVersion(): string {
  countCache();
  return `${registryDataVersion()}:${g.__writeVersion ?? 0}:${g.__countEpoch ?? 0}`;
}

export function isRegistryRule(rule: string | null | undefined): boolean {
  return !!rule && rule in REGISTRY_RULES;
}

/**
 * The cached counts, current: dropped if another connection committed, else with the journal of this
 * connection's writes folded in. Null inside a transaction that has written (its own uncommitted changes are not
 * in the cache, and must not be folded before they commit): the caller counts afresh.
 */
function countCache(): Map<string, number> | null {
  const { sqlite } = getConn();
  const journal = journalOf(sqlite);
  if (!journal) return null;
  const base = connectionVersion();
  if (!g.__registryCountCache || g.__registryCountCache.base !== base) {
    // Counted afresh from here on: what the journal holds is already in the database.
    if (journal.dirty && !sqlite.inTransaction) clearJournal(sqlite);
    if (g.__registryCountCache) g.__countEpoch = (g.__countEpoch ?? 0) + 1;
    g.__registryCountCache = { base, values: new Map(), extra: new Map() };
  }
  const { values, extra } = g.__registryCountCache;
  if (!journal.dirty) return values;
  if (sqlite.inTransaction) return null;
  const t0 = performance.now();
  const j = readJournal(sqlite);
  let result = "none";
  if (j.kind === "drop") {
    result = `dropped (${j.reason})`;
    values.clear();
    extra.clear();
    g.__countEpoch = (g.__countEpoch ?? 0) + 1;
  } else if (j.kind === "delta") {
    let moved = 0;
    for (const [key, n] of values) {
      const at = key.indexOf("@");
      const d = j.delta(key.slice(0, at), key.slice(at + 1));
      if (d !== 0) {
        values.set(key, n + d);
        moved++;
      }
    }
    for (const e of extra.values()) {
      const d = j.deltaOf(e.kind, e.where);
      if (d !== 0) {
        e.n += d;
        moved++;
      }
    }
    result = `${moved} moved`;
    g.__countEpoch = (g.__countEpoch ?? 0) + 1;
  }
  const listsMoved = foldListFigures(j);
  if (listsMoved) result += `, ${listsMoved} list figures moved`;
  clearJournal(sqlite);
  g.__lastFold = {
    ms: performance.now() - t0,
    records: j.kind === "delta" ? [...j.subjects].join("") : j.kind,
    entries: values.size,
    result,
  };
  return values;
}

/**
 * How the cache is doing: counts computed from the registries so far (misses), and the last fold of the journal
 * (how long making the counts current after a write took, and whether it adjusted or dropped them).
 */
export function countCacheStats() {
  return { recounts: g.__recounts ?? 0, listRecounts: g.__listRecounts ?? 0, lastFold: g.__lastFold ?? null };
}

/**
 * How many records of a registry meet `where` (a condition on the registry table by its own name, reading
 * certificates from `from.qualifications`): counted once, then kept current by the write deltas like the rule
 * counts. `key` names the condition with its parameters (e.g. the day an expiry window starts).
 */
export function registryMembershipCount(
  key: string,
  kind: SubjectKind,
  where: (from: { qualifications: string }) => SqlChunk[],
): number {
  const c = countCache();
  const hit = c ? g.__registryCountCache?.extra.get(key) : undefined;
  if (hit) return hit.n;
  const table = kind === "e" ? "enterprises" : kind === "i" ? "institutions" : "talents";
  const { sql, params } = toRawSql(where({ qualifications: "enterprise_qualifications" }));
  const n = getConn()
    .sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
  g.__recounts = (g.__recounts ?? 0) + 1;
  if (c) {
    const extra = g.__registryCountCache?.extra;
    if (extra && extra.size >= 64) extra.clear();
    extra?.set(key, { n, kind, where });
  }
  return n;
}

/**
 * Moves whenever something the board reads besides the registries may have changed: a write on this connection to
 * district values, city totals, targets, indicators, dictionaries or quarterly reports (TEMP triggers), or any
 * commit by another connection. The key for caching the board's non-registry inputs across registry writes.
 */
export function boardInputsVersion(): string {
  const journal = journalOf(getConn().sqlite);
  // No journal yet (first use inside a transaction): a version never seen again, so nothing is reused.
  return journal ? `${connectionVersion()}:${journal.inputsEpoch}` : `uncached:${Math.random()}`;
}

/** The live registry value of a registry-count indicator for a period (cached, kept current by write deltas). */
export function registryCount(rule: string, period: string): number {
  const c = countCache();
  const key = `${rule}@${period}`;
  const hit = c?.get(key);
  if (hit !== undefined) return hit;
  const n = countRegistry(getConn().sqlite, rule, period);
  g.__recounts = (g.__recounts ?? 0) + 1;
  c?.set(key, n);
  return n;
}

/** Fills the cache for many periods of one rule with a single pass (a board card's trend). */
export function prefetchRegistryCounts(rule: string, periods: string[]): void {
  const c = countCache();
  if (!c) return;
  const missing = periods.filter((p) => !c.has(`${rule}@${p}`));
  if (missing.length === 0) return;
  g.__recounts = (g.__recounts ?? 0) + missing.length;
  // A flow of qualifications is an index range per period (a few ms each); one pass would read every certificate.
  const r = REGISTRY_RULES[rule];
  if (r?.kind === "qualification" && r.flow) {
    for (const p of missing) c.set(`${rule}@${p}`, countRegistry(getConn().sqlite, rule, p));
    return;
  }
  for (const [p, n] of countRegistryMany(getConn().sqlite, rule, missing)) c.set(`${rule}@${p}`, n);
}

const kindVersion = (rule: string): number => g.__kindVersions?.[REGISTRY_RULES[rule]?.kind as RuleKind] ?? 0;

const breakdowns = globalThis as unknown as {
  __registryBreakdownCache?: { base: string; values: Map<string, { rows: BreakdownRow[]; v: string }> };
};

/**
 * A registry count split by 镇街 or 园区 (with the previous period's split), cached like the counts. An institution
 * or talent lies where its linked enterprise is, so an enterprise write (which moves the qualification counts'
 * version) drops those breakdowns too.
 */
export function registryBreakdown(rule: string, period: string, previous: string, dim: BreakdownDim): BreakdownRow[] {
  const base = connectionVersion();
  if (!breakdowns.__registryBreakdownCache || breakdowns.__registryBreakdownCache.base !== base) {
    breakdowns.__registryBreakdownCache = { base, values: new Map() };
  }
  const c = breakdowns.__registryBreakdownCache.values;
  const key = `${rule}@${period}/${previous}:${dim}`;
  const v = `${kindVersion(rule)}:${g.__kindVersions?.qualification ?? 0}`;
  const hit = c.get(key);
  if (hit && hit.v === v) return hit.rows;
  const rows = countBreakdown(getConn().sqlite, rule, period, previous, dim);
  if (c.size >= MAX_CACHED_COUNTS) c.delete(c.keys().next().value as string);
  c.set(key, { rows, v });
  return rows;
}

/**
 * A registry list's total or 合计 (one summed column), cached per exact statement (SQL + parameters). A statement
 * over the enterprise row and its certificates alone (filters by 镇街, 园区, 产业链, status, scope, deletion,
 * qualification) is kept current by the count journal's deltas like the board's counts — a sum with its count of
 * non-empty values, added with compensation (Neumaier), so it equals a fresh SUM() to the last shown digit — and
 * any other (a search) until the next registry write. Dropped with the counts (a dictionary write, an import, a
 * commit by another connection).
 */
type ListEntry = {
  /** For an adjustable entry, the statement the journal evaluates on the images: count(*), or total(x), count(x). */
  sql: string | null;
  params: unknown[];
  sum: number;
  /** Neumaier's running compensation of `sum`. */
  comp: number;
  /** A sum's count of non-empty values (a sum over none is NULL); unused for a count. */
  nonNull: number;
  kind: "count" | "sum";
  /** The registry version a not-adjustable entry was computed at. */
  version: number;
};
const lists = globalThis as unknown as { __registryListFigures?: { base: string; values: Map<string, ListEntry> } };
const MAX_CACHED_COUNTS = 500;

/** Neumaier's compensated addition: the running sum and compensation after adding x. */
function addComp(e: ListEntry, x: number): void {
  const t = e.sum + x;
  e.comp += Math.abs(e.sum) >= Math.abs(x) ? e.sum - t + x : x - t + e.sum;
  e.sum = t;
}

/** Folds the journal into the cached list figures (called with the board's counts, in the same pass). */
function foldListFigures(j: ReturnType<typeof readJournal>): number {
  const c = lists.__registryListFigures?.values;
  if (!c || j.kind === "none") return 0;
  if (j.kind === "drop") {
    c.clear();
    return 0;
  }
  let moved = 0;
  for (const [key, e] of c) {
    const d = e.sql ? j.statementDelta(e.sql, e.params) : null;
    if (!d) {
      c.delete(key);
      continue;
    }
    if (d.after.every((x, i) => x === d.before[i])) continue;
    addComp(e, d.after[0]);
    addComp(e, -d.before[0]);
    if (e.kind === "sum") e.nonNull += d.after[1] - d.before[1];
    moved++;
  }
  return moved;
}

/** The statement an adjustable list figure is kept by, or null (anything but a plain count or sum of enterprises). */
function adjustable(sql: string): { sql: string; kind: "count" | "sum" } | null {
  if (/^select count\(\*\) from "enterprises" where /.test(sql)) return { sql, kind: "count" };
  const m = /^select sum\(("[a-z_]+")\) from "enterprises" where /.exec(sql);
  if (m)
    return { sql: sql.replace(m[0], `select total(${m[1]}), count(${m[1]}) from "enterprises" where `), kind: "sum" };
  return null;
}

/**
 * The total or 合计 behind a filtered registry list: counted once per exact statement, then kept current (see
 * ListEntry). `compute` counts afresh (a sum over no rows: NaN); the same value a fresh count gives, always.
 */
export function cachedListCount(query: { toSQL(): { sql: string; params: unknown[] } }, compute: () => number): number {
  const cache = countCache();
  // Inside a transaction that has written, or before the journal exists: counted afresh, never cached.
  if (!cache) {
    g.__listRecounts = (g.__listRecounts ?? 0) + 1;
    return compute();
  }
  const base = connectionVersion();
  if (!lists.__registryListFigures || lists.__registryListFigures.base !== base) {
    lists.__registryListFigures = { base, values: new Map() };
  }
  const c = lists.__registryListFigures.values;
  const { sql, params } = query.toSQL();
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const version = g.__registryVersion ?? 0;
  const hit = c.get(key);
  if (hit && (hit.sql || hit.version === version)) {
    if (hit.kind === "count") return hit.sum + hit.comp;
    return hit.nonNull > 0 ? hit.sum + hit.comp : Number.NaN;
  }
  const adj = adjustable(sql);
  const entry: ListEntry = {
    sql: adj?.sql ?? null,
    params,
    sum: 0,
    comp: 0,
    nonNull: 0,
    kind: adj?.kind ?? "count",
    version,
  };
  let value: number;
  if (adj?.kind === "sum") {
    const [total, nonNull] = Object.values(
      getConn()
        .sqlite.prepare(adj.sql)
        .get(...params) as object,
    ) as number[];
    entry.sum = total;
    entry.nonNull = nonNull;
    value = nonNull > 0 ? total : Number.NaN;
  } else {
    value = compute();
    entry.sum = value;
  }
  g.__listRecounts = (g.__listRecounts ?? 0) + 1;
  if (c.size >= MAX_CACHED_COUNTS) c.delete(c.keys().next().value as string);
  c.set(key, entry);
  return value;
}
