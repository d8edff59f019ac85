import "server-only";
import type Database from "better-sqlite3";
import { getDb } from "@/db";
import type { AwardBatchState, AwardPolicy } from "@/db/schema";
import type { DataScope } from "@/lib/scope";
import { type BatchTotals, batchTotals, lineScopeSql } from "./engine";

const db = (): Database.Database => getDb().$client;

export type PolicyView = AwardPolicy & { qualLabel: string | null };

export function listPolicies(): PolicyView[] {
  return db()
    .prepare(
      `SELECT p.id, p.key, p.name, p.basis_title AS basisTitle, p.basis_doc_no AS basisDocNo, p.rule_text AS ruleText, p.kind,
         p.mode, p.amount_yuan AS amountYuan, p.min_yuan AS minYuan, p.max_yuan AS maxYuan, p.rate_bp AS rateBp,
         p.threshold_yuan AS thresholdYuan, p.cap_yuan AS capYuan, p.eligibility_qual_code AS eligibilityQualCode,
         p.eligibility_text AS eligibilityText, p.documents, p.year_budget_yuan AS yearBudgetYuan, p.active_from AS activeFrom,
         p.active_to AS activeTo, p.source, p.version, p.created_at AS createdAt, p.updated_at AS updatedAt, p.updated_by AS updatedBy,
         (SELECT d.label FROM dictionary_items d WHERE d.kind = 'qualification_type' AND d.code = p.eligibility_qual_code) AS qualLabel
       FROM award_policies p ORDER BY p.id`,
    )
    .all() as PolicyView[];
}

export type BatchListRow = {
  id: number;
  policyId: number;
  policyName: string;
  year: number;
  state: AwardBatchState;
  approvedTotalYuan: number | null;
  updatedAt: string;
  budgetYuan: number | null;
} & BatchTotals;

export function listBatches(scope: DataScope): BatchListRow[] {
  const rows = db()
    .prepare(
      `SELECT b.id, b.policy_id AS policyId, p.name AS policyName, b.year, b.state, b.approved_total_yuan AS approvedTotalYuan,
         b.updated_at AS updatedAt, p.year_budget_yuan AS budgetYuan
       FROM award_batches b JOIN award_policies p ON p.id = b.policy_id ORDER BY b.year DESC, p.id`,
    )
    .all() as Omit<BatchListRow, keyof BatchTotals>[];
  return rows.map((r) => ({ ...r, ...batchTotals(db(), r.id, scope) }));
}

export type BatchView = {
  id: number;
  policyId: number;
  policyName: string;
  policyKind: string;
  policyMode: "automatic" | "application";
  basisTitle: string;
  basisDocNo: string | null;
  budgetYuan: number | null;
  year: number;
  state: AwardBatchState;
  version: number;
  createdBy: number | null;
  submittedBy: number | null;
  submittedByName: string | null;
  reviewedBy: number | null;
  reviewedByName: string | null;
  approvedBy: number | null;
  approvedByName: string | null;
  approvedAt: string | null;
  approvedTotalYuan: number | null;
  approvedCount: number | null;
  returnReason: string | null;
  budgetOverrideReason: string | null;
  publicityDocNo: string | null;
  publicityStart: string | null;
  publicityEnd: string | null;
  completedAt: string | null;
};

export function getBatchView(id: number): BatchView | undefined {
  return db()
    .prepare(
      `SELECT b.id, b.policy_id AS policyId, p.name AS policyName, p.kind AS policyKind, p.mode AS policyMode,
         p.basis_title AS basisTitle, p.basis_doc_no AS basisDocNo, p.year_budget_yuan AS budgetYuan, b.year, b.state, b.version,
         b.created_by AS createdBy, b.submitted_by AS submittedBy, su.display_name AS submittedByName, b.reviewed_by AS reviewedBy,
         ru.display_name AS reviewedByName, b.approved_by AS approvedBy, au.display_name AS approvedByName, b.approved_at AS approvedAt,
         b.approved_total_yuan AS approvedTotalYuan, b.approved_count AS approvedCount, b.return_reason AS returnReason,
         b.budget_override_reason AS budgetOverrideReason, b.publicity_doc_no AS publicityDocNo, b.publicity_start AS publicityStart,
         b.publicity_end AS publicityEnd, b.completed_at AS completedAt
       FROM award_batches b JOIN award_policies p ON p.id = b.policy_id
       LEFT JOIN users su ON su.id = b.submitted_by LEFT JOIN users ru ON ru.id = b.reviewed_by
       LEFT JOIN users au ON au.id = b.approved_by
       WHERE b.id = ?`,
    )
    .get(id) as BatchView | undefined;
}

export type LineView = {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  streetLabel: string | null;
  qualificationId: number | null;
  factDate: string | null;
  baseYuan: number | null;
  reviewScore: number | null;
  /** 已收材料: the documents received with an application. */
  documents: string | null;
  amountYuan: number;
  excluded: number;
  exclusionReason: string | null;
  objection: string | null;
  objectionResolution: "kept" | "removed" | null;
  objectionReason: string | null;
  paidYuan: number;
  paymentState: "unpaid" | "partial" | "paid" | "failed";
  /** The enterprise is no longer live (deregistered, moved out, deleted) since the line was computed. */
  flagged: number;
};

/** A batch's lines within the user's scope: payable ones first (by fact date), then the exclusions. */
export function listLines(
  batchId: number,
  scope: DataScope,
  opts: { excluded?: boolean; limit?: number } = {},
): LineView[] {
  const scoped = lineScopeSql("l", scope);
  const ex = opts.excluded == null ? "" : `AND l.excluded = ${opts.excluded ? 1 : 0}`;
  return db()
    .prepare(
      `SELECT l.id, l.enterprise_id AS enterpriseId, l.enterprise_name AS enterpriseName, l.credit_code AS creditCode,
         s.label AS streetLabel, l.qualification_id AS qualificationId, l.fact_date AS factDate, l.base_yuan AS baseYuan,
         l.review_score AS reviewScore, l.documents, l.amount_yuan AS amountYuan, l.excluded, l.exclusion_reason AS exclusionReason,
         l.objection, l.objection_resolution AS objectionResolution, l.objection_reason AS objectionReason, l.paid_yuan AS paidYuan,
         l.payment_state AS paymentState,
         (l.excluded = 0 AND (e.deleted_at IS NOT NULL OR e.status <> 'active')) AS flagged
       FROM award_lines l JOIN enterprises e ON e.id = l.enterprise_id LEFT JOIN dictionary_items s ON s.id = l.street_id
       WHERE l.batch_id = ? ${ex} ${scoped ? `AND ${scoped}` : ""}
       ORDER BY l.excluded, l.fact_date, l.id ${opts.limit ? `LIMIT ${Math.trunc(opts.limit)}` : ""}`,
    )
    .all(batchId) as LineView[];
}

export type PaymentView = {
  id: number;
  lineId: number;
  enterpriseName: string;
  creditCode: string;
  paidDate: string;
  voucherNo: string;
  amountYuan: number;
  status: "paid" | "failed";
  note: string | null;
};

export function listPayments(batchId: number, scope: DataScope): PaymentView[] {
  const scoped = lineScopeSql("l", scope);
  return db()
    .prepare(
      `SELECT p.id, p.line_id AS lineId, l.enterprise_name AS enterpriseName, l.credit_code AS creditCode, p.paid_date AS paidDate,
         p.voucher_no AS voucherNo, p.amount_yuan AS amountYuan, p.status, p.note
       FROM award_payments p JOIN award_lines l ON l.id = p.line_id
       WHERE p.batch_id = ? ${scoped ? `AND ${scoped}` : ""} ORDER BY p.paid_date, p.id`,
    )
    .all(batchId) as PaymentView[];
}

export type YearCard = {
  year: number;
  policies: {
    policyId: number;
    policyName: string;
    budgetYuan: number | null;
    listedYuan: number;
    approvedYuan: number;
    paidYuan: number;
  }[];
};

/** Per year, per policy: listed / approved / paid against the year budget. */
export function yearCards(scope: DataScope): YearCard[] {
  const byYear = new Map<number, YearCard>();
  for (const b of listBatches(scope)) {
    const card = byYear.get(b.year) ?? { year: b.year, policies: [] };
    byYear.set(b.year, card);
    card.policies.push({
      policyId: b.policyId,
      policyName: b.policyName,
      budgetYuan: b.budgetYuan,
      listedYuan: b.totalYuan,
      approvedYuan:
        b.approvedTotalYuan != null && scope.kind === "all"
          ? b.approvedTotalYuan
          : b.approvedTotalYuan != null
            ? b.totalYuan
            : 0,
      paidYuan: b.paidYuan,
    });
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

export type EnterpriseAward = {
  batchId: number;
  policyName: string;
  year: number;
  amountYuan: number;
  paidYuan: number;
  state: AwardBatchState;
  excluded: number;
  exclusionReason: string | null;
};

/** An enterprise's awards history (its detail page). */
export function enterpriseAwards(enterpriseId: number): EnterpriseAward[] {
  return db()
    .prepare(
      `SELECT b.id AS batchId, p.name AS policyName, b.year, l.amount_yuan AS amountYuan, l.paid_yuan AS paidYuan, b.state,
         l.excluded, l.exclusion_reason AS exclusionReason
       FROM award_lines l JOIN award_batches b ON b.id = l.batch_id JOIN award_policies p ON p.id = b.policy_id
       WHERE l.enterprise_id = ? ORDER BY b.year DESC, p.id`,
    )
    .all(enterpriseId) as EnterpriseAward[];
}

/** Board alerts: 公示 ending within 7 days, lines approved over 30 days ago and still unpaid. */
export function awardAlerts(today: string): {
  publicityEnding: { batchId: number; policyName: string; year: number; end: string }[];
  unpaid: { batchId: number; policyName: string; year: number; n: number }[];
} {
  const publicityEnding = db()
    .prepare(
      `SELECT b.id AS batchId, p.name AS policyName, b.year, b.publicity_end AS end FROM award_batches b
       JOIN award_policies p ON p.id = b.policy_id
       WHERE b.state = 'publicity' AND b.publicity_end <= date(?, '+7 days') ORDER BY b.publicity_end`,
    )
    .all(today) as { batchId: number; policyName: string; year: number; end: string }[];
  const unpaid = db()
    .prepare(
      `SELECT b.id AS batchId, p.name AS policyName, b.year, count(*) AS n FROM award_batches b
       JOIN award_policies p ON p.id = b.policy_id JOIN award_lines l ON l.batch_id = b.id
       WHERE b.state IN ('approved', 'publicity', 'payment') AND substr(b.approved_at, 1, 10) <= date(?, '-30 days')
         AND l.excluded = 0 AND l.paid_yuan < l.amount_yuan
       GROUP BY b.id ORDER BY b.approved_at`,
    )
    .all(today) as { batchId: number; policyName: string; year: number; n: number }[];
  return { publicityEnding, unpaid };
}
