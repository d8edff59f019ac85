import "server-only";
import fs from "node:fs";

// Hit and miss counts of the server's in-memory caches, so a benchmark can say how much of a run a cache served
// (a cache keyed by URL can flatter a run of identical requests). Counting is a pair of integers; nothing is
// written anywhere unless BENCH_CACHE_STATS names a file (the bench sets it), which then holds the counts as JSON
// (rewritten at most every 100 ms, off the request path).

type Counts = Record<string, { hits: number; misses: number }>;
const g = globalThis as unknown as { __cacheStats?: Counts; __cacheStatsTimer?: NodeJS.Timeout | null };

/** Notes one read of `cache`: served from it (`hit`) or computed. */
export function noteCacheRead(cache: string, hit: boolean): void {
  g.__cacheStats ??= {};
  g.__cacheStats[cache] ??= { hits: 0, misses: 0 };
  const c = g.__cacheStats[cache];
  if (hit) c.hits++;
  else c.misses++;
  const file = process.env.BENCH_CACHE_STATS;
  if (!file || g.__cacheStatsTimer) return;
  g.__cacheStatsTimer = setTimeout(() => {
    g.__cacheStatsTimer = null;
    // Written aside, then renamed over the file: a reader never sees it half written.
    fs.writeFile(`${file}.tmp`, JSON.stringify(g.__cacheStats), (err) => {
      if (!err) fs.rename(`${file}.tmp`, file, () => {});
    });
  }, 100);
  g.__cacheStatsTimer.unref();
}
