import { FileSpreadsheet, Printer } from "lucide-react";
import Link from "next/link";
import { IndicatorTable, MovementSections } from "@/components/reports/summary-tables";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { closeGaps } from "@/features/reports/model";
import { getReportRow, listSnapshots, summaryForPage } from "@/features/reports/summary";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatPeriod, periodEnd } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { formatDateTime, todayIso } from "@/lib/time";
import { CloseQuarterButton, NarrativeForm, ReopenButton } from "../_components/report-controls";

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ quarter: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const user = await requirePermission("report.read");
  const { quarter, version, data, meta } = await summaryForPage(params, searchParams);
  const t = await getT();
  const locale = await getLocale();
  const report = getReportRow(quarter);
  const versions = listSnapshots(quarter);
  const period = formatPeriod(quarter, locale);
  const isDraft = meta.status === "draft";
  const isOld = meta.snapshotVersion !== null && meta.snapshotVersion !== meta.latestVersion;
  const viewingCurrentClosed = meta.status === "closed" && !isOld && report?.status === "closed";
  const qs = version ? `?v=${version}` : "";
  const canWrite = can(user.role, "report.write");
  const ended = periodEnd(quarter) < todayIso();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-slate-500">
            <Link href="/reports" className="hover:underline">
              {t("reports.title")}
            </Link>
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900">
            {t("reports.reportTitle", { district: data.district, period })}
            <Badge tone={isDraft ? "neutral" : "ok"} data-testid="report-status">
              {isDraft
                ? t("reports.status.draft")
                : `${t("reports.status.closed")} · ${t("reports.version", { n: meta.snapshotVersion ?? 0 })}`}
            </Badge>
          </h1>
          <p className="mt-1 text-sm text-slate-500" data-testid="report-meta">
            {t("reports.dataAsOf")} {formatDateTime(data.dataAsOf)}
            {meta.closedAt
              ? ` · ${t("reports.closedAt")} ${formatDateTime(meta.closedAt)} · ${t("reports.closedBy")} ${meta.closedByName}`
              : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/reports/${quarter}/export${qs}`} className={buttonVariants({ variant: "outline" })}>
            <FileSpreadsheet className="h-4 w-4" />
            {t("reports.exportXlsx")}
          </a>
          <Link href={`/reports/${quarter}/print${qs}`} className={buttonVariants({ variant: "outline" })}>
            <Printer className="h-4 w-4" />
            {t("reports.print")}
          </Link>
          {isDraft && canWrite && ended ? (
            <CloseQuarterButton
              quarter={quarter}
              message={t("reports.closeConfirm", { period })}
              gaps={closeGaps(data).map((g) => ({
                code: g.code,
                text:
                  g.kind === "narrative"
                    ? t("reports.closeMissingNarrative", { field: t(`reports.${g.code}`) })
                    : t("reports.closeMissingIndicator", { name: g.name, period: formatPeriod(g.period, locale) }),
              }))}
            />
          ) : null}
          {viewingCurrentClosed && can(user.role, "report.reopen") ? <ReopenButton quarter={quarter} /> : null}
        </div>
      </div>

      <div
        role="note"
        className={
          isDraft
            ? "rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            : "rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        }
        data-testid="report-note"
      >
        {isDraft
          ? t("reports.liveNote")
          : isOld
            ? t("reports.oldVersionNote", {
                version: t("reports.version", { n: meta.snapshotVersion ?? 0 }),
                at: formatDateTime(meta.reopenedAt),
                by: meta.reopenedByName ?? "",
                reason: meta.reopenReason ?? "",
              })
            : t("reports.frozenNote", { version: t("reports.version", { n: meta.snapshotVersion ?? 0 }) })}
        {isDraft && !ended ? ` ${t("reports.notEnded")}` : ""}
        {isOld ? (
          <>
            {" "}
            <Link href={`/reports/${quarter}`} className="underline">
              {t("reports.viewCurrent")}
            </Link>
          </>
        ) : null}
      </div>
      {data.hasSample ? <p className="text-xs text-slate-500">* {t("reports.sampleNote")}</p> : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("reports.indicatorsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <IndicatorTable rows={data.indicators} t={t} locale={locale} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("reports.movementsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <MovementSections data={data} t={t} limit={20} links />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("reports.narrativeTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          {isDraft && canWrite ? (
            <NarrativeForm
              quarter={quarter}
              summaryText={data.summaryText}
              planText={data.planText}
              version={report?.version ?? 0}
            />
          ) : (
            <dl className="flex flex-col gap-3 text-sm" data-testid="report-narrative">
              <div>
                <dt className="font-medium text-slate-700">{t("reports.summaryText")}</dt>
                <dd className="mt-1 whitespace-pre-wrap text-slate-800">
                  {data.summaryText || t("reports.narrativeEmpty")}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-700">{t("reports.planText")}</dt>
                <dd className="mt-1 whitespace-pre-wrap text-slate-800">
                  {data.planText || t("reports.narrativeEmpty")}
                </dd>
              </div>
            </dl>
          )}
        </CardContent>
      </Card>

      {versions.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("reports.versions")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="flex flex-col gap-2 text-sm" data-testid="report-versions">
              {versions.map((s) => (
                <li key={s.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <Link
                    href={`/reports/${quarter}?v=${s.snapshotVersion}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t("reports.version", { n: s.snapshotVersion })}
                  </Link>
                  <span className="text-slate-600">
                    {t("reports.closedAt")} {formatDateTime(s.closedAt)} · <span translate="no">{s.closedByName}</span>
                  </span>
                  {s.reopenedAt ? (
                    <span className="text-slate-500">
                      {t("reports.reopenedNote", {
                        at: formatDateTime(s.reopenedAt),
                        by: s.reopenedByName ?? "",
                        reason: s.reopenReason ?? "",
                      })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
