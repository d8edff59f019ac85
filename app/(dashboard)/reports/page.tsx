import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatPeriod, periodEnd, periodRange, quarterOfDate, yearOf } from "@/lib/kpi/period";
import { formatDateTime, todayIso } from "@/lib/time";

type Row = {
  quarter: string;
  status: "draft" | "closed";
  versions: number;
  closedAt: string | null;
  closedByName: string | null;
};

export default async function ReportsPage() {
  await requirePermission("report.read");
  const t = await getT();
  const locale = await getLocale();
  const current = quarterOfDate(todayIso());
  // Every quarter from 2016 to now, newest first; a quarter without a report row is an empty draft.
  const quarters = periodRange(current, (yearOf(current) - 2016) * 4 + Number(current.slice(-1))).reverse();
  const rows = getDb()
    .$client.prepare(
      `SELECT r.quarter, r.status, s.closed_at AS closedAt, s.closed_by_name AS closedByName,
        (SELECT count(*) FROM report_snapshots x WHERE x.report_id = r.id) AS versions
       FROM quarterly_reports r LEFT JOIN report_snapshots s ON s.id = r.current_snapshot_id`,
    )
    .all() as Row[];
  const byQuarter = new Map(rows.map((r) => [r.quarter, r]));
  const today = todayIso();
  return (
    <>
      <PageHeader title={t("reports.title")} description={t("reports.listHint")} />
      <Card>
        <Table data-testid="reports-table">
          <thead>
            <tr>
              <Th>{t("reports.quarter")}</Th>
              <Th>{t("reports.statusLabel")}</Th>
              <Th>{t("reports.closedAt")}</Th>
              <Th>{t("reports.closedBy")}</Th>
              <Th>{t("reports.versions")}</Th>
              <Th>{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => {
              const r = byQuarter.get(q);
              const closed = r?.status === "closed";
              return (
                <tr key={q} className="hover:bg-slate-50">
                  <Td className="whitespace-nowrap">
                    <Link href={`/reports/${q}`} className="font-medium text-brand-700 hover:underline">
                      {formatPeriod(q, locale)}
                    </Link>
                    {periodEnd(q) >= today ? (
                      <span className="ml-2 text-xs text-slate-500">{t("reports.notEnded")}</span>
                    ) : null}
                  </Td>
                  <Td>
                    <Badge tone={closed ? "ok" : "neutral"}>{t(`reports.status.${closed ? "closed" : "draft"}`)}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{closed ? formatDateTime(r?.closedAt) : "—"}</Td>
                  <Td translate="no">{closed ? r?.closedByName : "—"}</Td>
                  <Td>{r?.versions ? t("reports.version", { n: r.versions }) : "—"}</Td>
                  <Td>
                    <Link href={`/reports/${q}`} className="text-brand-700 hover:underline">
                      {t("reports.open")}
                    </Link>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
