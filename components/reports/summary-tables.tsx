import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { drillHref } from "@/features/kpi/drill";
import type { TargetStatus } from "@/features/kpi/ranking";
import {
  type IndicatorRow,
  MOVEMENT_COLUMNS,
  MOVEMENT_HREF,
  MOVEMENT_KINDS,
  type MovementColumn,
  type MovementKind,
  type MovementRow,
  type SummaryData,
} from "@/features/reports/model";
import type { MessageKey, T } from "@/lib/i18n/core";
import { formatNumber, formatSigned } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";
import { shareLabelKey } from "@/lib/kpi/share-label";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils";

const STATUS_TONE: Record<TargetStatus, "ok" | "warn" | "bad" | "neutral"> = {
  met: "ok",
  warning: "warn",
  missed: "bad",
  no_data: "neutral",
};

// Shared by the summary page and its print view (print styles come from the `report-*` classes).
const thBase = "border-b border-slate-300 bg-slate-50 px-2 py-1.5 text-left font-medium text-slate-700";
const th = `${thBase} whitespace-nowrap`;
const td = "border-b border-slate-100 px-2 py-1.5 align-top";
const num = "text-right tabular-nums whitespace-nowrap";

/** A figure in the summary leads to what makes it: a registry count to its records, a reported one to its source. */
function FigureLink({ row, t, children }: { row: IndicatorRow; t: T; children: React.ReactNode }) {
  if (row.value === null || !row.source) return <>{children}</>;
  const href =
    row.source === "registry_count"
      ? drillHref(row.registryRule, row.key, row.dataPeriod)
      : `/indicators/${row.key}?period=${row.dataPeriod}#provenance`;
  if (!href) return <>{children}</>;
  return (
    <Link
      href={href}
      className="text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-brand-700 hover:decoration-brand-600"
      title={row.source === "registry_count" ? t("kpi.drillLink", { period: row.dataPeriod }) : t("kpi.provenanceLink")}
      data-testid="report-drill"
    >
      {children}
    </Link>
  );
}

export function IndicatorTable({
  rows,
  t,
  locale,
  compact,
}: {
  rows: IndicatorRow[];
  t: T;
  locale: "zh-CN" | "en";
  /** A4 print: headers wrap and periods are short, so all ten columns fit the page width. */
  compact?: boolean;
}) {
  const th = compact ? `${thBase} align-bottom` : `${thBase} whitespace-nowrap`;
  return (
    <div className="w-full overflow-x-auto">
      <table
        className={cn("report-table w-full border-collapse", compact ? "text-[11px]" : "text-sm")}
        data-testid="report-indicators"
      >
        <thead>
          <tr>
            <th className={th}>{t("reports.columns.indicator")}</th>
            <th className={th}>{t("reports.columns.dataPeriod")}</th>
            <th className={cn(th, "text-right")}>{t("reports.columns.value")}</th>
            <th className={cn(th, "text-right")}>{t("reports.columns.rank")}</th>
            <th className={cn(th, "text-right")}>{t("reports.columns.leadOrGap")}</th>
            <th className={cn(th, "text-right")}>{t("reports.columns.sharePct")}</th>
            <th className={cn(th, "text-right")}>{t("kpi.target")}</th>
            <th className={th}>{t("reports.columns.status")}</th>
            <th className={cn(th, "text-right")}>{t("reports.columns.qoqPct")}</th>
            <th className={cn(th, "text-right")}>{t("reports.columns.yoyPct")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`report-row-${r.key}`}>
              <td className={cn(td, compact ? "min-w-[8em]" : "min-w-[11em]")}>
                {r.name}
                {r.sampleBased ? <span className="ml-1 text-xs text-slate-500">*</span> : null}
              </td>
              <td className={cn(td, "whitespace-nowrap")}>
                {compact ? r.dataPeriod : formatPeriod(r.dataPeriod, locale)}
              </td>
              <td className={cn(td, num)} data-testid="report-value">
                <FigureLink row={r} t={t}>
                  {r.valueKind === "rank" ? (
                    t("kpi.rank", { rank: r.value ?? "—" })
                  ) : (
                    <>
                      <span data-testid="report-number">{formatNumber(r.value, r.decimals)}</span>
                      <span className="ml-0.5 text-xs text-slate-500">{r.unit}</span>
                    </>
                  )}
                </FigureLink>
              </td>
              <td className={cn(td, num)} data-testid="report-rank">
                {r.rank ? `${r.rank} / ${r.districtCount}` : "—"}
              </td>
              <td className={cn(td, num)}>{formatSigned(r.leadOrGap, r.decimals)}</td>
              <td className={cn(td, num)} data-testid="report-share">
                {r.sharePct == null ? (
                  "—"
                ) : (
                  <>
                    {`${formatNumber(r.sharePct, 2)}%`}
                    {r.shareBase ? (
                      <span className="block text-[10px] leading-tight text-slate-500" data-testid="report-share-base">
                        {t(shareLabelKey(r.shareBase))}
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td className={cn(td, num)}>
                {[
                  r.targetRank ? t("kpi.targetRank", { rank: r.targetRank }) : null,
                  r.targetValue != null ? formatNumber(r.targetValue, r.decimals) : null,
                ]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </td>
              <td className={td}>
                {r.status ? <Badge tone={STATUS_TONE[r.status]}>{t(`kpi.status.${r.status}`)}</Badge> : "—"}
              </td>
              <td className={cn(td, num)}>{r.qoqPct == null ? "—" : `${formatSigned(r.qoqPct, 2)}%`}</td>
              <td className={cn(td, num)} data-testid="report-yoy">
                {r.yoyPct == null ? "—" : `${formatSigned(r.yoyPct, 2)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Columns holding a record's or a person's name: data, never translated. */
const DATA_KEYS = new Set(["enterpriseName", "institutionName", "talentName", "host", "employer"]);

function cellText(c: MovementColumn, v: string | number | null, t: T): string {
  if (v === null || v === undefined || v === "") return "—";
  if (c.labels) return t(`${c.labels}.${v}` as MessageKey);
  if (c.type === "datetime") return formatDateTime(String(v)).slice(0, 16);
  return String(v);
}

export function MovementTable({
  kind,
  rows,
  t,
  limit,
  links,
}: {
  kind: MovementKind;
  rows: MovementRow[];
  t: T;
  /** Show at most this many rows (the page); the print view shows all. */
  limit?: number;
  links?: boolean;
}) {
  const cols = MOVEMENT_COLUMNS[kind];
  const shown = limit ? rows.slice(0, limit) : rows;
  return (
    <section className="report-section flex flex-col gap-2" data-testid={`movement-${kind}`}>
      <h3 className="flex items-baseline gap-2 text-sm font-semibold text-slate-800">
        {t(`reports.movements.${kind}`)}
        <span className="text-xs font-normal text-slate-500" data-testid="movement-count">
          {t("reports.count", { count: rows.length })}
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("reports.none")}</p>
      ) : (
        <div className="w-full overflow-x-auto">
          <table className="report-table w-full border-collapse text-sm">
            <thead>
              <tr>
                {cols.map((c) => (
                  <th key={c.key} className={th}>
                    {t(`reports.columns.${c.key}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.id}`}>
                  {cols.map((c, i) => (
                    <td
                      key={c.key}
                      translate={DATA_KEYS.has(c.key) ? "no" : undefined}
                      className={cn(
                        td,
                        c.type === "text" ? (i === 0 ? "min-w-[12em]" : "") : "whitespace-nowrap tabular-nums",
                      )}
                    >
                      {i === 0 && links ? (
                        <Link className="text-brand-700 hover:underline" href={rowHref(kind, r)}>
                          {cellText(c, r[c.key], t)}
                        </Link>
                      ) : (
                        cellText(c, r[c.key], t)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {limit && rows.length > limit ? (
        <p className="text-xs text-slate-500">{t("reports.moreRows", { shown: limit, count: rows.length })}</p>
      ) : null}
    </section>
  );
}

/** Qualification rows carry the qualification id; they link to the enterprise list searched by credit code. */
function rowHref(kind: MovementKind, r: MovementRow): string {
  const base = MOVEMENT_HREF[kind];
  if (kind === "qualificationsAwarded" || kind === "qualificationsExpiring")
    return `${base}?q=${encodeURIComponent(String(r.creditCode ?? ""))}`;
  return `${base}/${r.id}`;
}

export function MovementSections({
  data,
  t,
  limit,
  links,
}: {
  data: SummaryData;
  t: T;
  limit?: number;
  links?: boolean;
}) {
  return (
    <div className="flex flex-col gap-5">
      {MOVEMENT_KINDS.map((k) => (
        <MovementTable key={k} kind={k} rows={data.movements[k]} t={t} limit={limit} links={links} />
      ))}
    </div>
  );
}
