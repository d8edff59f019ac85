"use client";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { formatNumber, formatPct, formatSigned } from "@/lib/kpi/format";
import { cn } from "@/lib/utils";
import "@/lib/i18n/page-sections/kpi";

export type BreakdownTableRow = {
  key: string;
  label: string;
  /** 未入园 / 未关联企业 and the like: shown in grey. */
  residual: boolean;
  current: number;
  previous: number;
  change: number;
  share: number | null;
  href: string;
};

type SortKey = "label" | "current" | "change";

/**
 * A 镇街/园区 breakdown: each area's figure (a link to its records), share with a compact bar, the previous
 * period's figure and the change. Sorting is local (the rows are few); the footer is the district figure.
 */
export function BreakdownTable({
  rows,
  areaHeader,
  currentPeriod,
  previousPeriod,
  total,
  previousTotal,
}: {
  rows: BreakdownTableRow[];
  areaHeader: string;
  /** The periods, shown under 本期 / 上期. */
  currentPeriod: string;
  previousPeriod: string;
  total: number;
  previousTotal: number;
}) {
  const t = useT();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "current", desc: true });
  const sorted = [...rows].sort((a, b) => {
    const d =
      sort.key === "label"
        ? a.label.localeCompare(b.label, "zh-CN")
        : sort.key === "current"
          ? a.current - b.current
          : a.change - b.change;
    return (sort.desc ? -d : d) || b.current - a.current;
  });
  const max = Math.max(...rows.map((r) => r.current), 1);
  const header = (key: SortKey, label: string, className?: string, sub?: string) => {
    const active = sort.key === key;
    const Icon = active ? (sort.desc ? ArrowDown : ArrowUp) : ArrowUpDown;
    return (
      <th
        className={cn(
          "border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium whitespace-nowrap text-slate-600",
          className,
        )}
        aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
        scope="col"
      >
        <button
          type="button"
          className={cn("inline-flex items-center gap-1 hover:text-slate-900", active && "text-slate-900")}
          onClick={() => setSort({ key, desc: active ? !sort.desc : key !== "label" })}
          title={t("kpi.breakdown.sortBy", { col: label })}
          data-testid={`breakdown-sort-${key}`}
        >
          <span className="flex flex-col items-end leading-tight">
            <span>{label}</span>
            {sub ? <span className="text-xs font-normal text-slate-500">{sub}</span> : null}
          </span>
          <Icon className="h-3.5 w-3.5 shrink-0" aria-hidden />
        </button>
      </th>
    );
  };
  const plain = "border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium whitespace-nowrap text-slate-600";
  return (
    <div className="w-full overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="breakdown-table">
        <thead>
          <tr>
            {header("label", areaHeader, "text-left")}
            {header("current", t("kpi.breakdown.current"), "text-right", currentPeriod)}
            <th className={cn(plain, "w-[36%] min-w-40 text-left")} scope="col">
              {t("kpi.breakdown.share")}
            </th>
            <th className={cn(plain, "text-right")} scope="col">
              <span className="flex flex-col items-end leading-tight">
                <span>{t("kpi.breakdown.previous")}</span>
                <span className="text-xs font-normal text-slate-500">{previousPeriod}</span>
              </span>
            </th>
            {header("change", t("kpi.breakdown.change"), "text-right")}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key} data-testid="breakdown-row" data-key={r.key}>
              <td
                className={cn(
                  "border-b border-slate-100 px-3 py-2 whitespace-nowrap",
                  r.residual ? "text-slate-500" : "text-slate-900",
                )}
                data-testid="breakdown-label"
              >
                {r.label}
              </td>
              <td className="border-b border-slate-100 px-3 py-2 text-right tabular">
                <Link
                  href={r.href}
                  className="font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                  data-testid="breakdown-current"
                  title={t("kpi.breakdown.rowLink", { area: r.label, value: formatNumber(r.current) })}
                >
                  {formatNumber(r.current)}
                </Link>
              </td>
              <td className="border-b border-slate-100 px-3 py-2">
                <div className="flex items-center gap-2">
                  <div className="h-2.5 min-w-0 flex-1 overflow-hidden rounded-sm bg-slate-100" aria-hidden>
                    <div
                      className={cn("h-full rounded-sm", r.residual ? "bg-slate-400" : "bg-brand-600")}
                      style={{ width: `${(r.current / max) * 100}%` }}
                    />
                  </div>
                  <span
                    className="w-14 shrink-0 text-right text-xs text-slate-600 tabular"
                    data-testid="breakdown-share"
                  >
                    {r.share === null ? "—" : `${formatPct(r.share, 1)}%`}
                  </span>
                </div>
              </td>
              <td
                className="border-b border-slate-100 px-3 py-2 text-right text-slate-600 tabular"
                data-testid="breakdown-previous"
              >
                {formatNumber(r.previous)}
              </td>
              <td
                className={cn(
                  "border-b border-slate-100 px-3 py-2 text-right tabular",
                  r.change > 0 ? "text-green-700" : r.change < 0 ? "text-red-700" : "text-slate-500",
                )}
                data-testid="breakdown-change"
              >
                {formatSigned(r.change, 0)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td className="px-3 py-2">{t("kpi.breakdown.total")}</td>
            <td className="px-3 py-2 text-right tabular" data-testid="breakdown-total">
              {formatNumber(total)}
            </td>
            <td className="px-3 py-2" />
            <td className="px-3 py-2 text-right tabular" data-testid="breakdown-previous-total">
              {formatNumber(previousTotal)}
            </td>
            <td className="px-3 py-2 text-right tabular" data-testid="breakdown-change-total">
              {formatSigned(total - previousTotal, 0)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
