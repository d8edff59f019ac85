import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { updateAwardPolicy } from "@/features/awards/actions";
import { listPolicies, type PolicyView } from "@/features/awards/queries";
import { formatWan, yuanToWan } from "@/features/awards/rules";
import { requirePermission } from "@/lib/dal";
import type { T } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { StepForm } from "../_components/step-form";

function ruleSummary(t: T, p: PolicyView): string {
  if (p.kind === "fixed") return t("awards.wan", { n: formatWan(p.amountYuan ?? 0) });
  if (p.kind === "range_by_review")
    return `${formatWan(p.minYuan ?? 0)}—${t("awards.wan", { n: formatWan(p.maxYuan ?? 0) })}`;
  return `${(p.rateBp ?? 0) / 100}% · ≥ ${t("awards.wan", { n: formatWan(p.thresholdYuan ?? 0) })} · ≤ ${t("awards.wan", { n: formatWan(p.capYuan ?? 0) })}`;
}

export default async function AwardPoliciesPage() {
  const user = await requirePermission("award.read");
  const t = await getT();
  const policies = listPolicies();
  const admin = can(user.role, "award.policy");
  return (
    <>
      <PageHeader title={t("awards.policiesTitle")} description={t("awards.policiesHint")} />
      <p className="text-xs text-slate-500">{t("awards.sampleBudget")}</p>
      <div className="flex flex-col gap-4" data-testid="award-policies">
        {policies.map((p) => (
          <Card key={p.id} data-testid={`policy-${p.key}`}>
            <CardContent className="flex flex-col gap-2 pt-4 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-base font-semibold text-slate-900">{p.name}</h2>
                <Badge tone={p.mode === "automatic" ? "brand" : "neutral"}>{t(`awards.mode.${p.mode}`)}</Badge>
                <Badge>{t(`awards.ruleKind.${p.kind}`)}</Badge>
              </div>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
                <dt className="text-slate-500">{t("awards.rule")}</dt>
                <dd>
                  <span className="font-medium">{ruleSummary(t, p)}</span>
                  <span className="ml-2 text-slate-600">{p.ruleText}</span>
                </dd>
                <dt className="text-slate-500">{t("awards.basis")}</dt>
                <dd>
                  {p.basisTitle}
                  {p.basisDocNo ? `（${p.basisDocNo}）` : ""}
                </dd>
                {p.eligibilityQualCode ? (
                  <>
                    <dt className="text-slate-500">{t("awards.eligibility")}</dt>
                    <dd>{t("awards.eligibilityAuto", { qual: p.qualLabel ?? p.eligibilityQualCode })}</dd>
                  </>
                ) : null}
                {p.documents ? (
                  <>
                    <dt className="text-slate-500">{t("awards.documents")}</dt>
                    <dd>{p.documents.split("\n").join("；")}</dd>
                  </>
                ) : null}
                <dt className="text-slate-500">{t("awards.budget")}</dt>
                <dd className="tabular">
                  {p.yearBudgetYuan == null ? t("awards.budgetNotSet") : formatWan(p.yearBudgetYuan)}
                </dd>
                <dt className="text-slate-500">{t("awards.activeYears")}</dt>
                <dd>
                  {p.activeTo == null
                    ? t("awards.activeOpen", { from: p.activeFrom })
                    : t("awards.activeRange", { from: p.activeFrom, to: p.activeTo })}
                </dd>
              </dl>
              {admin ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-brand-700">{t("awards.editPolicy")}</summary>
                  <StepForm
                    className="mt-2"
                    action={updateAwardPolicy}
                    hidden={{ policyId: p.id, version: p.version }}
                    testId={`policy-form-${p.key}`}
                    fields={[
                      { name: "name", label: t("awards.policyName"), defaultValue: p.name, width: "w-64" },
                      { name: "basisTitle", label: t("awards.basisTitle"), defaultValue: p.basisTitle, width: "w-72" },
                      {
                        name: "basisDocNo",
                        label: t("awards.basisDocNo"),
                        defaultValue: p.basisDocNo ?? "",
                        width: "w-48",
                      },
                      {
                        name: "documents",
                        label: t("awards.documents"),
                        defaultValue: (p.documents ?? "").split("\n").join("；"),
                        width: "w-72",
                      },
                      {
                        name: "budgetWan",
                        label: t("awards.budget"),
                        defaultValue: p.yearBudgetYuan == null ? "" : String(yuanToWan(p.yearBudgetYuan)),
                        width: "w-32",
                      },
                      {
                        name: "activeFrom",
                        label: t("awards.activeFrom"),
                        type: "number",
                        defaultValue: String(p.activeFrom),
                        width: "w-24",
                      },
                      {
                        name: "activeTo",
                        label: t("awards.activeTo"),
                        type: "number",
                        defaultValue: p.activeTo == null ? "" : String(p.activeTo),
                        width: "w-24",
                      },
                    ]}
                    submit={t("awards.savePolicy")}
                  />
                </details>
              ) : null}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
