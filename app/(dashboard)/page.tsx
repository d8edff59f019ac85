import { AlertTriangle, CalendarClock, DatabaseZap } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BoardModeButton } from "@/components/kpi/board-mode";
import { DistrictChart, ShareChart, TrendChart } from "@/components/kpi/charts";
import { KpiCard } from "@/components/kpi/kpi-card";
import { PeriodSelect } from "@/components/kpi/period-select";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { defaultBoardPeriod, getBoard } from "@/features/kpi/board";
import { drillHref } from "@/features/kpi/drill";
import { localiseBoard, localiser } from "@/features/kpi/localise";
import { NotificationDigest } from "@/features/notifications/digest";
import { closedVersion } from "@/features/reports/summary";
import { setupInProgress } from "@/features/setup/status";
import { requireUser } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatPeriod, isPeriod, isQuarter, periodRange, quarterOfDate, yearOf } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { todayIso } from "@/lib/time";
import { SetupBanner } from "./_components/setup-banner";
import { UnitHome } from "./_components/unit-home";
import { AwardsBoardCard } from "./awards/_components/awards-board-card";
import { SetupChecklist } from "./setup/_components/setup-checklist";

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string; focus?: string; board?: string }>;
}) {
  const user = await requireUser();
  // The auditor's work is the logs; the board is not theirs to read.
  if (!can(user.role, "indicator.read")) redirect("/admin/audit-log");
  const t = await getT();
  const locale = await getLocale();
  const sp = await searchParams;
  // 开始使用: until a real installation's setup is done, staff and admin (whole district) get the checklist here;
  // everyone else gets the board with the setup's progress in place of the alerts.
  const setup = setupInProgress();
  if (setup && can(user.role, "import.run") && user.scope.kind === "all" && sp.board !== "1") {
    return (
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold text-slate-900">{t("setup.title")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("setup.incompleteHome")}</p>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="font-medium text-slate-700" data-testid="setup-progress">
              {t("setup.progress", { done: setup.doneCount, total: setup.steps.length })}
            </span>
            <Link href="/?board=1" className="text-brand-700 hover:underline">
              {t("setup.openBoard")}
            </Link>
          </div>
        </div>
        <SetupChecklist status={setup} user={user} t={t} locale={await getLocale()} />
      </div>
    );
  }
  const current = quarterOfDate(todayIso());
  // Without a choice, the latest closed or complete quarter; a quarter still being entered opens only when chosen.
  const period = sp.period && isPeriod(sp.period) ? sp.period : defaultBoardPeriod();
  const board = localiseBoard(getBoard(period), localiser(locale));
  const closed = isQuarter(period) && can(user.role, "report.read") ? closedVersion(period) : null;
  const quarters = periodRange(current, (yearOf(current) - 2016) * 4).reverse();
  const years = Array.from({ length: yearOf(current) - 2014 }, (_, i) => String(yearOf(current) - i));
  if (board.cards.length === 0) {
    return (
      <Card>
        <EmptyState title={t("home.emptyBoard")} hint={t("home.emptyBoardHint")} />
      </Card>
    );
  }
  const headline = board.cards.filter((c) => c.target);
  const others = board.cards.filter((c) => !c.target);
  const focus =
    board.cards.find((c) => c.indicator.key === sp.focus) ??
    headline.find((c) => c.comparison.length > 0 && c.indicator.valueKind === "value") ??
    board.cards[0];
  const a = board.alerts;
  const alertCount = a.offTarget.length + (a.expiringHighTech.count ? 1 : 0) + a.missing.length;
  const progress = board.progress;
  const groupTitle = "mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500";
  const grid = "grid gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4";

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-slate-900">{t("kpi.boardTitle")}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {t("kpi.boardSubtitle", {
              district: board.ourDistrict,
              period: formatPeriod(period, locale),
              count: board.cards[0]?.districtCount ?? 0,
            })}
          </p>
          {closed ? (
            <p className="mt-1 text-sm">
              <Link href={`/reports/${period}`} className="text-green-800 hover:underline" data-testid="board-closed">
                {t("kpi.closedQuarter", { n: closed })}
              </Link>
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PeriodSelect value={period} quarters={quarters} years={years} />
          <BoardModeButton />
        </div>
      </div>

      {/* A 镇街/园区 user's own figures and share of the district; the review queue's size for a reviewer. */}
      <UnitHome user={user} cards={board.cards} period={period} t={t} locale={locale} />
      {user.role === "leader" ? <NotificationDigest t={t} /> : null}

      {setup ? (
        <SetupBanner status={setup} t={t} canOpen={can(user.role, "import.run")} />
      ) : progress.entered < progress.total ? (
        <div
          role="status"
          className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-700"
          data-testid="entry-progress"
        >
          <p className="font-semibold text-slate-900">
            {t("kpi.entryProgress", { x: progress.entered, n: progress.total })}
          </p>
          <p className="mt-1 text-slate-600">{t("kpi.progressHint")}</p>
          <p className="mt-2">{t("kpi.progressMissing")}</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" data-testid="entry-missing">
            {progress.missing.map((m) => (
              <li key={m.key}>
                <Link href={`/indicators/${m.key}?period=${m.period}`} className="text-brand-700 hover:underline">
                  {m.name}
                  {t("common.paren", { text: formatPeriod(m.period, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {setup ? null : (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <AlertTriangle className="h-4 w-4 text-amber-600" />
              {t("kpi.alerts")}
            </CardTitle>
          </CardHeader>
          <CardContent>
            {alertCount === 0 ? (
              <p className="text-sm text-green-800">{t("kpi.alertsEmpty")}</p>
            ) : (
              <div
                className="grid gap-4 text-sm md:grid-cols-[repeat(auto-fit,minmax(18rem,1fr))]"
                data-testid="alerts"
              >
                {a.offTarget.length ? (
                  <section aria-labelledby="alerts-off-target" data-testid="alerts-off-target">
                    <h3 id="alerts-off-target" className={groupTitle}>
                      {t("kpi.alertsOffTargetTitle")}
                    </h3>
                    <ul className="flex flex-col gap-1.5">
                      {a.offTarget.map((o) => (
                        <li key={o.key} className={o.status === "missed" ? "text-red-700" : "text-amber-700"}>
                          <Link href={`/indicators/${o.key}`} className="hover:underline">
                            {t("kpi.offTarget", { name: o.name, status: t(`kpi.status.${o.status}`) })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                {a.missing.length ? (
                  <section aria-labelledby="alerts-missing" data-testid="alerts-missing">
                    <h3 id="alerts-missing" className={groupTitle}>
                      {t("kpi.alertsMissingTitle")}
                    </h3>
                    <ul className="flex flex-col gap-1.5">
                      {a.missing.map((m) => (
                        <li key={m.key} className="flex items-start gap-1.5 text-slate-700">
                          <DatabaseZap className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" />
                          <Link href={`/indicators/${m.key}?period=${m.period}`} className="hover:underline">
                            {m.ourMissing
                              ? t("kpi.missingOurs", { name: m.name, period: formatPeriod(m.period, locale) })
                              : t("kpi.missingData", {
                                  name: m.name,
                                  period: formatPeriod(m.period, locale),
                                  n: m.missing,
                                })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                {a.expiringHighTech.count ? (
                  <section aria-labelledby="alerts-expiring">
                    <h3 id="alerts-expiring" className={groupTitle}>
                      {t("kpi.alertsExpiringTitle")}
                    </h3>
                    <p className="flex items-center gap-1.5 text-amber-800">
                      <CalendarClock className="h-4 w-4" />
                      <Link href={a.expiringHighTech.href} className="hover:underline" data-testid="alert-expiring">
                        {t("kpi.expiring", { count: a.expiringHighTech.count })}
                      </Link>
                    </p>
                  </section>
                ) : null}
              </div>
            )}
          </CardContent>
        </Card>
      )}
      {can(user.role, "award.read") ? <AwardsBoardCard user={user} /> : null}

      <section aria-labelledby="headline">
        <h2 id="headline" className="mb-2 text-base font-semibold text-slate-800">
          {t("kpi.headline")}
        </h2>
        {headline.length ? (
          <div className={grid}>
            {headline.map((c) => (
              <KpiCard
                key={c.indicator.key}
                card={c}
                t={t}
                locale={locale}
                boardPeriod={period}
                focused={c === focus}
              />
            ))}
          </div>
        ) : (
          // Never a blank section: without targets it says how to set them.
          <p
            className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600"
            data-testid="headline-empty"
          >
            {t("kpi.headlineEmpty", {
              years: [...new Set(board.cards.map((c) => yearOf(c.period)))].sort().join(locale === "en" ? ", " : "、"),
            })}{" "}
            {can(user.role, "indicator.write") ? (
              <Link href="/indicators" className="text-brand-700 hover:underline">
                {t("kpi.headlineEmptyLink")}
              </Link>
            ) : null}
          </p>
        )}
      </section>

      {focus ? (
        <section id="charts" aria-label={focus.indicator.name} className="grid gap-3 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>{t("kpi.trendOf", { name: focus.indicator.name, n: focus.trend.length })}</CardTitle>
            </CardHeader>
            <CardContent>
              {focus.trend.every((p) => p.value === null) ? (
                <p className="text-sm text-slate-500" data-testid="trend-empty">
                  {t("kpi.trendEmpty")}
                </p>
              ) : (
                <TrendChart
                  data={focus.trend.map((p) => ({
                    ...p,
                    href:
                      focus.indicator.source === "registry_count" && p.value !== null
                        ? drillHref(focus.indicator.registryRule, focus.indicator.key, p.period)
                        : null,
                  }))}
                  districtCount={focus.districtCount}
                  unit={focus.indicator.unit}
                  decimals={focus.indicator.decimals}
                  invert={focus.indicator.valueKind === "rank"}
                />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                {focus.standing.shareBase === "sum" ? t("kpi.shareLabel.sum") : t("kpi.shareLabel.published")}
              </CardTitle>
            </CardHeader>
            <CardContent>
              {focus.standing.sharePct !== null ? (
                <ShareChart
                  us={board.ourDistrict}
                  pct={focus.standing.sharePct}
                  rest={focus.standing.shareBase === "sum" ? "districts" : "city"}
                />
              ) : (
                <p className="text-sm text-slate-500">{t("kpi.noData")}</p>
              )}
            </CardContent>
          </Card>
          {focus.comparison.length > 0 ? (
            <Card className="lg:col-span-3">
              <CardHeader>
                <CardTitle>
                  {t("kpi.comparisonOf", { name: focus.indicator.name, period: formatPeriod(focus.period, locale) })}
                </CardTitle>
                {focus.sampleBased ? <p className="text-xs text-slate-500">{t("kpi.sampleNote")}</p> : null}
              </CardHeader>
              <CardContent>
                <DistrictChart
                  data={focus.comparison}
                  unit={focus.indicator.unit}
                  decimals={focus.indicator.decimals}
                />
              </CardContent>
            </Card>
          ) : null}
        </section>
      ) : null}

      {others.length ? (
        <section aria-labelledby="others">
          <h2 id="others" className="mb-2 text-base font-semibold text-slate-800">
            {t("kpi.others")}
          </h2>
          <div className={grid}>
            {others.map((c) => (
              <KpiCard
                key={c.indicator.key}
                card={c}
                t={t}
                locale={locale}
                boardPeriod={period}
                focused={c === focus}
              />
            ))}
          </div>
        </section>
      ) : null}
      <p className="text-xs text-slate-500">{t("kpi.sampleNote")}</p>
    </div>
  );
}
