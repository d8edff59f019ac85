import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/reports/print-button";
import { buttonVariants } from "@/components/ui/button";
import { getBatchView, listBatches } from "@/features/awards/queries";
import { formatWan } from "@/features/awards/rules";
import { OUR_DISTRICT } from "@/features/kpi/board";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }): Promise<Metadata> {
  const t = await getT();
  return { title: { absolute: `${t("app.short")}_${t("awards.approvalFile", { year: (await params).year })}` } };
}

/** 审批表: the year's batches with totals by policy, who prepared, reviewed and approved each. A4. */
export default async function AwardApprovalPrintPage({ params }: { params: Promise<{ year: string }> }) {
  const user = await requirePermission("award.read");
  const t = await getT();
  const year = Number((await params).year);
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100) notFound();
  const batches = listBatches(user.scope).filter((b) => b.year === year);
  const views = batches.map((b) => ({ b, v: getBatchView(b.id)! }));
  const total = batches.reduce((s, b) => s + b.totalYuan, 0);
  const count = batches.reduce((s, b) => s + b.count, 0);
  return (
    <div className="report-print min-h-screen bg-slate-200 py-6 print:min-h-0 print:bg-white print:py-0">
      <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center gap-3 px-2 print:hidden">
        <Link href="/awards" className={buttonVariants({ variant: "outline" })}>
          {t("reports.back")}
        </Link>
        <PrintButton />
      </div>
      <article className="report-paper mx-auto max-w-[210mm] bg-white px-[15mm] py-[18mm] shadow print:max-w-none print:p-0 print:shadow-none">
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className="report-serif text-2xl font-bold tracking-[0.3em] text-red-700">
            {t("reports.masthead", { district: OUR_DISTRICT })}
          </p>
        </header>
        <h1 className="report-serif mt-5 text-center text-xl font-bold text-slate-900">
          {t("awards.approvalTitle", { year })}
        </h1>
        <table className="report-table mt-4 w-full border-collapse text-left" data-testid="approval-table">
          <thead>
            <tr className="border-y border-slate-700">
              <th className="px-1 py-1">{t("awards.policy")}</th>
              <th className="px-1 py-1">{t("awards.stateLabel")}</th>
              <th className="px-1 py-1 text-right">{t("awards.recipients")}</th>
              <th className="px-1 py-1 text-right">{t("awards.totalWan")}</th>
              <th className="px-1 py-1 text-right">{t("awards.budget")}</th>
            </tr>
          </thead>
          <tbody>
            {views.map(({ b, v }) => (
              <tr key={b.id} className="border-b border-slate-200 align-top">
                <td className="px-1 py-1">
                  {b.policyName}
                  <p className="text-[11px] text-slate-600">
                    {t("awards.approvalBy", {
                      leader: v.approvedByName ?? "—",
                      reviewer: v.reviewedByName ?? "—",
                      preparer: v.submittedByName ?? "—",
                    })}
                  </p>
                </td>
                <td className="px-1 py-1">{t(`awards.state.${b.state}`)}</td>
                <td className="px-1 py-1 text-right tabular">{b.count}</td>
                <td className="px-1 py-1 text-right tabular">{formatWan(b.totalYuan)}</td>
                <td className="px-1 py-1 text-right tabular">{b.budgetYuan == null ? "—" : formatWan(b.budgetYuan)}</td>
              </tr>
            ))}

            <tr className="border-y border-slate-700 font-semibold">
              <td className="px-1 py-1" colSpan={2}>
                {t("awards.totals", { n: count, amount: formatWan(total) })}
              </td>
              <td className="px-1 py-1 text-right tabular">{count}</td>
              <td className="px-1 py-1 text-right tabular">{formatWan(total)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <div className="mt-10 grid grid-cols-3 gap-4 text-sm text-slate-800">
          <p>{t("awards.signPreparer")}</p>
          <p>{t("awards.signHead")}</p>
          <p>{t("awards.signLeader")}</p>
        </div>
      </article>
    </div>
  );
}
