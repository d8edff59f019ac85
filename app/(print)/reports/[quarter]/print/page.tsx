import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/reports/print-button";
import { IndicatorTable, MovementSections } from "@/components/reports/summary-tables";
import { buttonVariants } from "@/components/ui/button";
import { summaryForPage } from "@/features/reports/summary";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatPeriod } from "@/lib/kpi/period";
import { formatDateTime } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ quarter: string }> }): Promise<Metadata> {
  const { quarter } = await params;
  // The browser suggests this as the PDF file name.
  return { title: { absolute: `渝北区科技局_${quarter}_季度汇总` } };
}

/** A4 print view of a quarterly summary (official-report look; page numbers from print CSS). */
export default async function PrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ quarter: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  await requirePermission("report.read");
  const { quarter, version, data, meta } = await summaryForPage(params, searchParams);
  const t = await getT();
  const locale = await getLocale();
  const period = formatPeriod(quarter, locale);
  const status =
    meta.status === "closed"
      ? `${t("reports.status.closed")}${t("common.paren", { text: t("reports.version", { n: meta.snapshotVersion ?? 0 }) })}`
      : t("reports.status.draft");

  return (
    <div className="report-print min-h-screen bg-slate-200 py-6 print:bg-white print:py-0">
      <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center gap-3 px-2 print:hidden">
        <Link
          href={`/reports/${quarter}${version ? `?v=${version}` : ""}`}
          className={buttonVariants({ variant: "outline" })}
        >
          {t("reports.back")}
        </Link>
        <PrintButton />
        <span className="text-sm text-slate-600">{t("reports.printHint")}</span>
      </div>
      <article className="report-paper mx-auto max-w-[210mm] bg-white px-[15mm] py-[18mm] shadow print:max-w-none print:p-0 print:shadow-none">
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className="report-serif text-2xl font-bold tracking-[0.3em] text-red-700">
            {t("reports.masthead", { district: data.district })}
          </p>
        </header>
        <h1 className="report-serif mt-5 text-center text-xl font-bold text-slate-900">
          {t("reports.reportTitle", { district: data.district, period })}
        </h1>
        <p className="mt-2 text-center text-xs text-slate-600" data-testid="print-meta">
          {t("reports.district")}
          {t("common.colon")}
          {data.district} · {t("reports.quarter")}
          {t("common.colon")}
          {period}
          {t("common.paren", { text: quarter })} · {t("reports.statusLabel")}
          {t("common.colon")}
          {status} · {t("reports.dataAsOf")}
          {t("common.colon")}
          {formatDateTime(data.dataAsOf)}
          {meta.closedAt ? ` · ${t("reports.closedAt")}${t("common.colon")}${formatDateTime(meta.closedAt)}` : ""}
          {meta.closedAt ? <span translate="no">{t("common.paren", { text: meta.closedByName ?? "" })}</span> : null}
        </p>
        {meta.status === "draft" ? (
          <p className="mt-2 text-center text-xs font-medium text-amber-800">{t("reports.liveNote")}</p>
        ) : null}

        <h2 className="report-serif mt-6 mb-2 text-base font-bold text-slate-900">{t("reports.indicatorsTitle")}</h2>
        <IndicatorTable rows={data.indicators} t={t} locale={locale} compact />

        <h2 className="report-serif mt-6 mb-2 text-base font-bold text-slate-900">{t("reports.movementsTitle")}</h2>
        <MovementSections data={data} t={t} />

        <h2 className="report-serif mt-6 mb-2 text-base font-bold text-slate-900">{t("reports.narrativeTitle")}</h2>
        <div className="flex flex-col gap-3 text-sm">
          <section className="report-section">
            <h3 className="font-semibold text-slate-800">{t("reports.summaryText")}</h3>
            <p className="mt-1 whitespace-pre-wrap text-slate-800">{data.summaryText || t("reports.narrativeEmpty")}</p>
          </section>
          <section className="report-section">
            <h3 className="font-semibold text-slate-800">{t("reports.planText")}</h3>
            <p className="mt-1 whitespace-pre-wrap text-slate-800">{data.planText || t("reports.narrativeEmpty")}</p>
          </section>
        </div>
        {data.hasSample ? <p className="mt-6 text-xs text-slate-500">* {t("reports.sampleNote")}</p> : null}
      </article>
    </div>
  );
}
