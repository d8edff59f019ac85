import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { createAwardBatch } from "@/features/awards/actions";
import { listBatches, listPolicies, yearCards } from "@/features/awards/queries";
import { formatWan } from "@/features/awards/rules";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { todayIso } from "@/lib/time";
import { STATE_TONE } from "./_components/state-tone";
import { StepForm } from "./_components/step-form";

export default async function AwardsPage() {
  const user = await requirePermission("award.read");
  const t = await getT();
  const batches = listBatches(user.scope);
  const cards = yearCards(user.scope);
  const policies = listPolicies();
  const year = Number(todayIso().slice(0, 4));
  return (
    <>
      <PageHeader
        title={t("awards.title")}
        description={t("awards.listHint")}
        actions={
          <Link href="/awards/policies" className="text-sm text-brand-700 hover:underline">
            {t("awards.policiesTitle")}
          </Link>
        }
      />
      {cards.length > 0 ? (
        <div className="grid gap-4 md:grid-cols-2" data-testid="award-year-cards">
          {cards.map((c) => (
            <Card key={c.year} data-testid={`award-year-${c.year}`}>
              <CardHeader>
                <CardTitle>{t("awards.yearCard", { year: c.year })}</CardTitle>
              </CardHeader>
              <CardContent>
                <Table>
                  <thead>
                    <tr>
                      <Th>{t("awards.policy")}</Th>
                      <Th className="text-right">{t("awards.planned")}</Th>
                      <Th className="text-right">{t("awards.awarded")}</Th>
                      <Th className="text-right">{t("awards.paid")}</Th>
                      <Th className="text-right">{t("awards.budget")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.policies.map((p) => (
                      <tr key={p.policyId}>
                        <Td>{p.policyName}</Td>
                        <Td className="tabular text-right">{formatWan(p.listedYuan)}</Td>
                        <Td className="tabular text-right">{formatWan(p.approvedYuan)}</Td>
                        <Td className="tabular text-right">{formatWan(p.paidYuan)}</Td>
                        <Td className="tabular text-right">
                          {p.budgetYuan == null ? t("awards.budgetNotSet") : formatWan(p.budgetYuan)}
                          {p.budgetYuan ? (
                            <span className="ml-1 text-xs text-slate-500">
                              ({Math.round((p.approvedYuan / p.budgetYuan) * 100)}%)
                            </span>
                          ) : null}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </CardContent>
            </Card>
          ))}
        </div>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("awards.batches")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {can(user.role, "award.prepare") && user.scope.kind === "all" ? (
            <StepForm
              action={createAwardBatch}
              hidden={{}}
              testId="new-batch"
              fields={[
                {
                  name: "policyId",
                  label: t("awards.policy"),
                  type: "select",
                  width: "w-72",
                  options: policies.map((p) => ({ value: String(p.id), label: p.name })),
                },
                {
                  name: "year",
                  label: t("awards.year"),
                  type: "number",
                  defaultValue: String(year - 1),
                  width: "w-28",
                },
              ]}
              submit={t("awards.create")}
            />
          ) : null}
          {batches.length === 0 ? (
            <p className="text-sm text-slate-500">{t("awards.noBatches")}</p>
          ) : (
            <Table data-testid="award-batches">
              <thead>
                <tr>
                  <Th>{t("awards.year")}</Th>
                  <Th>{t("awards.policy")}</Th>
                  <Th>{t("awards.stateLabel")}</Th>
                  <Th className="text-right">{t("awards.recipients")}</Th>
                  <Th className="text-right">{t("awards.totalWan")}</Th>
                  <Th className="text-right">{t("awards.paid")}</Th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id} className="hover:bg-slate-50">
                    <Td className="tabular">{b.year}</Td>
                    <Td>
                      <Link href={`/awards/batches/${b.id}`} className="font-medium text-brand-700 hover:underline">
                        {b.policyName}
                      </Link>
                    </Td>
                    <Td>
                      <Badge tone={STATE_TONE[b.state]}>{t(`awards.state.${b.state}`)}</Badge>
                    </Td>
                    <Td className="tabular text-right">{b.count}</Td>
                    <Td className="tabular text-right">{formatWan(b.totalYuan)}</Td>
                    <Td className="tabular text-right">{formatWan(b.paidYuan)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
