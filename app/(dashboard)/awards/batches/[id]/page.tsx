import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import {
  approveAwardBatch,
  closeAwardPublicity,
  completeAwardBatch,
  excludeAwardLine,
  payRemainingAwards,
  recomputeAwardBatch,
  recordAwardObjection,
  recordAwardPayment,
  resolveAwardObjection,
  reviewAwardBatch,
  startAwardPublicity,
  submitAwardBatch,
} from "@/features/awards/actions";
import { batchTotals, remainingBudget } from "@/features/awards/engine";
import { exclusionText } from "@/features/awards/format";
import { getBatchView, listLines, listPayments } from "@/features/awards/queries";
import { formatWan, yuanToWan } from "@/features/awards/rules";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { formatDateTime, todayIso } from "@/lib/time";
import { ApplicationForm } from "../../_components/application-form";
import { ImportForm } from "../../_components/import-form";
import { STATE_TONE } from "../../_components/state-tone";
import { PassOrReturn, StepForm } from "../../_components/step-form";

export default async function AwardBatchPage(props: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("award.read");
  const t = await getT();
  const id = Number((await props.params).id);
  const b = Number.isSafeInteger(id) && id > 0 ? getBatchView(id) : undefined;
  if (!b) notFound();
  const lines = listLines(b.id, user.scope, { excluded: false });
  const excluded = listLines(b.id, user.scope, { excluded: true });
  const payments = listPayments(b.id, user.scope);
  const totals = batchTotals(getDb().$client, b.id, user.scope);
  const prepare = can(user.role, "award.prepare");
  const full = user.scope.kind === "all";
  const batchStep = prepare && full;
  const hidden = { batchId: b.id, version: b.version };
  const remaining =
    b.budgetYuan != null ? remainingBudget(getDb().$client, { id: b.policyId, yearBudgetYuan: b.budgetYuan }, b) : null;
  const over = remaining != null && totals.totalYuan > remaining;
  const today = todayIso();
  const title = t("awards.batchTitle", { year: b.year, policy: b.policyName });
  const reasonField = { name: "reason", label: t("awards.reason"), width: "w-72" };
  return (
    <>
      <PageHeader
        title={title}
        description={`${b.basisTitle}${b.basisDocNo ? `（${b.basisDocNo}）` : ""}`}
        actions={
          <>
            <Badge tone={STATE_TONE[b.state]} data-testid="batch-state">
              {t(`awards.state.${b.state}`)}
            </Badge>
            <a
              href={`/awards/batches/${b.id}/export?kind=publicity`}
              className="text-sm text-brand-700 hover:underline"
            >
              {t("awards.exportPublicity")}
            </a>
            <a href={`/awards/batches/${b.id}/export?kind=ledger`} className="text-sm text-brand-700 hover:underline">
              {t("awards.exportLedger")}
            </a>
            <Link href={`/awards/batches/${b.id}/print`} className="text-sm text-brand-700 hover:underline">
              {t("awards.printPublicity")}
            </Link>
            <Link href={`/awards/approval/${b.year}/print`} className="text-sm text-brand-700 hover:underline">
              {t("awards.printApproval")}
            </Link>
          </>
        }
      />
      <Card>
        <CardContent className="flex flex-col gap-2 pt-4 text-sm">
          <p data-testid="batch-totals" className="font-medium">
            {t("awards.totals", { n: totals.count, amount: formatWan(totals.totalYuan) })}
            {totals.paidYuan > 0 ? ` · ${t("awards.paid")} ${t("awards.wan", { n: formatWan(totals.paidYuan) })}` : ""}
          </p>
          {b.budgetYuan != null ? (
            <p className="text-slate-600">
              {t("awards.budgetRemaining", { budget: formatWan(b.budgetYuan), amount: formatWan(totals.totalYuan) })}
            </p>
          ) : null}
          {b.approvedAt ? (
            <p className="text-slate-700" data-testid="batch-frozen">
              {t("awards.approvedFrozen", {
                at: formatDateTime(b.approvedAt).slice(0, 16),
                n: b.approvedCount ?? 0,
                amount: formatWan(b.approvedTotalYuan ?? 0),
              })}
            </p>
          ) : null}
          {b.publicityStart ? (
            <p>
              {t("awards.publicityPeriod")}：{b.publicityStart} — {b.publicityEnd}
              {b.publicityDocNo ? `（${b.publicityDocNo}）` : ""}
            </p>
          ) : null}
          {b.returnReason && b.state === "draft" ? (
            <p className="text-amber-800">{t("awards.returned", { reason: b.returnReason })}</p>
          ) : null}
          {b.budgetOverrideReason ? (
            <p className="text-amber-800">{t("awards.overrideReason", { reason: b.budgetOverrideReason })}</p>
          ) : null}
          {totals.flagged > 0 ? (
            <p className="text-red-700">
              {t("awards.flagged")}（{totals.flagged}）
            </p>
          ) : null}
          <div className="mt-2 flex flex-col gap-3" data-testid="batch-actions">
            {b.state === "draft" && prepare ? (
              <>
                {b.policyMode === "automatic" ? (
                  <StepForm
                    action={recomputeAwardBatch}
                    hidden={hidden}
                    submit={t("awards.recompute")}
                    variant="outline"
                    testId="recompute"
                  />
                ) : null}
                {batchStep ? (
                  <>
                    {over ? <p className="text-amber-800">{t("awards.overBudgetWarning")}</p> : null}
                    <StepForm
                      action={submitAwardBatch}
                      hidden={hidden}
                      fields={
                        over
                          ? [{ name: "budgetOverrideReason", label: t("awards.budgetOverrideReason"), width: "w-80" }]
                          : []
                      }
                      submit={t("awards.submit")}
                      testId="submit"
                    />
                  </>
                ) : null}
              </>
            ) : null}
            {b.state === "review" && batchStep && b.submittedBy !== user.id ? (
              <PassOrReturn
                action={reviewAwardBatch}
                hidden={hidden}
                pass={{ decision: "pass", label: t("awards.reviewPass"), testId: "review-pass" }}
                back={{ label: t("awards.reviewReturn"), testId: "review-return" }}
                reasonField={reasonField}
              />
            ) : null}
            {b.state === "approval" && can(user.role, "award.approve") ? (
              <PassOrReturn
                action={approveAwardBatch}
                hidden={hidden}
                pass={{ decision: "approve", label: t("awards.approve"), testId: "approve" }}
                back={{ label: t("awards.approveReturn"), testId: "approve-return" }}
                reasonField={reasonField}
              />
            ) : null}
            {b.state === "approved" && batchStep ? (
              <StepForm
                action={startAwardPublicity}
                hidden={hidden}
                testId="publicity"
                fields={[
                  { name: "start", label: t("awards.publicityStart"), type: "date", defaultValue: today },
                  { name: "end", label: t("awards.publicityEnd"), type: "date" },
                  { name: "docNo", label: t("awards.publicityDocNo"), width: "w-56" },
                ]}
                submit={t("awards.startPublicity")}
              />
            ) : null}
            {b.state === "publicity" && batchStep ? (
              <StepForm
                action={closeAwardPublicity}
                hidden={hidden}
                submit={t("awards.closePublicity")}
                testId="close-publicity"
              />
            ) : null}
            {b.state === "payment" && prepare ? (
              <div className="flex flex-col gap-1">
                <StepForm
                  action={payRemainingAwards}
                  hidden={hidden}
                  testId="pay-remaining"
                  fields={[
                    { name: "paidDate", label: t("awards.paidDate"), type: "date", defaultValue: today, width: "w-36" },
                    { name: "voucherNo", label: t("awards.voucherNo"), width: "w-28" },
                  ]}
                  submit={t("awards.payRemaining")}
                  variant="outline"
                />
                <p className="text-xs text-slate-600">{t("awards.payRemainingHint")}</p>
              </div>
            ) : null}
            {b.state === "payment" && batchStep ? (
              <StepForm action={completeAwardBatch} hidden={hidden} submit={t("awards.complete")} testId="complete" />
            ) : null}
          </div>
        </CardContent>
      </Card>
      {b.state === "draft" && prepare && b.policyMode === "application" ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("awards.addApplication")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ApplicationForm batchId={b.id} version={b.version} range={b.policyKind === "range_by_review"} />
            <h3 className="mt-5 mb-1 text-sm font-semibold text-slate-800">{t("awards.import.title")}</h3>
            <ImportForm batchId={b.id} version={b.version} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            {t("awards.lines")}（{lines.length}）
          </CardTitle>
        </CardHeader>
        <CardContent>
          {lines.length === 0 ? (
            <p className="text-sm text-slate-500">{t("awards.noLines")}</p>
          ) : (
            <Table data-testid="award-lines">
              <thead>
                <tr>
                  <Th>{t("awards.seq")}</Th>
                  <Th>{t("awards.enterprise")}</Th>
                  <Th>{t("awards.creditCode")}</Th>
                  <Th>{t("awards.fact")}</Th>
                  {b.policyMode === "application" ? <Th className="text-right">{t("awards.base")}</Th> : null}
                  <Th className="text-right">{t("awards.amount")}</Th>
                  <Th>{t("awards.payment")}</Th>
                  {b.state === "draft" || b.state === "publicity" || b.state === "payment" ? (
                    <Th>{t("awards.actions")}</Th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => (
                  <tr
                    key={l.id}
                    id={`line-${l.id}`}
                    data-testid="award-line"
                    className={`scroll-mt-24 target:bg-amber-50 ${l.flagged ? "bg-red-50" : ""}`}
                  >
                    <Td className="tabular">{i + 1}</Td>
                    <Td>
                      <Link href={`/enterprises/${l.enterpriseId}`} className="text-brand-700 hover:underline">
                        {l.enterpriseName}
                      </Link>
                      {l.flagged ? <span className="ml-1 text-xs text-red-700">{t("awards.flagged")}</span> : null}
                      {l.objection ? (
                        <p className="text-xs text-amber-800">
                          {t("awards.objection")}：{l.objection}
                          {l.objectionResolution
                            ? ` → ${t(`awards.objectionResolution.${l.objectionResolution}`)}：${l.objectionReason}`
                            : ""}
                        </p>
                      ) : null}
                    </Td>
                    <Td className="font-mono text-xs">{l.creditCode}</Td>
                    <Td className="whitespace-nowrap">
                      {l.qualificationId ? (
                        // A document navigation, so the enterprise page marks the qualification row :target.
                        <a
                          href={`/enterprises/${l.enterpriseId}#qualification-${l.qualificationId}`}
                          className="text-brand-700 hover:underline"
                          data-testid="line-fact"
                        >
                          {t("awards.factQual", { date: l.factDate ?? "" })}
                        </a>
                      ) : (
                        t("awards.factApplication", { year: b.year })
                      )}
                      {l.documents ? (
                        <span className="block text-xs text-slate-600" data-testid="line-documents">
                          {t("awards.documentsReceived")}
                          {t("common.colon")}
                          {l.documents}
                        </span>
                      ) : null}
                    </Td>
                    {b.policyMode === "application" ? (
                      <Td className="tabular text-right">{l.baseYuan == null ? "—" : formatWan(l.baseYuan)}</Td>
                    ) : null}
                    <Td className="tabular text-right" data-testid="line-amount">
                      {formatWan(l.amountYuan)}
                    </Td>
                    <Td>
                      <Badge
                        tone={
                          l.paymentState === "paid"
                            ? "ok"
                            : l.paymentState === "failed"
                              ? "bad"
                              : l.paymentState === "partial"
                                ? "warn"
                                : "neutral"
                        }
                      >
                        {t(`awards.paymentState.${l.paymentState}`)}
                      </Badge>
                      {l.paidYuan > 0 && l.paidYuan < l.amountYuan ? (
                        <span className="ml-1 text-xs">{formatWan(l.paidYuan)}</span>
                      ) : null}
                    </Td>
                    {b.state === "draft" && prepare ? (
                      <Td>
                        <StepForm
                          action={excludeAwardLine}
                          hidden={{ lineId: l.id }}
                          fields={[{ name: "reason", label: t("awards.excludeReason"), width: "w-40" }]}
                          submit={t("awards.exclude")}
                          variant="outline"
                        />
                      </Td>
                    ) : b.state === "publicity" && prepare ? (
                      <Td>
                        {l.objection && !l.objectionResolution ? (
                          <StepForm
                            action={resolveAwardObjection}
                            hidden={{ lineId: l.id }}
                            fields={[
                              {
                                name: "resolution",
                                label: t("awards.resolve"),
                                type: "select",
                                width: "w-28",
                                options: [
                                  { value: "kept", label: t("awards.keep") },
                                  { value: "removed", label: t("awards.remove") },
                                ],
                              },
                              { name: "reason", label: t("awards.reason"), width: "w-40" },
                            ]}
                            submit={t("awards.resolve")}
                            variant="outline"
                          />
                        ) : (
                          <StepForm
                            action={recordAwardObjection}
                            hidden={{ lineId: l.id }}
                            fields={[{ name: "text", label: t("awards.objectionText"), width: "w-40" }]}
                            submit={t("awards.raiseObjection")}
                            variant="outline"
                          />
                        )}
                      </Td>
                    ) : b.state === "payment" && prepare ? (
                      <Td>
                        {l.paidYuan < l.amountYuan ? (
                          <StepForm
                            action={recordAwardPayment}
                            hidden={{ lineId: l.id }}
                            testId="pay-form"
                            fields={[
                              {
                                name: "paidDate",
                                label: t("awards.paidDate"),
                                type: "date",
                                defaultValue: today,
                                width: "w-36",
                              },
                              { name: "voucherNo", label: t("awards.voucherNo"), width: "w-28" },
                              {
                                name: "amountWan",
                                label: t("awards.paymentAmount"),
                                defaultValue: String(yuanToWan(l.amountYuan - l.paidYuan)),
                                width: "w-24",
                              },
                              {
                                name: "status",
                                label: t("awards.payment"),
                                type: "select",
                                width: "w-20",
                                options: [
                                  { value: "paid", label: t("awards.paymentStatus.paid") },
                                  { value: "failed", label: t("awards.paymentStatus.failed") },
                                ],
                              },
                            ]}
                            submit={t("awards.pay")}
                            variant="outline"
                          />
                        ) : null}
                      </Td>
                    ) : b.state === "draft" || b.state === "publicity" || b.state === "payment" ? (
                      <Td />
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            {t("awards.exclusions")}（{excluded.length}）
          </CardTitle>
        </CardHeader>
        <CardContent>
          {excluded.length === 0 ? (
            <p className="text-sm text-slate-500">{t("awards.noLines")}</p>
          ) : (
            <Table data-testid="award-exclusions">
              <thead>
                <tr>
                  <Th>{t("awards.enterprise")}</Th>
                  <Th>{t("awards.creditCode")}</Th>
                  <Th>{t("awards.fact")}</Th>
                  <Th>{t("awards.exclusionReason")}</Th>
                </tr>
              </thead>
              <tbody>
                {excluded.map((l) => (
                  <tr
                    key={l.id}
                    id={`line-${l.id}`}
                    data-testid="award-exclusion"
                    className="scroll-mt-24 target:bg-amber-50"
                  >
                    <Td>
                      <Link href={`/enterprises/${l.enterpriseId}`} className="text-brand-700 hover:underline">
                        {l.enterpriseName}
                      </Link>
                    </Td>
                    <Td className="font-mono text-xs">{l.creditCode}</Td>
                    <Td className="whitespace-nowrap">
                      {l.qualificationId ? (
                        // A document navigation, so the enterprise page marks the qualification row :target.
                        <a
                          href={`/enterprises/${l.enterpriseId}#qualification-${l.qualificationId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {t("awards.factQual", { date: l.factDate ?? "" })}
                        </a>
                      ) : (
                        t("awards.factApplication", { year: b.year })
                      )}
                    </Td>
                    <Td>
                      {exclusionText(t, l.exclusionReason)}
                      {l.exclusionReason === "objection" && l.objectionReason ? `：${l.objectionReason}` : ""}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </CardContent>
      </Card>
      {payments.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("awards.ledger")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Table data-testid="award-ledger">
              <thead>
                <tr>
                  <Th>{t("awards.paidDate")}</Th>
                  <Th>{t("awards.enterprise")}</Th>
                  <Th>{t("awards.voucherNo")}</Th>
                  <Th className="text-right">{t("awards.paymentAmount")}</Th>
                  <Th>{t("awards.payment")}</Th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr key={p.id}>
                    <Td className="tabular">{p.paidDate}</Td>
                    <Td>{p.enterpriseName}</Td>
                    <Td className="font-mono text-xs">{p.voucherNo}</Td>
                    <Td className="tabular text-right">{formatWan(p.amountYuan)}</Td>
                    <Td>
                      <Badge tone={p.status === "paid" ? "ok" : "bad"}>{t(`awards.paymentStatus.${p.status}`)}</Badge>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
