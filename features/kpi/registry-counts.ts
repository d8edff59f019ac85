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
} from "@/features/kpi/count-queries";
import { type CommittedWrite, onCommittedWrite, type RegistryKey } from "@/lib/committed-writes";

export { REGISTRY_RULES };

// Counts are cached per (rule, period) and dropped whenever the registry a rule counts may have changed, so the
// board never rescans the registries for an unchanged figure, and a figure always equals a fresh count.
type RuleKind = "qualification" | "institution" | "talent";
type Entry = { n: number; v: number };
type Cache = { base: string; values: Map<string, Entry> };
const g = globalThis as unknown as {
  __registryCountCache?: Cache;
  __registryVersion?: number;
  __writeVersion?: number;
  __kindVersions?: Record<RuleKind, number>;
};

/** Which counts a write to each registry can change. Qualification counts read enterprises too (status, deletion). */
const COUNTS_OF: Record<RegistryKey, RuleKind[]> = {
  enterprise: ["qualification"],
  institution: ["institution"],
  talent: ["talent"],
  incubator: [],
};

/** Every committed write moves the board's version; a registry write also drops the counts it can change. */
export function noteWrite(w: CommittedWrite): void {
  g.__writeVersion = (g.__writeVersion ?? 0) + 1;
  if (w.registries.length === 0) return;
  g.__registryVersion = (g.__registryVersion ?? 0) + 1;
  g.__kindVersions ??= { qualification: 0, institution: 0, talent: 0 };
  for (const r of w.registries) for (const k of COUNTS_OF[r]) g.__kindVersions[k]++;
}
onCommittedWrite("kpi.registry-counts", noteWrite);

const dataVersion = new WeakMap<Database.Database, { token: string; stmt: Database.Statement }>();

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
 * Like registryDataVersion, but moved by every committed action (indicators, district values, targets, users …):
 * the key for caches of anything computed from the database, such as the whole board.
 */
export function anyDataVersion(): string {
  return `${registryDataVersion()}:${g.__writeVersion ?? 0}`;
}

export function isRegistryRule(rule: string | null | undefined): boolean {
  return !!rule && rule in REGISTRY_RULES;
}

function countCache(): Map<string, Entry> {
  const base = connectionVersion();
  if (!g.__registryCountCache || g.__registryCountCache.base !== base) {
    g.__registryCountCache = { base, values: new Map() };
  }
  return g.__registryCountCache.values;
}

const kindVersion = (rule: string): number => g.__kindVersions?.[REGISTRY_RULES[rule]?.kind as RuleKind] ?? 0;

/** The live registry value of a registry-count indicator for a period (cached until its registry changes). */
export function registryCount(rule: string, period: string): number {
  const c = countCache();
  const key = `${rule}@${period}`;
  const v = kindVersion(rule);
  const hit = c.get(key);
  if (hit && hit.v === v) return hit.n;
  const n = countRegistry(getConn().sqlite, rule, period);
  c.set(key, { n, v });
  return n;
}

/** Fills the cache for many periods of one rule with a single pass (a board card's trend). */
export function prefetchRegistryCounts(rule: string, periods: string[]): void {
  const c = countCache();
  const v = kindVersion(rule);
  const missing = periods.filter((p) => c.get(`${rule}@${p}`)?.v !== v);
  if (missing.length === 0) return;
  // A flow of qualifications is an index range per period (a few ms each); one pass would read every certificate.
  const r = REGISTRY_RULES[rule];
  if (r?.kind === "qualification" && r.flow) {
    for (const p of missing) c.set(`${rule}@${p}`, { n: countRegistry(getConn().sqlite, rule, p), v });
    return;
  }
  for (const [p, n] of countRegistryMany(getConn().sqlite, rule, missing)) c.set(`${rule}@${p}`, { n, v });
}

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

type CountCache = { version: string; values: Map<string, number> };
const counts = globalThis as unknown as { __registryListCounts?: CountCache };
const MAX_CACHED_COUNTS = 500;

/**
 * The total behind a filtered registry list, cached per exact statement (SQL + parameters) until the registries
 * change: paging through a list, or many users opening the same list, counts once. Always equals a fresh count.
 */
export function cachedListCount(query: { toSQL(): { sql: string; params: unknown[] } }, count: () => number): number {
  const version = registryDataVersion();
  if (!counts.__registryListCounts || counts.__registryListCounts.version !== version) {
    counts.__registryListCounts = { version, values: new Map() };
  }
  const c = counts.__registryListCounts.values;
  const { sql, params } = query.toSQL();
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = c.get(key);
  if (hit !== undefined) return hit;
  const n = count();
  if (c.size >= MAX_CACHED_COUNTS) c.delete(c.keys().next().value as string);
  c.set(key, n);
  return n;
}
