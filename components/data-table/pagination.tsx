import Link from "next/link";
import type { T } from "@/lib/i18n/core";
import { formatNumber } from "@/lib/kpi/format";
import { cn } from "@/lib/utils";

/** Plain-link pager: the page lives in the URL, so any view can be bookmarked or shared. */
export function Pagination({
  t,
  page,
  pageCount,
  total,
  hrefFor,
}: {
  t: T;
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const link = (p: number, label: string, disabled: boolean) =>
    disabled ? (
      <span className="rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-300" aria-disabled>
        {label}
      </span>
    ) : (
      <Link
        href={hrefFor(p)}
        className={cn("rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100")}
      >
        {label}
      </Link>
    );
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-3 text-sm text-slate-600">
      <span data-testid="total-count">{t("common.total", { count: formatNumber(total) })}</span>
      <div className="flex items-center gap-2">
        {link(page - 1, t("common.prev"), page <= 1)}
        <span className="tabular">{t("common.page", { page, pages: Math.max(pageCount, 1) })}</span>
        {link(page + 1, t("common.next"), page >= pageCount)}
      </div>
    </div>
  );
}

export function buildHref(base: string, params: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") sp.set(k, String(v));
  const qs = sp.toString();
  return qs ? `${base}?${qs}` : base;
}
