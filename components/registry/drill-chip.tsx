import { X } from "lucide-react";
import Link from "next/link";
import type { Drill } from "@/features/kpi/drill";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";

/** The board figure a list was opened from, as a readable filter chip; ✕ removes it (and only it) from the URL. */
export async function DrillChip({
  drill,
  base,
  params,
  total,
}: {
  drill: Drill | null;
  base: string;
  params: Record<string, string>;
  /** The list's total, shown beside the filter so it can be read against the board's figure. */
  total: number;
}) {
  if (!drill) return null;
  const t = await getT();
  const locale = await getLocale();
  const l = drill.label;
  const text = t(`kpi.drill.${l.kind}`, {
    start: drill.start,
    end: drill.end,
    year: l.year,
    type: l.type,
    level: l.level ? t(`registry.levels.${l.level as "national" | "municipal" | "district"}`) : "",
    who: l.who ? t(`kpi.drill.${l.who}`) : "",
  });
  const rest = new URLSearchParams(params);
  rest.delete("kpi");
  rest.delete("period");
  rest.delete("area");
  rest.delete("page");
  const clear = rest.size ? `${base}?${rest.toString()}` : base;
  // A breakdown row's list: its area is a chip of its own, whose ✕ goes back to the whole figure's records.
  const a = drill.area;
  const wholeFigure = new URLSearchParams(params);
  wholeFigure.delete("area");
  wholeFigure.delete("page");
  const areaText = a
    ? t("kpi.drill.area", {
        area: t(`kpi.breakdown.area.${a.dim}`),
        label:
          a.key === "unlinked"
            ? t("kpi.breakdown.unlinked")
            : a.key === "none"
              ? t(`kpi.breakdown.none.${a.dim}`)
              : (a.label ?? `#${a.key}`),
      })
    : null;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="drill-filter">
      <span className="text-slate-500">{t("kpi.drill.from", { name: drill.name })}</span>
      <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-1 pr-1 pl-3 text-brand-900">
        <span data-testid="drill-chip" title={formatPeriod(drill.period, locale)}>
          {text}
        </span>
        <Link
          href={clear}
          className="inline-flex h-6 w-6 items-center justify-center rounded-full hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
          aria-label={t("kpi.drill.clear")}
          title={t("kpi.drill.clear")}
          data-testid="drill-clear"
        >
          <X className="h-4 w-4" />
        </Link>
      </span>
      {areaText ? (
        <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-1 pr-1 pl-3 text-brand-900">
          <span data-testid="drill-area">{areaText}</span>
          <Link
            href={`${base}?${wholeFigure.toString()}`}
            className="inline-flex h-6 w-6 items-center justify-center rounded-full hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
            aria-label={t("kpi.drill.clearArea")}
            title={t("kpi.drill.clearArea")}
            data-testid="drill-area-clear"
          >
            <X className="h-4 w-4" />
          </Link>
        </span>
      ) : null}
      <span className="font-medium text-slate-700" data-testid="drill-total">
        {t("common.total", { count: formatNumber(total) })}
      </span>
    </div>
  );
}
