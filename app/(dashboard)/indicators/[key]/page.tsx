import Link from "next/link";
import { notFound } from "next/navigation";
import { BreakdownTable } from "@/components/kpi/breakdown-table";
import { TrendChart } from "@/components/kpi/charts";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getIndicatorDetail } from "@/features/indicators/queries";
import { getBreakdown } from "@/features/kpi/breakdown";
import { localiser } from "@/features/kpi/localise";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatNumber, formatPct } from "@/lib/kpi/format";
import { formatPeriod, periodRange, shiftPeriod } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";
import { DefinitionForm } from "../_components/definition-form";
import { DistrictEntryForm } from "../_components/district-entry-form";
import { DistrictPeriodsForm } from "../_components/district-periods-form";
import { TargetForm } from "../_components/target-form";

export default async function IndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ period?: string; by?: string }>;
}) {
  const user = await requirePermission("indicator.read");
  const { key } = await params;
  const sp = await searchParams;
  const d = await getIndicatorDetail(key, sp.period);
  if (!d) notFound();
  const t = await getT();
  const locale = await getLocale();
  const L = localiser(locale);
  const { card } = d;
  const ind = L.indicator(d.ind);
  const canWrite = can(user.role, "indicator.write");
  const isRank = ind.valueKind === "rank";
  const periods = periodRange(
    shiftPeriod(d.period, ind.periodType === "quarter" ? 4 : 2),
    ind.periodType === "quarter" ? 12 : 8,
  ).reverse();
  const by = sp.by === "park" ? "park" : "street";
  const breakdown = ind.source === "registry_count" ? getBreakdown(ind, d.period, by) : null;
  const sorted = [...d.rows].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  return (
    <>
      <PageHeader
        title={ind.name}
        description={`${t(`kpi.indicators.periodTypes.${ind.periodType}`)} · ${ind.unit} · ${t(`kpi.source.${ind.source}`)}`}
      />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("kpi.indicators.definition")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <p data-testid="indicator-definition">{ind.definition}</p>
            <p className="text-slate-600">
              {t("kpi.indicators.dataSource")}
              {t("common.colon")}
              {ind.dataSource || "—"} · {t("kpi.indicators.releaseLag")}
              {t("common.colon")}
              {ind.releaseLag || "—"} · {t("kpi.indicators.direction")}
              {t("common.colon")}
              {t(`kpi.indicators.directions.${ind.direction}`)}
            </p>
            {canWrite ? (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-brand-700">{t("kpi.indicators.editDefinition")}</summary>
                <div className="mt-3">
                  <DefinitionForm
                    indicatorKey={ind.key}
                    version={ind.version}
                    definition={ind.definition}
                    dataSource={ind.dataSource}
                    releaseLag={ind.releaseLag}
                  />
                </div>
              </details>
            ) : null}
          </CardContent>
        </Card>

        <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("kpi.period")}>
          <span className="text-slate-600">
            {t("kpi.period")}
            {t("common.colon")}
          </span>
          {periods.map((p) => (
            <Link
              key={p}
              href={`/indicators/${ind.key}?period=${p}${sp.by === "park" ? "&by=park" : ""}`}
              aria-current={p === d.period ? "page" : undefined}
              className={
                p === d.period
                  ? "rounded-md bg-brand-600 px-2.5 py-1 text-white"
                  : "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-slate-700 hover:bg-slate-100"
              }
            >
              {formatPeriod(p, locale)}
            </Link>
          ))}
        </nav>

        {breakdown ? (
          <Card id="breakdown" className="scroll-mt-20" data-testid="breakdown">
            <CardHeader className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <CardTitle>{t("kpi.breakdown.title", { period: formatPeriod(d.period, locale) })}</CardTitle>
                <p className="mt-1 text-xs text-slate-500">{t("kpi.breakdown.hint")}</p>
                {breakdown.viaEnterprise ? (
                  <p className="mt-1 text-xs text-slate-500" data-testid="breakdown-via">
                    {t("kpi.breakdown.hintVia")}
                  </p>
                ) : null}
                <p className="mt-1 text-xs text-slate-500">
                  {t("kpi.breakdown.hintMove", { previous: formatPeriod(breakdown.previous, locale) })}
                </p>
              </div>
              <nav className="flex shrink-0 gap-1 text-sm" aria-label={t("kpi.breakdown.dims")}>
                {(["street", "park"] as const).map((dim) => (
                  <Link
                    key={dim}
                    href={`/indicators/${ind.key}?period=${d.period}&by=${dim}#breakdown`}
                    aria-current={dim === by ? "page" : undefined}
                    scroll={false}
                    data-testid={`breakdown-by-${dim}`}
                    className={
                      dim === by
                        ? "rounded-md bg-brand-600 px-3 py-1.5 text-white"
                        : "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-100"
                    }
                  >
                    {dim === "street" ? t("kpi.breakdown.byStreet") : t("kpi.breakdown.byPark")}
                  </Link>
                ))}
              </nav>
            </CardHeader>
            <CardContent className="flex flex-col gap-2 p-0 sm:p-0">
              {breakdown.rows.length === 0 ? (
                <p className="px-4 pb-4 text-sm text-slate-500" data-testid="breakdown-empty">
                  {t("kpi.breakdown.empty")}
                </p>
              ) : (
                <BreakdownTable
                  key={by}
                  rows={breakdown.rows.map((r) => ({
                    key: String(r.key),
                    label:
                      L.maybe(r.label) ??
                      (r.key === "unlinked" ? t("kpi.breakdown.unlinked") : t(`kpi.breakdown.none.${by}`)),
                    residual: r.label === null,
                    current: r.current,
                    previous: r.previous,
                    change: r.change,
                    share: r.share,
                    href: r.href,
                  }))}
                  areaHeader={t(`kpi.breakdown.area.${by}`)}
                  currentPeriod={formatPeriod(d.period, locale)}
                  previousPeriod={formatPeriod(breakdown.previous, locale)}
                  total={breakdown.total}
                  previousTotal={breakdown.previousTotal}
                />
              )}
              {breakdown.emptyCount > 0 && breakdown.rows.length > 0 ? (
                <p className="px-4 pb-3 text-xs text-slate-500">
                  {t("kpi.breakdown.emptyAreas", {
                    n: breakdown.emptyCount,
                    area: t(`kpi.breakdown.area.${by}`),
                  })}
                </p>
              ) : null}
            </CardContent>
          </Card>
        ) : null}

        <Card id="provenance" className="scroll-mt-20" data-testid="provenance">
          <CardHeader>
            <CardTitle>{t("kpi.provenance.title", { period: formatPeriod(d.period, locale) })}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            {d.provenance === null ? (
              <p className="text-slate-600">{t("kpi.provenance.computed")}</p>
            ) : (
              <>
                {d.provenance.value ? (
                  <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
                    <dt className="text-slate-500">{t("kpi.provenance.ourValue")}</dt>
                    <dd className="font-medium tabular" data-testid="provenance-value">
                      {formatNumber(d.provenance.value.value, ind.decimals)} {isRank ? "" : ind.unit}
                      {d.provenance.value.isSample ? <Badge className="ml-1 text-xs">{t("app.sample")}</Badge> : null}
                    </dd>
                    <dt className="text-slate-500">{t("kpi.provenance.enteredBy")}</dt>
                    <dd data-testid="provenance-by">{d.provenance.value.by ?? t("kpi.provenance.seeded")}</dd>
                    <dt className="text-slate-500">{t("kpi.provenance.enteredAt")}</dt>
                    <dd className="tabular" data-testid="provenance-at">
                      {formatDateTime(d.provenance.value.updatedAt).slice(0, 16)}
                    </dd>
                    <dt className="text-slate-500">{t("kpi.provenance.sourceDoc")}</dt>
                    <dd data-testid="provenance-source">{d.provenance.value.sourceDoc || "—"}</dd>
                  </dl>
                ) : (
                  <p className="text-slate-600">{t("kpi.provenance.none")}</p>
                )}
                <h3 className="font-medium text-slate-900">{t("kpi.provenance.history")}</h3>
                {d.provenance.history.length === 0 ? (
                  <p className="text-slate-500">{t("kpi.provenance.noHistory")}</p>
                ) : (
                  <Table data-testid="provenance-history">
                    <thead>
                      <tr>
                        <Th>{t("kpi.provenance.when")}</Th>
                        <Th>{t("kpi.provenance.who")}</Th>
                        <Th className="text-right">{t("kpi.provenance.change")}</Th>
                        <Th>{t("kpi.provenance.sourceDoc")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.provenance.history.map((h) => (
                        <tr key={h.id}>
                          <Td className="whitespace-nowrap tabular">{formatDateTime(h.at).slice(0, 16)}</Td>
                          <Td>{h.by ?? "—"}</Td>
                          <Td className="text-right tabular">
                            {formatNumber(h.before, ind.decimals)} → {formatNumber(h.after, ind.decimals)}
                          </Td>
                          <Td>{h.sourceDoc || "—"}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </>
            )}
          </CardContent>
        </Card>

        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("kpi.indicators.ranking", { period: formatPeriod(d.period, locale) })}</CardTitle>
              <p className="text-xs text-slate-500">
                {card.standing.sharePct !== null
                  ? `${t("kpi.share", { pct: formatPct(card.standing.sharePct) })} · `
                  : ""}
                {t("kpi.indicators.cityTotal")}
                {t("common.colon")}
                {d.cityTotal === null ? "—" : formatNumber(d.cityTotal, ind.decimals)}
              </p>
            </CardHeader>
            <CardContent className="p-0 sm:p-0">
              <Table data-testid="ranking-table">
                <thead>
                  <tr>
                    <Th>{t("kpi.indicators.rankCol")}</Th>
                    <Th>{t("kpi.indicators.district")}</Th>
                    <Th className="text-right">
                      {isRank
                        ? t("kpi.indicators.rankCol")
                        : `${t("kpi.indicators.valueCol")}${t("common.paren", { text: ind.unit })}`}
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((r) => (
                    <tr
                      key={r.id}
                      className={r.isUs ? "bg-brand-50 font-medium" : undefined}
                      data-testid={r.isUs ? "ranking-us" : undefined}
                    >
                      <Td className="tabular">{r.rank ?? "—"}</Td>
                      <Td>
                        {L.label(r.district)}
                        {r.isSample ? <Badge className="ml-1 text-xs">{t("app.sample")}</Badge> : null}
                      </Td>
                      <Td className="text-right tabular">{formatNumber(r.value, ind.decimals)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </CardContent>
          </Card>
          <div className="flex flex-col gap-4">
            <Card>
              <CardHeader>
                <CardTitle>{t("kpi.trendOf", { name: ind.name, n: card.trend.length })}</CardTitle>
              </CardHeader>
              <CardContent>
                {card.trend.every((p) => p.value === null) ? (
                  <p className="text-sm text-slate-500">{t("kpi.trendEmpty")}</p>
                ) : (
                  <TrendChart
                    data={card.trend}
                    unit={ind.unit}
                    decimals={ind.decimals}
                    invert={isRank}
                    districtCount={card.districtCount}
                  />
                )}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("kpi.indicators.targets")}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                {d.targets.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("kpi.indicators.noTargets")}</p>
                ) : (
                  <Table data-testid="targets-table">
                    <thead>
                      <tr>
                        <Th>{t("kpi.indicators.year")}</Th>
                        <Th>{t("kpi.indicators.targetRank")}</Th>
                        <Th className="text-right">{t("kpi.indicators.targetValue")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.targets.map((tg) => (
                        <tr key={tg.id}>
                          <Td>{tg.year}</Td>
                          <Td>{tg.targetRank ? t("kpi.rank", { rank: tg.targetRank }) : "—"}</Td>
                          <Td className="text-right tabular">{formatNumber(tg.targetValue, ind.decimals)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
                {canWrite ? (
                  <TargetForm
                    indicatorKey={ind.key}
                    defaultYear={Number(d.period.slice(0, 4))}
                    versions={Object.fromEntries(d.targets.map((tg) => [tg.year, tg.version]))}
                  />
                ) : null}
              </CardContent>
            </Card>
          </div>
        </div>

        {canWrite ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("kpi.indicators.entryTitle", { period: formatPeriod(d.period, locale) })}</CardTitle>
            </CardHeader>
            <CardContent>
              <DistrictEntryForm
                key={d.period}
                indicatorKey={ind.key}
                period={d.period}
                periodLabel={formatPeriod(d.period, locale)}
                rows={d.rows.map((r) => ({ id: r.id, district: L.label(r.district), value: r.value, isUs: r.isUs }))}
                cityTotal={d.cityTotal}
                ourComputed={ind.source === "registry_count"}
                decimals={ind.decimals}
              />
            </CardContent>
          </Card>
        ) : null}
        {canWrite ? (
          <Card id="periods" className="scroll-mt-20" data-testid="district-periods">
            <CardHeader>
              <CardTitle>{t("kpi.periods.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <DistrictPeriodsForm indicatorKey={ind.key} decimals={ind.decimals} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
