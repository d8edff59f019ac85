import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Card } from "@/features/kpi/board";
import { drillHref } from "@/features/kpi/drill";
import type { T } from "@/lib/i18n/core";
import { formatNumber, formatPct, formatSigned } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";
import { cn } from "@/lib/utils";
import { Sparkline } from "./sparkline";

const STATUS_STYLE = {
  met: { tone: "ok", border: "border-l-green-600" },
  warning: { tone: "warn", border: "border-l-amber-500" },
  missed: { tone: "bad", border: "border-l-red-600" },
  no_data: { tone: "neutral", border: "border-l-slate-300" },
} as const;

/** One headline card: value, rank among the districts, lead or gap, share, target progress, trend. */
export function KpiCard({
  card,
  t,
  locale,
  boardPeriod,
  focused,
}: {
  card: Card;
  t: T;
  locale: "zh-CN" | "en";
  boardPeriod: string;
  focused: boolean;
}) {
  const { indicator: ind, standing: s } = card;
  // Missing data is 待录入 (grey), never a missed target.
  const status = card.pending ? "no_data" : card.status;
  const style = STATUS_STYLE[status ?? "no_data"];
  // Every figure leads to what makes it: a registry count to its records, a reported figure to its provenance.
  const drill =
    ind.source === "registry_count"
      ? drillHref(ind.registryRule, ind.key, card.period)
      : `/indicators/${ind.key}?period=${card.period}#provenance`;
  const drillTitle =
    ind.source === "registry_count"
      ? t("kpi.drillLink", { period: formatPeriod(card.period, locale) })
      : t("kpi.provenanceLink");
  const isRank = ind.valueKind === "rank";
  const unit = isRank ? "" : ind.unit;
  return (
    <article
      className={cn(
        "flex min-w-0 flex-col gap-2 rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-xs",
        style.border,
        focused && "ring-2 ring-brand-600",
      )}
      data-testid={`kpi-${ind.key}`}
      aria-label={ind.name}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium leading-snug text-slate-700">{ind.name}</h3>
        {card.pending ? (
          <Badge tone="neutral" data-testid="kpi-pending" title={t("kpi.pendingHint")}>
            {t("kpi.pending")}
          </Badge>
        ) : status ? (
          <Badge tone={style.tone} data-testid="kpi-status">
            {t(`kpi.status.${status}`)}
          </Badge>
        ) : null}
      </div>
      <div className="flex items-end justify-between gap-2">
        <p className="group/value min-w-0">
          {card.value === null ? (
            <>
              <span className="text-3xl font-semibold tabular text-slate-500" data-testid="kpi-value">
                —
              </span>
              <span className="ml-2 text-sm text-slate-500">{t("kpi.noValue")}</span>
            </>
          ) : isRank ? (
            <Link
              href={drill ?? "#"}
              className="rounded text-3xl font-semibold tabular text-slate-900 decoration-brand-600 decoration-2 underline-offset-4 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
              data-testid="kpi-drill"
              title={drillTitle}
              aria-label={`${ind.name} ${t("kpi.rank", { rank: formatNumber(card.value) })}${t("common.colon")}${drillTitle}`}
            >
              <span data-testid="kpi-value">{t("kpi.rank", { rank: formatNumber(card.value) })}</span>
            </Link>
          ) : (
            <>
              {drill ? (
                <Link
                  href={drill}
                  className="rounded text-3xl font-semibold tabular text-slate-900 decoration-brand-600 decoration-2 underline-offset-4 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                  data-testid="kpi-drill"
                  title={drillTitle}
                  aria-label={`${ind.name} ${formatNumber(card.value, ind.decimals)}${unit}${t("common.colon")}${drillTitle}`}
                >
                  <span data-testid="kpi-value">{formatNumber(card.value, ind.decimals)}</span>
                </Link>
              ) : (
                <span className="text-3xl font-semibold tabular text-slate-900" data-testid="kpi-value">
                  {formatNumber(card.value, ind.decimals)}
                </span>
              )}
              <span className="ml-1 text-sm text-slate-600" data-testid="kpi-unit">
                {unit}
              </span>
            </>
          )}
          {card.value !== null && drill ? (
            <span
              className="ml-2 text-xs whitespace-nowrap text-brand-700 opacity-0 transition-opacity group-focus-within/value:opacity-100 group-hover/value:opacity-100"
              aria-hidden
            >
              {ind.source === "registry_count" ? t("kpi.drillShort") : t("kpi.provenanceShort")} →
            </span>
          ) : null}
        </p>
        <Sparkline
          values={card.trend.map((p) => p.value)}
          invert={isRank}
          label={t("kpi.trendOf", { name: ind.name, n: card.trend.length })}
        />
      </div>
      {card.period !== boardPeriod ? (
        <p className="text-xs text-slate-500">{t("kpi.dataPeriod", { period: formatPeriod(card.period, locale) })}</p>
      ) : null}
      {card.pending ? (
        // An empty card says what is missing and who enters it.
        <div className="rounded-md bg-slate-50 px-2.5 py-2 text-xs text-slate-600" data-testid="kpi-missing">
          <p className="font-medium text-slate-700">
            {card.value === null
              ? t("kpi.cardMissingOurs", { period: formatPeriod(card.period, locale) })
              : t("kpi.cardMissingRanking", { period: formatPeriod(card.period, locale) })}
          </p>
          <p className="mt-0.5">{t("kpi.emptyCard")}</p>
        </div>
      ) : null}
      <div className="flex flex-col gap-1 text-sm">
        {isRank ? (
          card.streak ? (
            <p className="font-medium text-brand-700" data-testid="kpi-streak">
              {t("kpi.streak", {
                n: card.streak,
                unit: ind.periodType === "quarter" ? t("kpi.streakQuarter") : t("kpi.streakYear"),
              })}
            </p>
          ) : null
        ) : s.rank !== null ? (
          <p data-testid="kpi-rank">
            <span className={cn("font-semibold", s.rank === 1 ? "text-green-700" : "text-red-700")}>
              {t("kpi.rank", { rank: s.rank })}
            </span>
            <span className="ml-1 text-slate-500">{t("kpi.rankOf", { count: card.districtCount })}</span>
            {card.sampleBased ? (
              <span className="ml-2 text-xs text-slate-500">{t("common.paren", { text: t("kpi.sampleBased") })}</span>
            ) : null}
          </p>
        ) : ind.compareDistricts ? (
          <p className="text-slate-500">{t("kpi.noRank")}</p>
        ) : null}
        {!isRank && s.leadOverSecond !== null ? (
          <p className="text-slate-700" data-testid="kpi-lead">
            {s.leadOverSecond === 0
              ? t("kpi.tiedFirst")
              : t("kpi.leadOver", { abs: formatNumber(s.leadOverSecond, ind.decimals), unit })}
            {s.leadOverSecondPct !== null ? t("common.paren", { text: `${formatSigned(s.leadOverSecondPct)}%` }) : ""}
          </p>
        ) : null}
        {!isRank && s.gapToFirst !== null ? (
          <p className="text-red-700" data-testid="kpi-gap">
            {t("kpi.gapTo", { abs: formatNumber(s.gapToFirst, ind.decimals), unit })}
            {s.gapToFirstPct !== null ? t("common.paren", { text: `${formatPct(s.gapToFirstPct, 1)}%` }) : ""}
          </p>
        ) : null}
        {s.sharePct !== null ? (
          <p className="text-slate-700" data-testid="kpi-share">
            {s.shareBase === "published"
              ? t("kpi.share", { pct: formatPct(s.sharePct) })
              : t("kpi.shareSum", { pct: formatPct(s.sharePct) })}
          </p>
        ) : null}
        <p className="text-xs text-slate-500">
          {card.yearOnYear ? (
            <span data-testid="kpi-yoy">
              {t("kpi.yoy")}{" "}
              {card.yearOnYear.pct === null
                ? formatSigned(card.yearOnYear.abs, ind.decimals)
                : `${formatSigned(card.yearOnYear.pct)}%`}
            </span>
          ) : null}
          {card.previous && ind.periodType === "quarter" ? (
            <span className="ml-3">
              {t("kpi.qoq")}{" "}
              {card.previous.pct === null
                ? formatSigned(card.previous.abs, ind.decimals)
                : `${formatSigned(card.previous.pct)}%`}
            </span>
          ) : null}
        </p>
      </div>
      {card.target ? (
        <div className="mt-auto flex flex-col gap-1 pt-1">
          <p className="text-xs text-slate-600">
            {t("kpi.target")}
            {t("common.colon")}
            {card.target.rank !== null ? t("kpi.targetRank", { rank: card.target.rank }) : ""}
            {card.target.value !== null
              ? ` · ${t("kpi.targetValue", { value: formatNumber(card.target.value, ind.decimals), unit })}`
              : ""}
            {card.target.progress !== null
              ? ` · ${t("kpi.progress", { pct: formatPct(card.target.progress, 1) })}`
              : ""}
          </p>
          {card.target.progress !== null ? (
            <div
              className="h-1.5 w-full overflow-hidden rounded bg-slate-100"
              role="progressbar"
              aria-label={`${ind.name} · ${t("kpi.target")}`}
              aria-valuetext={t("kpi.progress", { pct: formatPct(card.target.progress, 1) })}
              aria-valuenow={Math.round(card.target.progress)}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div
                className={cn("h-full", card.target.progress >= 100 ? "bg-green-600" : "bg-amber-500")}
                style={{ width: `${Math.min(card.target.progress, 100)}%` }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1 text-xs">
        {ind.compareDistricts || card.trend.length > 1 ? (
          <Link
            href={`/?period=${boardPeriod}&focus=${ind.key}#charts`}
            className="text-brand-700 hover:underline"
            scroll={false}
          >
            {t("kpi.focus")}
          </Link>
        ) : null}
        {ind.source === "registry_count" ? (
          <Link
            href={`/indicators/${ind.key}?period=${card.period}#breakdown`}
            className="text-brand-700 hover:underline"
            title={t("kpi.breakdown.linkTitle", { period: formatPeriod(card.period, locale) })}
            data-testid="kpi-breakdown-link"
          >
            {t("kpi.breakdown.link")}
          </Link>
        ) : null}
        <Link href={`/indicators/${ind.key}?period=${card.period}`} className="text-brand-700 hover:underline">
          {t("kpi.viewDetail")}
        </Link>
      </div>
    </article>
  );
}
