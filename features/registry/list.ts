import "server-only";
import { getDb } from "@/db";
import { cachedListCount, countCacheStats } from "@/features/kpi/registry-counts";
import { noteCacheRead } from "@/lib/cache-stats";
import { requirePermission } from "@/lib/dal";
import { getLocale } from "@/lib/i18n/server";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { clampPage } from "@/lib/registry/search-params";
import { columnOf, type RegistryDefinition } from "./define";
import { type RegistryBinding, registryCountQuery, registryPage, registrySumQuery } from "./query";
import type { ListSearch, RegistryRow } from "./search";

/** A list row as shown: dictionary ids → labels, personal data masked before it leaves the server. */
export function listRow(def: RegistryDefinition, dictLabels: ReadonlyMap<number, string>) {
  const keys = def.list ?? [];
  return (raw: Record<string, unknown>): RegistryRow => {
    const out = { ...raw } as RegistryRow;
    for (const key of keys) {
      const c = columnOf(def, key);
      const v = raw[key];
      if (c.mask === "phone") out[key] = maskPhone(v as string | null);
      else if (c.mask === "idNumber") out[key] = maskIdNumber(v as string | null);
      else if (c.kind === "dict" && typeof v === "number") out[key] = dictLabels.get(v) ?? String(v);
    }
    return out;
  };
}

/** A figure kept current across registry writes (cachedListCount), its hits and misses counted for the bench. */
function cached(name: string, q: Parameters<typeof cachedListCount>[0], compute: () => number): number {
  const misses = countCacheStats().listRecounts;
  const v = cachedListCount(q, compute);
  noteCacheRead(name, countCacheStats().listRecounts === misses);
  return v;
}

/**
 * One page and the total, read in one transaction (consistent even while others write). `cacheCount`: the total (a
 * scan of every matching row) and the 合计 are cached and kept current across writes — for the large registry.
 */
export async function getRegistryList(
  def: RegistryDefinition,
  binding: RegistryBinding,
  s: ListSearch,
  opts: { cacheCount?: boolean } = {},
) {
  const user = await requirePermission("registry.read");
  const showDeleted = s.deleted && can(user.role, "registry.restore");
  const { perPage, offset, page } = clampPage(s.page, s.perPage);
  const db = getDb();
  const search = s as ListSearch & Record<string, unknown>;
  const locale = await getLocale();
  return db.transaction(() => {
    const countQuery = registryCountQuery(db, def, binding, search, showDeleted, user.scope);
    const n = opts.cacheCount ? cached("list total", countQuery, () => countQuery.all()[0].n) : countQuery.all()[0].n;
    const raw = registryPage(db, def, binding, search, showDeleted, user.scope, { offset, perPage, total: n });
    const rows = raw.map(listRow(def, getDictionaryLabels(locale)));
    // 合计 over the whole filter, when the list declares summed columns (kept with the total when it is cached).
    const sumKeys = (def.list ?? []).filter((k) => columnOf(def, k).list?.sum);
    const sums = sumKeys.length
      ? Object.fromEntries(
          sumKeys.map((k) => {
            const q = registrySumQuery(db, def, binding, search, showDeleted, user.scope, [k]);
            const read = () => (q.all()[0] as Record<string, number | null>)[k];
            // The count cache holds numbers: a sum over no rows (NULL) is kept as NaN and shown as NULL.
            if (!opts.cacheCount) return [k, read()];
            const v = cached("list 合计", q, () => read() ?? Number.NaN);
            return [k, Number.isNaN(v) ? null : v];
          }),
        )
      : undefined;
    return { rows, total: n, pageCount: Math.ceil(n / perPage), page, perPage, showDeleted, sums };
  });
}
