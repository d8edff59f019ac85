import "server-only";
import { getConn } from "@/db";
import { countRegistry, REGISTRY_RULES } from "@/db/registry-counts";

export { REGISTRY_RULES };

// Counts are cached per (rule, period) and dropped whenever a registry write commits (see noteWrite), so the
// board never rescans the registries for an unchanged figure, and a figure always equals a fresh count.
type Cache = { version: number; values: Map<string, number> };
const g = globalThis as unknown as { __registryCountCache?: Cache; __registryVersion?: number };

// An import preview writes nothing; only its commit touches the registries.
const REGISTRY_PREFIXES = ["enterprise.", "institution.", "incubator.", "talent.", "import.commit"];

/** Called by the action wrapper after every committed write: registry writes invalidate the counts. */
export function noteWrite(actionName: string): void {
  if (REGISTRY_PREFIXES.some((p) => actionName.startsWith(p))) g.__registryVersion = (g.__registryVersion ?? 0) + 1;
}

export function isRegistryRule(rule: string | null | undefined): boolean {
  return !!rule && rule in REGISTRY_RULES;
}

/** The live registry value of a registry-count indicator for a period (cached until the next registry write). */
export function registryCount(rule: string, period: string): number {
  const version = g.__registryVersion ?? 0;
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
