import "server-only";
import type Database from "better-sqlite3";
import { getConn } from "@/db";
import { countRegistry, REGISTRY_RULES } from "@/db/registry-counts";

export { REGISTRY_RULES };

// Counts are cached per (rule, period) and dropped whenever registry data may have changed (see registryDataVersion),
// so the board never rescans the registries for an unchanged figure, and a figure always equals a fresh count.
type Cache = { version: string; values: Map<string, number> };
const g = globalThis as unknown as {
  __registryCountCache?: Cache;
  __registryVersion?: number;
  __writeVersion?: number;
};

// Dictionaries too: the counts select qualification/institution types and talent categories by code.
const REGISTRY_PREFIXES = ["enterprise.", "institution.", "incubator.", "talent.", "import.", "dictionary."];

/** Called by the action wrapper after every committed write: registry writes invalidate the counts. */
export function noteWrite(actionName: string): void {
  g.__writeVersion = (g.__writeVersion ?? 0) + 1;
  if (REGISTRY_PREFIXES.some((p) => actionName.startsWith(p))) g.__registryVersion = (g.__registryVersion ?? 0) + 1;
}

const dataVersion = new WeakMap<Database.Database, { token: string; stmt: Database.Statement }>();

/**
 * Changes whenever the registries may have changed: a registry write committed through an action in this process
 * (noteWrite), or any commit by another connection or process (SQLite's PRAGMA data_version: a CLI import, a
 * restore, a second server). The token tells connections apart, so a reopened database never reuses old counts.
 */
export function registryDataVersion(): string {
  const { sqlite } = getConn();
  let dv = dataVersion.get(sqlite);
  if (!dv) {
    dv = { token: Math.random().toString(36).slice(2), stmt: sqlite.prepare("PRAGMA data_version").pluck() };
    dataVersion.set(sqlite, dv);
  }
  return `${dv.token}:${g.__registryVersion ?? 0}:${dv.stmt.get() as number}`;
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

/** The live registry value of a registry-count indicator for a period (cached until the registries change). */
export function registryCount(rule: string, period: string): number {
  const version = registryDataVersion();
  if (!g.__registryCountCache || g.__registryCountCache.version !== version) {
    g.__registryCountCache = { version, values: new Map() };
  }
  const c = g.__registryCountCache;
  const key = `${rule}@${period}`;
  const hit = c.values.get(key);
  if (hit !== undefined) return hit;
  const n = countRegistry(getConn().sqlite, rule, period);
  c.values.set(key, n);
  return n;
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
