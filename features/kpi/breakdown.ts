import "server-only";
// A registry count split by 镇街 / 园区: which street or park contributes how much to the district's figure, and
// how each moved since the previous period. The split is ruleMembership grouped by where a record lies
// (count-queries.ts areaCondition), so the rows add up exactly to the card's figure, and each row drills to the
// list of exactly its records (`?kpi=&period=&area=`).
import { getDb } from "@/db";
import { type AreaKey, type BreakdownDim, ruleRegistry } from "@/features/kpi/count-queries";
import { drillHref } from "@/features/kpi/drill";
import { registryBreakdown } from "@/features/kpi/registry-counts";
import { previousPeriod } from "@/lib/kpi/period";

export type BreakdownView = {
  dim: BreakdownDim;
  period: string;
  previous: string;
  /** Institutions and talents are placed through their linked enterprise (host / employer). */
  viaEnterprise: boolean;
  total: number;
  previousTotal: number;
  rows: {
    key: AreaKey;
    /** The dictionary label; null for 未入园 / 未填镇街 / 未关联企业 (the page names them from the catalogue). */
    label: string | null;
    current: number;
    previous: number;
    change: number;
    /** Share of the district's figure, in percent (null when the figure is 0). */
    share: number | null;
    href: string;
  }[];
  /** Dictionary items of the dimension with nothing in either period (not listed as rows). */
  emptyCount: number;
};

const LAST = { none: 1, unlinked: 2 } as const;

/** The breakdown of a registry-count indicator for a period by street or park (cached until a registry write). */
export function getBreakdown(ind: { key: string; registryRule: string | null }, period: string, dim: BreakdownDim) {
  const rule = ind.registryRule;
  if (!rule || !ruleRegistry(rule)) return null;
  const previous = previousPeriod(period);
  const counted = registryBreakdown(rule, period, previous, dim);
  const items = getDb()
    .$client.prepare(
      "SELECT id, label FROM dictionary_items WHERE kind = ? AND NOT (kind = 'park' AND code = 'none') ORDER BY sort_order, id",
    )
    .all(dim) as { id: number; label: string }[];
  const order = new Map(items.map((it, i) => [it.id, i]));
  const labels = new Map(items.map((it) => [it.id, it.label]));
  const total = counted.reduce((s, r) => s + r.current, 0);
  const previousTotal = counted.reduce((s, r) => s + r.previous, 0);
  const rank = (k: AreaKey) => (typeof k === "number" ? (order.get(k) ?? items.length) : items.length + LAST[k]);
  const rows = counted
    .map((r) => ({
      key: r.key,
      label: typeof r.key === "number" ? (labels.get(r.key) ?? `#${r.key}`) : null,
      current: r.current,
      previous: r.previous,
      change: r.current - r.previous,
      share: total > 0 ? (r.current / total) * 100 : null,
      href: drillHref(rule, ind.key, period, { dim, key: r.key }) as string,
    }))
    // Largest contribution first; the 未入园 / 未关联企业 rows after the named areas of equal size.
    .sort((a, b) => b.current - a.current || b.previous - a.previous || rank(a.key) - rank(b.key));
  const seen = new Set(counted.map((r) => r.key));
  return {
    dim,
    period,
    previous,
    viaEnterprise: ruleRegistry(rule) !== "enterprises",
    total,
    previousTotal,
    rows,
    emptyCount: items.filter((it) => !seen.has(it.id)).length,
  } satisfies BreakdownView;
}
