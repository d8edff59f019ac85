/**
 * 政策兑现 engine: eligibility from the registries (免申即享) in one SQL query, batch lines with explicit exclusions,
 * and the workflow transitions. Plain functions over the better-sqlite3 connection (no Next.js), called inside the
 * action wrapper's transaction (features/awards/actions.ts) and directly by unit tests and the bench.
 * Refusals throw ActionError with catalogue keys (awards.err.*); nothing is written by a refused call.
 */
import type Database from "better-sqlite3";
import type { AwardBatchState, AwardPolicy } from "@/db/schema";
import { enterpriseScope } from "@/features/registry/scope";
import { drainSearchQueue } from "@/features/registry/search-index";
import { ActionError } from "@/lib/action-error";
import { type DataScope, scopeSql, sqlId } from "@/lib/scope";
import { amountAllowed, evaluateRule, ruleOf } from "./rules";

export type AwardUser = { id: number; role: string; scope: DataScope };

export type PolicyRow = Pick<
  AwardPolicy,
  | "id"
  | "key"
  | "name"
  | "kind"
  | "mode"
  | "amountYuan"
  | "minYuan"
  | "maxYuan"
  | "rateBp"
  | "thresholdYuan"
  | "capYuan"
  | "eligibilityQualCode"
  | "yearBudgetYuan"
  | "activeFrom"
  | "activeTo"
>;

export type BatchRow = {
  id: number;
  policyId: number;
  year: number;
  state: AwardBatchState;
  version: number;
  submittedBy: number | null;
  reviewedBy: number | null;
  createdBy: number | null;
  publicityStart: string | null;
  publicityEnd: string | null;
  approvedTotalYuan: number | null;
  budgetOverrideReason: string | null;
};

/** Why a registry row is listed but not paid: a catalogue key under awards.exclusion. */
export type ExclusionCode = "notFirst" | "deregistered" | "movedOut" | "deleted" | "notApproved" | "alreadyAwarded";

export type EligibleRow = {
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  streetId: number;
  parkId: number | null;
  qualificationId: number;
  factDate: string;
  exclusion: ExclusionCode | null;
  /** The batch that already paid this fact (alreadyAwarded). */
  priorBatchId: number | null;
};

export function getPolicy(sqlite: Database.Database, id: number): PolicyRow | undefined {
  return sqlite
    .prepare(
      `SELECT id, key, name, kind, mode, amount_yuan AS amountYuan, min_yuan AS minYuan, max_yuan AS maxYuan, rate_bp AS rateBp,
         threshold_yuan AS thresholdYuan, cap_yuan AS capYuan, eligibility_qual_code AS eligibilityQualCode,
         year_budget_yuan AS yearBudgetYuan, active_from AS activeFrom, active_to AS activeTo
       FROM award_policies WHERE id = ?`,
    )
    .get(id) as PolicyRow | undefined;
}

export function getBatch(sqlite: Database.Database, id: number): BatchRow | undefined {
  return sqlite
    .prepare(
      `SELECT id, policy_id AS policyId, year, state, version, submitted_by AS submittedBy, reviewed_by AS reviewedBy,
         created_by AS createdBy, publicity_start AS publicityStart, publicity_end AS publicityEnd,
         approved_total_yuan AS approvedTotalYuan, budget_override_reason AS budgetOverrideReason
       FROM award_batches WHERE id = ?`,
    )
    .get(id) as BatchRow | undefined;
}

/** The scope predicate on a line (through its enterprise), or null for 全区. */
export function lineScopeSql(alias: string, scope: DataScope): string | null {
  const p = scopeSql(enterpriseScope, "scope_le", scope);
  return p ? `EXISTS (SELECT 1 FROM enterprises scope_le WHERE scope_le.id = ${alias}.enterprise_id AND ${p})` : null;
}

/**
 * Everyone with a qualification of the policy's type awarded in `year`, in ONE query: the holder's first such
 * qualification (by date) qualifies; a later one (renewal, re-recognition) is listed as notFirst. Deregistered,
 * moved-out (outside the district) or soft-deleted enterprises and facts this policy already paid in another
 * batch are listed with their reason — never silently dropped. Soft-deleted qualifications are not facts.
 */
export function computeEligible(
  sqlite: Database.Database,
  policy: PolicyRow,
  year: number,
  scope: DataScope,
  batchId = 0,
): EligibleRow[] {
  if (!policy.eligibilityQualCode) return [];
  const where = scopeSql(enterpriseScope, "e", scope);
  const rows = sqlite
    .prepare(
      `WITH typ AS (SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = @code),
       ranked AS (
         SELECT q.id, q.enterprise_id, q.awarded_date,
           row_number() OVER (PARTITION BY q.enterprise_id ORDER BY q.awarded_date, q.id) AS rn
         FROM enterprise_qualifications q
         WHERE q.type_id = (SELECT id FROM typ) AND q.deleted_at IS NULL AND q.review_state = 'approved'
           AND q.awarded_date <= @to)
       SELECT e.id AS enterpriseId, e.name AS enterpriseName, e.credit_code AS creditCode, e.street_id AS streetId,
         e.park_id AS parkId, r.id AS qualificationId, r.awarded_date AS factDate, r.rn, e.status, e.deleted_at AS deletedAt, e.review_state AS reviewState,
         (SELECT l.batch_id FROM award_lines l WHERE l.policy_id = @policyId AND l.fact_key = 'q:' || r.id
            AND l.excluded = 0 AND l.batch_id <> @batchId) AS priorBatchId
       FROM ranked r JOIN enterprises e ON e.id = r.enterprise_id
       WHERE r.awarded_date >= @from ${where ? `AND ${where}` : ""}
       ORDER BY r.awarded_date, e.id`,
    )
    .all({
      code: policy.eligibilityQualCode,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      policyId: policy.id,
      batchId,
    }) as (Omit<EligibleRow, "exclusion"> & {
    rn: number;
    status: string;
    deletedAt: string | null;
    reviewState: string;
  })[];
  // Only approved records count (录入 → 审核): a qualification awaiting review is not a fact yet, and an
  // enterprise awaiting its first approval is listed with that reason.
  return rows.map(({ rn, status, deletedAt, reviewState, ...r }) => ({
    ...r,
    exclusion:
      rn > 1
        ? "notFirst"
        : deletedAt
          ? "deleted"
          : reviewState !== "approved"
            ? "notApproved"
            : status === "deregistered"
              ? "deregistered"
              : status !== "active"
                ? "movedOut"
                : r.priorBatchId
                  ? "alreadyAwarded"
                  : null,
  }));
}

function bump(sqlite: Database.Database, batch: BatchRow, user: AwardUser, set: Record<string, unknown> = {}): number {
  const cols = Object.keys(set);
  const res = sqlite
    .prepare(
      `UPDATE award_batches SET ${cols.map((c) => `${c} = @${c}, `).join("")} version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_by = @userId
       WHERE id = @id AND version = @version`,
    )
    .run({ ...set, userId: user.id, id: batch.id, version: batch.version });
  if (res.changes !== 1) throw new ActionError("awards.err.stale", undefined, "conflict");
  return batch.version + 1;
}

/** The batch, in one of `states` (checked before the version: a replay in the wrong state says so). */
function mustBatch(sqlite: Database.Database, id: number, states: AwardBatchState[], version?: number): BatchRow {
  const b = getBatch(sqlite, id);
  if (!b) throw new ActionError("awards.err.notFound", undefined, "conflict");
  if (!states.includes(b.state)) throw new ActionError(`awards.err.wrongState.${b.state}`, undefined, "conflict");
  if (version != null && b.version !== version) throw new ActionError("awards.err.stale", undefined, "conflict");
  return b;
}

/** Batch-level steps are taken by a 全区 user; a scoped user prepares only their unit's lines. */
function mustFullScope(user: AwardUser): void {
  if (user.scope.kind !== "all") throw new ActionError("awards.err.scopeBatch", undefined, "conflict");
}

const insertLineSql = `INSERT INTO award_lines (batch_id, policy_id, enterprise_id, enterprise_name, credit_code, street_id, park_id,
    qualification_id, fact_date, fact_key, base_yuan, review_score, documents, amount_yuan, excluded, exclusion_reason, created_by)
  VALUES (@batchId, @policyId, @enterpriseId, @enterpriseName, @creditCode, @streetId, @parkId, @qualificationId, @factDate,
    @factKey, @baseYuan, @reviewScore, @documents, @amountYuan, @excluded, @exclusionReason, @userId)`;

/** (Re)computes a draft's lines within the user's scope from the registries. Returns counts. */
export function computeLines(
  sqlite: Database.Database,
  user: AwardUser,
  batch: BatchRow,
  policy: PolicyRow,
): { eligible: number; excluded: number } {
  const scoped = lineScopeSql("award_lines", user.scope);
  sqlite.prepare(`DELETE FROM award_lines WHERE batch_id = ? ${scoped ? `AND ${scoped}` : ""}`).run(batch.id);
  const rows = computeEligible(sqlite, policy, batch.year, user.scope, batch.id);
  const amount = evaluateRule(ruleOf(policy));
  const insert = sqlite.prepare(insertLineSql);
  let eligible = 0;
  // One enterprise appears once per batch: its first fact in the year (a later one is listed only when no first one).
  const seen = new Set<number>();
  for (const r of rows) {
    if (seen.has(r.enterpriseId)) continue;
    seen.add(r.enterpriseId);
    const ok = r.exclusion === null && amount.ok;
    if (ok) eligible++;
    insert.run({
      batchId: batch.id,
      policyId: policy.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      streetId: r.streetId,
      parkId: r.parkId,
      qualificationId: r.qualificationId,
      factDate: r.factDate,
      factKey: `q:${r.qualificationId}`,
      baseYuan: null,
      reviewScore: null,
      documents: null,
      amountYuan: ok && amount.ok ? amount.amountYuan : 0,
      excluded: ok ? 0 : 1,
      exclusionReason: r.exclusion
        ? r.exclusion === "alreadyAwarded"
          ? `alreadyAwarded|batch=${r.priorBatchId}`
          : r.exclusion
        : null,
      userId: user.id,
    });
  }
  // The global search finds the new lines (and no longer the removed ones) as of this transaction.
  drainSearchQueue(sqlite);
  return { eligible, excluded: seen.size - eligible };
}

export function createBatch(
  sqlite: Database.Database,
  user: AwardUser,
  input: { policyId: number; year: number },
): { id: number; eligible: number; excluded: number } {
  mustFullScope(user);
  const policy = getPolicy(sqlite, input.policyId);
  if (!policy) throw new ActionError("awards.err.notFound", undefined, "conflict");
  if (input.year < policy.activeFrom || (policy.activeTo != null && input.year > policy.activeTo))
    throw new ActionError("awards.err.policyInactive", { year: ["awards.err.policyInactive"] });
  const dup = sqlite
    .prepare("SELECT id FROM award_batches WHERE policy_id = ? AND year = ?")
    .pluck()
    .get(policy.id, input.year) as number | undefined;
  if (dup) throw new ActionError(`awards.err.batchExists|id=${dup}`, { year: [`awards.err.batchExists|id=${dup}`] });
  const id = Number(
    sqlite
      .prepare("INSERT INTO award_batches (policy_id, year, created_by, updated_by) VALUES (?, ?, ?, ?)")
      .run(policy.id, input.year, user.id, user.id).lastInsertRowid,
  );
  const counts =
    policy.mode === "automatic"
      ? computeLines(sqlite, user, mustBatch(sqlite, id, ["draft"]), policy)
      : { eligible: 0, excluded: 0 };
  return { id, ...counts };
}

export function recomputeBatch(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number },
) {
  const b = mustBatch(sqlite, input.batchId, ["draft"], input.version);
  const policy = getPolicy(sqlite, b.policyId)!;
  if (policy.mode !== "automatic") throw new ActionError("awards.err.notAutomatic", undefined, "conflict");
  const counts = computeLines(sqlite, user, b, policy);
  return { ...counts, version: bump(sqlite, b, user) };
}

export type ApplicationInput = {
  batchId: number;
  enterpriseId: number;
  baseYuan?: number | null;
  amountYuan?: number | null;
  reviewScore?: number | null;
  documents?: string | null;
};

/** Refusal of one application (a catalogue key), or the amount; shared by the form and the import. */
export function checkApplication(
  sqlite: Database.Database,
  user: AwardUser,
  batch: BatchRow,
  policy: PolicyRow,
  a: ApplicationInput,
):
  | {
      ok: true;
      amountYuan: number;
      enterprise: { name: string; creditCode: string; streetId: number; parkId: number | null };
    }
  | { ok: false; reason: string } {
  const where = scopeSql(enterpriseScope, "e", user.scope);
  const e = sqlite
    .prepare(
      `SELECT e.name, e.credit_code AS creditCode, e.street_id AS streetId, e.park_id AS parkId, e.status
       FROM enterprises e WHERE e.id = ? AND e.deleted_at IS NULL ${where ? `AND ${where}` : ""}`,
    )
    .get(a.enterpriseId) as
    | { name: string; creditCode: string; streetId: number; parkId: number | null; status: string }
    | undefined;
  if (!e) return { ok: false, reason: "awards.err.enterpriseUnknown" };
  if (e.status === "deregistered") return { ok: false, reason: "awards.exclusion.deregistered" };
  if (e.status !== "active") return { ok: false, reason: "awards.exclusion.movedOut" };
  const dupInBatch = sqlite
    .prepare("SELECT 1 FROM award_lines WHERE batch_id = ? AND enterprise_id = ?")
    .get(batch.id, a.enterpriseId);
  if (dupInBatch) return { ok: false, reason: "awards.err.duplicateEnterprise" };
  const paid = sqlite
    .prepare("SELECT batch_id FROM award_lines WHERE policy_id = ? AND fact_key = ? AND excluded = 0")
    .pluck()
    .get(policy.id, `a:${a.enterpriseId}:${batch.year}`);
  if (paid) return { ok: false, reason: "awards.err.sameFact" };
  const rule = ruleOf(policy);
  const r = evaluateRule(rule, { baseYuan: a.baseYuan, amountYuan: a.amountYuan });
  if (!r.ok) return { ok: false, reason: `awards.refuse.${r.reason}` };
  if (a.amountYuan != null && rule.kind !== "range_by_review" && a.amountYuan !== r.amountYuan)
    return { ok: false, reason: a.amountYuan > r.amountYuan ? "awards.refuse.overCap" : "awards.refuse.mismatch" };
  if (!amountAllowed(rule, r.amountYuan)) return { ok: false, reason: "awards.refuse.outOfRange" };
  const { status: _s, ...enterprise } = e;
  return { ok: true, amountYuan: r.amountYuan, enterprise };
}

export function addApplication(sqlite: Database.Database, user: AwardUser, a: ApplicationInput & { version: number }) {
  const b = mustBatch(sqlite, a.batchId, ["draft"], a.version);
  const policy = getPolicy(sqlite, b.policyId)!;
  if (policy.mode !== "application") throw new ActionError("awards.err.notApplication", undefined, "conflict");
  const c = checkApplication(sqlite, user, b, policy, a);
  if (!c.ok) throw new ActionError(c.reason, { [applicationField(c.reason)]: [c.reason] });
  const lineId = insertApplication(sqlite, user, b, policy, a, c.amountYuan, c.enterprise);
  return { lineId, amountYuan: c.amountYuan, version: bump(sqlite, b, user) };
}

/** The form field a refused application names (the import reports the row and the reason instead). */
export function applicationField(reason: string): "enterpriseId" | "baseWan" | "amountWan" {
  if (/refuse\.(base|belowThreshold)/.test(reason)) return "baseWan";
  if (/refuse\.(amount|outOfRange|overCap|mismatch)/.test(reason)) return "amountWan";
  return "enterpriseId";
}

export function insertApplication(
  sqlite: Database.Database,
  user: AwardUser,
  b: BatchRow,
  policy: PolicyRow,
  a: ApplicationInput,
  amountYuan: number,
  e: { name: string; creditCode: string; streetId: number; parkId: number | null },
): number {
  const id = Number(
    sqlite.prepare(insertLineSql).run({
      batchId: b.id,
      policyId: policy.id,
      enterpriseId: a.enterpriseId,
      enterpriseName: e.name,
      creditCode: e.creditCode,
      streetId: e.streetId,
      parkId: e.parkId,
      qualificationId: null,
      factDate: `${b.year}-12-31`,
      factKey: `a:${a.enterpriseId}:${b.year}`,
      baseYuan: a.baseYuan ?? null,
      reviewScore: a.reviewScore ?? null,
      documents: a.documents ?? null,
      amountYuan,
      excluded: 0,
      exclusionReason: null,
      userId: user.id,
    }).lastInsertRowid,
  );
  drainSearchQueue(sqlite);
  return id;
}

/** A line of a draft excluded (or re-included) by hand, with a reason. */
export function excludeLine(
  sqlite: Database.Database,
  user: AwardUser,
  input: { lineId: number; reason: string },
): { batchId: number } {
  const line = mustLine(sqlite, user, input.lineId);
  const b = mustBatch(sqlite, line.batchId, ["draft"]);
  sqlite
    .prepare("UPDATE award_lines SET excluded = 1, exclusion_reason = ? WHERE id = ?")
    .run(`manual|reason=${encodeURIComponent(input.reason)}`, line.id);
  bump(sqlite, b, user);
  return { batchId: b.id };
}

export type LineRow = {
  id: number;
  batchId: number;
  enterpriseId: number;
  amountYuan: number;
  paidYuan: number;
  excluded: number;
  objection: string | null;
  objectionResolution: string | null;
};

function mustLine(sqlite: Database.Database, user: AwardUser, id: number): LineRow {
  const scoped = lineScopeSql("l", user.scope);
  const l = sqlite
    .prepare(
      `SELECT id, batch_id AS batchId, enterprise_id AS enterpriseId, amount_yuan AS amountYuan, paid_yuan AS paidYuan,
         excluded, objection, objection_resolution AS objectionResolution
       FROM award_lines l WHERE id = ? ${scoped ? `AND ${scoped}` : ""}`,
    )
    .get(id) as LineRow | undefined;
  if (!l) throw new ActionError("awards.err.notFound", undefined, "conflict");
  return l;
}

export type BatchTotals = { count: number; totalYuan: number; paidYuan: number; excluded: number; flagged: number };

/** Totals of a batch's payable lines (optionally within a scope); flagged = payable lines whose enterprise is no longer live. */
export function batchTotals(
  sqlite: Database.Database,
  batchId: number,
  scope: DataScope = { kind: "all" },
): BatchTotals {
  const scoped = lineScopeSql("l", scope);
  return sqlite
    .prepare(
      `SELECT coalesce(sum(l.excluded = 0), 0) AS count, coalesce(sum(CASE WHEN l.excluded = 0 THEN l.amount_yuan END), 0) AS totalYuan,
         coalesce(sum(l.paid_yuan), 0) AS paidYuan, coalesce(sum(l.excluded), 0) AS excluded,
         coalesce(sum(l.excluded = 0 AND (e.deleted_at IS NOT NULL OR e.status <> 'active')), 0) AS flagged
       FROM award_lines l JOIN enterprises e ON e.id = l.enterprise_id
       WHERE l.batch_id = ? ${scoped ? `AND ${scoped}` : ""}`,
    )
    .get(batchId) as BatchTotals;
}

/** 草稿 → 科室审核. Refused while a payable line's enterprise is deregistered/deleted/moved out, with no line,
 *  with an amount the rule does not allow, or over the year budget without an explicit override reason. */
export function submitBatch(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number; budgetOverrideReason?: string | null },
) {
  mustFullScope(user);
  const b = mustBatch(sqlite, input.batchId, ["draft"], input.version);
  const policy = getPolicy(sqlite, b.policyId)!;
  const t = batchTotals(sqlite, b.id);
  if (t.count === 0) throw new ActionError("awards.err.empty", undefined, "conflict");
  if (t.flagged > 0) throw new ActionError(`awards.err.flagged|n=${t.flagged}`, undefined, "conflict");
  checkAmounts(sqlite, b.id, policy);
  const over = policy.yearBudgetYuan != null && t.totalYuan > remainingBudget(sqlite, policy, b);
  const reason = input.budgetOverrideReason?.trim() || null;
  if (over && !reason)
    throw new ActionError("awards.err.overBudget", { budgetOverrideReason: ["awards.err.overBudget"] }, "conflict");
  return {
    version: bump(sqlite, b, user, {
      state: "review",
      submitted_by: user.id,
      submitted_at: new Date().toISOString(),
      budget_override_reason: over ? reason : null,
    }),
    totalYuan: t.totalYuan,
  };
}

/** The policy's year budget less what its other batches of that year hold (approved totals, else current totals). */
export function remainingBudget(
  sqlite: Database.Database,
  policy: Pick<PolicyRow, "id" | "yearBudgetYuan">,
  b: { id: number; year: number },
): number {
  const used = sqlite
    .prepare(
      `SELECT coalesce(sum(coalesce(b.approved_total_yuan,
         (SELECT sum(amount_yuan) FROM award_lines l WHERE l.batch_id = b.id AND l.excluded = 0))), 0)
       FROM award_batches b WHERE b.policy_id = ? AND b.year = ? AND b.id <> ?`,
    )
    .pluck()
    .get(policy.id, b.year, b.id) as number;
  return (policy.yearBudgetYuan ?? Number.MAX_SAFE_INTEGER) - used;
}

function checkAmounts(sqlite: Database.Database, batchId: number, policy: PolicyRow): void {
  const rule = ruleOf(policy);
  const amounts = sqlite
    .prepare("SELECT amount_yuan FROM award_lines WHERE batch_id = ? AND excluded = 0")
    .pluck()
    .all(batchId) as number[];
  if (amounts.some((a) => !amountAllowed(rule, a)))
    throw new ActionError("awards.refuse.outOfRange", undefined, "conflict");
}

/** 科室审核: another staff/admin passes it to 局领导审批 or returns it with a reason; never one's own batch. */
export function reviewBatch(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number; decision: "pass" | "return"; reason?: string | null },
) {
  mustFullScope(user);
  const b = mustBatch(sqlite, input.batchId, ["review"], input.version);
  if (b.submittedBy === user.id) throw new ActionError("awards.err.ownBatch", undefined, "conflict");
  if (input.decision === "return") {
    if (!input.reason?.trim())
      throw new ActionError("awards.err.reasonRequired", { reason: ["awards.err.reasonRequired"] });
    return {
      version: bump(sqlite, b, user, { state: "draft", returned_by: user.id, return_reason: input.reason.trim() }),
    };
  }
  return {
    version: bump(sqlite, b, user, { state: "approval", reviewed_by: user.id, reviewed_at: new Date().toISOString() }),
  };
}

/** 局领导审批: approve (recipients and amounts frozen) or return to the draft with a reason. */
export function approveBatch(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number; decision: "approve" | "return"; reason?: string | null },
) {
  const b = mustBatch(sqlite, input.batchId, ["approval"], input.version);
  if (b.submittedBy === user.id || b.reviewedBy === user.id)
    throw new ActionError("awards.err.ownBatch", undefined, "conflict");
  if (input.decision === "return") {
    if (!input.reason?.trim())
      throw new ActionError("awards.err.reasonRequired", { reason: ["awards.err.reasonRequired"] });
    return {
      version: bump(sqlite, b, user, { state: "draft", returned_by: user.id, return_reason: input.reason.trim() }),
    };
  }
  const policy = getPolicy(sqlite, b.policyId)!;
  checkAmounts(sqlite, b.id, policy);
  const t = batchTotals(sqlite, b.id);
  return {
    version: bump(sqlite, b, user, {
      state: "approved",
      approved_by: user.id,
      approved_at: new Date().toISOString(),
      approved_total_yuan: t.totalYuan,
      approved_count: t.count,
    }),
    totalYuan: t.totalYuan,
    count: t.count,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 公示: start and end dates (and the notice's 文号). */
export function startPublicity(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number; start: string; end: string; docNo?: string | null },
) {
  mustFullScope(user);
  const b = mustBatch(sqlite, input.batchId, ["approved"], input.version);
  if (!ISO_DATE.test(input.start) || !ISO_DATE.test(input.end) || input.end < input.start)
    throw new ActionError("awards.err.publicityDates", { end: ["awards.err.publicityDates"] });
  return {
    version: bump(sqlite, b, user, {
      state: "publicity",
      publicity_start: input.start,
      publicity_end: input.end,
      publicity_doc_no: input.docNo?.trim() || null,
    }),
  };
}

/** An objection raised during 公示 against one line. */
export function recordObjection(sqlite: Database.Database, user: AwardUser, input: { lineId: number; text: string }) {
  const line = mustLine(sqlite, user, input.lineId);
  const b = mustBatch(sqlite, line.batchId, ["publicity"]);
  if (line.excluded) throw new ActionError("awards.err.lineExcluded", undefined, "conflict");
  sqlite
    .prepare("UPDATE award_lines SET objection = ?, objection_resolution = NULL, objection_reason = NULL WHERE id = ?")
    .run(input.text.trim(), line.id);
  bump(sqlite, b, user);
  return { batchId: b.id };
}

/** The objection resolved: the line kept, or removed (excluded with the reason), always with a reason. */
export function resolveObjection(
  sqlite: Database.Database,
  user: AwardUser,
  input: { lineId: number; resolution: "kept" | "removed"; reason: string },
) {
  const line = mustLine(sqlite, user, input.lineId);
  const b = mustBatch(sqlite, line.batchId, ["publicity"]);
  if (!line.objection) throw new ActionError("awards.err.noObjection", undefined, "conflict");
  sqlite
    .prepare(
      `UPDATE award_lines SET objection_resolution = @res, objection_reason = @reason,
         excluded = CASE WHEN @res = 'removed' THEN 1 ELSE excluded END,
         exclusion_reason = CASE WHEN @res = 'removed' THEN 'objection' ELSE exclusion_reason END
       WHERE id = @id`,
    )
    .run({ res: input.resolution, reason: input.reason.trim(), id: line.id });
  bump(sqlite, b, user);
  return { batchId: b.id };
}

/** 公示 ended (its end date passed) with every objection resolved → 拨付. */
export function closePublicity(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number },
  today: string,
) {
  mustFullScope(user);
  const b = mustBatch(sqlite, input.batchId, ["publicity"], input.version);
  if (!b.publicityEnd || b.publicityEnd >= today)
    throw new ActionError("awards.err.publicityRunning", undefined, "conflict");
  const open = sqlite
    .prepare(
      "SELECT count(*) FROM award_lines WHERE batch_id = ? AND objection IS NOT NULL AND objection_resolution IS NULL",
    )
    .pluck()
    .get(b.id) as number;
  if (open > 0) throw new ActionError(`awards.err.openObjections|n=${open}`, undefined, "conflict");
  return { version: bump(sqlite, b, user, { state: "payment" }) };
}

/** A payment (or a failed attempt) of one line: date, 凭证号, amount; never more than the line's amount in total. */
export function recordPayment(
  sqlite: Database.Database,
  user: AwardUser,
  input: {
    lineId: number;
    paidDate: string;
    voucherNo: string;
    amountYuan: number;
    status: "paid" | "failed";
    note?: string | null;
  },
) {
  const line = mustLine(sqlite, user, input.lineId);
  const b = mustBatch(sqlite, line.batchId, ["payment"]);
  if (line.excluded) throw new ActionError("awards.err.lineExcluded", undefined, "conflict");
  if (!ISO_DATE.test(input.paidDate)) throw new ActionError("awards.err.date", { paidDate: ["awards.err.date"] });
  if (!Number.isSafeInteger(input.amountYuan) || input.amountYuan <= 0)
    throw new ActionError("awards.err.amount", { amountYuan: ["awards.err.amount"] });
  const paid = input.status === "paid" ? line.paidYuan + input.amountYuan : line.paidYuan;
  if (paid > line.amountYuan)
    throw new ActionError("awards.err.overpay", { amountYuan: ["awards.err.overpay"] }, "conflict");
  sqlite
    .prepare(
      `INSERT INTO award_payments (line_id, batch_id, paid_date, voucher_no, amount_yuan, status, note, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      line.id,
      b.id,
      input.paidDate,
      input.voucherNo.trim(),
      input.amountYuan,
      input.status,
      input.note ?? null,
      user.id,
    );
  const state =
    paid >= line.amountYuan ? "paid" : paid > 0 ? "partial" : input.status === "failed" ? "failed" : "unpaid";
  sqlite.prepare("UPDATE award_lines SET paid_yuan = ?, payment_state = ? WHERE id = ?").run(paid, state, line.id);
  bump(sqlite, b, user);
  return { batchId: b.id, paidYuan: paid, state };
}

/**
 * 批量拨付: every payable line of the batch (within the user's scope) not yet paid in full is paid its remaining
 * amount, with one date and 凭证号 — each through recordPayment, so every per-line rule applies. At the batch's
 * version as shown (a batch paid meanwhile is refused as stale).
 */
export function payRemaining(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number; paidDate: string; voucherNo: string },
): { batchId: number; lines: number; totalYuan: number } {
  const b = mustBatch(sqlite, input.batchId, ["payment"], input.version);
  const scoped = lineScopeSql("l", user.scope);
  const rows = sqlite
    .prepare(
      `SELECT id, amount_yuan - paid_yuan AS rest FROM award_lines l
       WHERE batch_id = ? AND excluded = 0 AND paid_yuan < amount_yuan ${scoped ? `AND ${scoped}` : ""} ORDER BY id`,
    )
    .all(b.id) as { id: number; rest: number }[];
  if (rows.length === 0) throw new ActionError("awards.err.nothingToPay", undefined, "conflict");
  for (const r of rows)
    recordPayment(sqlite, user, {
      lineId: r.id,
      paidDate: input.paidDate,
      voucherNo: input.voucherNo,
      amountYuan: r.rest,
      status: "paid",
    });
  return { batchId: b.id, lines: rows.length, totalYuan: rows.reduce((s, r) => s + r.rest, 0) };
}

/** 拨付 → 已完成 once every payable line is paid in full. */
export function completeBatch(sqlite: Database.Database, user: AwardUser, input: { batchId: number; version: number }) {
  mustFullScope(user);
  const b = mustBatch(sqlite, input.batchId, ["payment"], input.version);
  const unpaid = sqlite
    .prepare("SELECT count(*) FROM award_lines WHERE batch_id = ? AND excluded = 0 AND paid_yuan < amount_yuan")
    .pluck()
    .get(b.id) as number;
  if (unpaid > 0) throw new ActionError(`awards.err.unpaid|n=${unpaid}`, undefined, "conflict");
  return { version: bump(sqlite, b, user, { state: "done", completed_at: new Date().toISOString() }) };
}

/** What waits on this user's role (for notifications; takes the drizzle db or its better-sqlite3 client): review (staff/admin, not their own), approval (leader), publicity/payment steps. */
export function awardsWaiting(
  db: Database.Database | { $client: Database.Database },
  user: { id: number; role: string },
): { batchId: number; policyName: string; year: number; state: AwardBatchState }[] {
  const sqlite = "$client" in db ? db.$client : db;
  const states =
    user.role === "leader"
      ? ["approval"]
      : user.role === "staff" || user.role === "admin"
        ? ["draft", "review", "approved", "publicity", "payment"]
        : [];
  if (states.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT b.id AS batchId, p.name AS policyName, b.year, b.state FROM award_batches b JOIN award_policies p ON p.id = b.policy_id
       WHERE b.state IN (SELECT value FROM json_each(?)) AND NOT (b.state = 'review' AND b.submitted_by = ?)
       ORDER BY b.updated_at`,
    )
    .all(JSON.stringify(states), user.id) as {
    batchId: number;
    policyName: string;
    year: number;
    state: AwardBatchState;
  }[];
}

export { sqlId };
