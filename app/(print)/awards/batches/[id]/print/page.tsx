import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/reports/print-button";
import { buttonVariants } from "@/components/ui/button";
import { getBatchView, listLines } from "@/features/awards/queries";
import { formatWan } from "@/features/awards/rules";
import { OUR_DISTRICT } from "@/features/kpi/board";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const b = getBatchView(Number((await params).id));
  const t = await getT();
  // The printed PDF's file name: 渝北区科技局_<year>_<policy>_公示名单 (the prefix from the catalogue, app.short).
  return {
    title: {
      absolute: b
        ? `${t("app.short")}_${t("awards.publicityFile", { year: b.year, policy: b.policyName })}`
        : t("awards.publicityList"),
    },
  };
}

/** 公示名单, A4 portrait: red masthead, 文号, period, the list; page numbers from the print CSS (@page). */
export default async function AwardPublicityPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("award.read");
  const t = await getT();
  const id = Number((await params).id);
  const b = Number.isSafeInteger(id) && id > 0 ? getBatchView(id) : undefined;
  if (!b) notFound();
  const lines = listLines(b.id, user.scope, { excluded: false });
  const total = lines.reduce((s, l) => s + l.amountYuan, 0);
  const dash = "　　";
  return (
    <div className="report-print min-h-screen bg-slate-200 py-6 print:min-h-0 print:bg-white print:py-0">
      <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center gap-3 px-2 print:hidden">
        <Link href={`/awards/batches/${b.id}`} className={buttonVariants({ variant: "outline" })}>
          {t("reports.back")}
        </Link>
        <PrintButton />
        <span className="text-sm text-slate-600">{t("reports.printHint")}</span>
      </div>
      <article
        className="report-paper mx-auto max-w-[210mm] bg-white px-[15mm] py-[18mm] shadow print:max-w-none print:p-0 print:shadow-none"
        data-testid="publicity-print"
      >
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className="report-serif text-2xl font-bold tracking-[0.3em] text-red-700">
            {t("reports.masthead", { district: OUR_DISTRICT })}
          </p>
          <p className="mt-2 text-sm text-slate-800" data-testid="print-docno">
            {b.publicityDocNo ?? dash}
          </p>
        </header>
        <h1 className="report-serif mt-5 text-center text-xl font-bold text-slate-900">
          {t("awards.publicityTitle", { year: b.year, policy: b.policyName })}
        </h1>
        <p className="mt-3 text-sm leading-7 text-slate-800 indent-8">
          {t("awards.publicityIntro", {
            basis: b.basisTitle,
            year: b.year,
            policy: b.policyName,
            start: b.publicityStart ?? dash,
            end: b.publicityEnd ?? dash,
          })}
        </p>
        <table className="report-table mt-4 w-full border-collapse text-left">
          <thead>
            <tr className="border-y border-slate-700">
              <th className="w-12 px-1 py-1">{t("awards.seq")}</th>
              <th className="px-1 py-1">{t("awards.enterprise")}</th>
              <th className="px-1 py-1">{t("awards.creditCode")}</th>
              <th className="px-1 py-1 text-right">{t("awards.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.id} className="border-b border-slate-200">
                <td className="px-1 py-0.5 tabular">{i + 1}</td>
                <td className="px-1 py-0.5">{l.enterpriseName}</td>
                <td className="px-1 py-0.5 font-mono text-[11px]">{l.creditCode}</td>
                <td className="px-1 py-0.5 text-right tabular">{formatWan(l.amountYuan)}</td>
              </tr>
            ))}

            <tr className="border-y border-slate-700 font-semibold">
              <td className="px-1 py-1" colSpan={3}>
                {t("awards.totals", { n: lines.length, amount: formatWan(total) })}
              </td>
              <td className="px-1 py-1 text-right tabular" data-testid="print-total">
                {formatWan(total)}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="mt-8 text-right text-sm text-slate-800">{t("reports.masthead", { district: OUR_DISTRICT })}</p>
        <p className="text-right text-sm text-slate-800">{b.publicityStart ?? ""}</p>
        <p className="mt-6 text-xs text-slate-500">* {t("awards.sampleNote")}</p>
      </article>
    </div>
  );
}
