"use server";
import { getDb } from "@/db";
import { MAX_UPLOAD_INPUT_BYTES, readUpload } from "@/features/import/service";
import { ActionError, defineAction } from "@/lib/action";
import type { T } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { todayIso } from "@/lib/time";
import * as engine from "./engine";
import { refusalText } from "./format";
import { importApplications, RowsRefused } from "./import";
import {
  applicationSchema,
  approveSchema,
  batchStepSchema,
  createBatchSchema,
  excludeSchema,
  importApplicationsSchema,
  objectionSchema,
  paymentSchema,
  payRemainingSchema,
  policySchema,
  publicitySchema,
  resolveSchema,
  reviewSchema,
  submitSchema,
} from "./validations";

// Every step of a batch is one wrapped action (session → permission → zod → one transaction → operation log).
// The engine runs its statements on the process's one connection, i.e. inside the wrapper's transaction.
const sqlite = () => getDb().$client;
const paths = (batchId?: number) => ["/awards", ...(batchId ? [`/awards/batches/${batchId}`] : []), "/"];
const stateOf = (batchId: number) => engine.getBatch(sqlite(), batchId)?.state ?? null;

export const createAwardBatch = defineAction({
  name: "award.createBatch",
  permission: "award.prepare",
  schema: createBatchSchema,
  handler: (input, { user, audit }) => {
    const r = engine.createBatch(sqlite(), user, input);
    audit({ objectType: "award_batch", objectId: r.id, after: { ...input, state: "draft", ...r } });
    return r;
  },
  revalidate: (_i, d) => paths(d.id),
});

export const recomputeAwardBatch = defineAction({
  name: "award.recompute",
  permission: "award.prepare",
  schema: batchStepSchema,
  handler: (input, { user, audit }) => {
    const r = engine.recomputeBatch(sqlite(), user, input);
    audit({ objectType: "award_batch", objectId: input.batchId, after: r });
    return r;
  },
  revalidate: (i) => paths(i.batchId),
});

export const addAwardApplication = defineAction({
  name: "award.addApplication",
  permission: "award.prepare",
  schema: applicationSchema,
  handler: ({ baseWan, amountWan, ...input }, { user, audit }) => {
    const r = engine.addApplication(sqlite(), user, { ...input, baseYuan: baseWan, amountYuan: amountWan });
    audit({ objectType: "award_batch", objectId: input.batchId, after: { ...input, baseYuan: baseWan, ...r } });
    return r;
  },
  revalidate: (i) => paths(i.batchId),
});

export const excludeAwardLine = defineAction({
  name: "award.excludeLine",
  permission: "award.prepare",
  schema: excludeSchema,
  handler: (input, { user, audit }) => {
    const r = engine.excludeLine(sqlite(), user, input);
    audit({ objectType: "award_line", objectId: input.lineId, after: { excluded: true, reason: input.reason } });
    return r;
  },
  revalidate: (_i, d) => paths(d.batchId),
});

function step<I extends { batchId: number }>(name: string, fn: () => unknown, input: I, audit: (f: object) => void) {
  const before = stateOf(input.batchId);
  const r = fn();
  audit({
    objectType: "award_batch",
    objectId: input.batchId,
    before: { state: before },
    after: { state: stateOf(input.batchId), ...input },
    message: name,
  });
  return r as { version: number };
}

export const submitAwardBatch = defineAction({
  name: "award.submit",
  permission: "award.prepare",
  schema: submitSchema,
  handler: (input, { user, audit }) => step("submit", () => engine.submitBatch(sqlite(), user, input), input, audit),
  revalidate: (i) => paths(i.batchId),
});

export const reviewAwardBatch = defineAction({
  name: "award.review",
  permission: "award.prepare",
  schema: reviewSchema,
  handler: (input, { user, audit }) => step("review", () => engine.reviewBatch(sqlite(), user, input), input, audit),
  revalidate: (i) => paths(i.batchId),
});

export const approveAwardBatch = defineAction({
  name: "award.approve",
  permission: "award.approve",
  schema: approveSchema,
  handler: (input, { user, audit }) => step("approve", () => engine.approveBatch(sqlite(), user, input), input, audit),
  revalidate: (i) => paths(i.batchId),
});

export const startAwardPublicity = defineAction({
  name: "award.startPublicity",
  permission: "award.prepare",
  schema: publicitySchema,
  handler: (input, { user, audit }) =>
    step("publicity", () => engine.startPublicity(sqlite(), user, input), input, audit),
  revalidate: (i) => paths(i.batchId),
});

export const recordAwardObjection = defineAction({
  name: "award.objection",
  permission: "award.prepare",
  schema: objectionSchema,
  handler: (input, { user, audit }) => {
    const r = engine.recordObjection(sqlite(), user, input);
    audit({ objectType: "award_line", objectId: input.lineId, after: { objection: input.text } });
    return r;
  },
  revalidate: (_i, d) => paths(d.batchId),
});

export const resolveAwardObjection = defineAction({
  name: "award.resolveObjection",
  permission: "award.prepare",
  schema: resolveSchema,
  handler: (input, { user, audit }) => {
    const r = engine.resolveObjection(sqlite(), user, input);
    audit({ objectType: "award_line", objectId: input.lineId, after: input });
    return r;
  },
  revalidate: (_i, d) => paths(d.batchId),
});

export const closeAwardPublicity = defineAction({
  name: "award.closePublicity",
  permission: "award.prepare",
  schema: batchStepSchema,
  handler: (input, { user, audit }) =>
    step("closePublicity", () => engine.closePublicity(sqlite(), user, input, todayIso()), input, audit),
  revalidate: (i) => paths(i.batchId),
});

export const recordAwardPayment = defineAction({
  name: "award.pay",
  permission: "award.prepare",
  schema: paymentSchema,
  handler: ({ amountWan, ...input }, { user, audit }) => {
    const r = engine.recordPayment(sqlite(), user, { ...input, amountYuan: amountWan });
    audit({ objectType: "award_line", objectId: input.lineId, after: { ...input, amountYuan: amountWan, ...r } });
    return r;
  },
  revalidate: (_i, d) => paths(d.batchId),
});

/** 批量拨付: the rest of every unpaid line in one transaction, one log row with the count and total. */
export const payRemainingAwards = defineAction({
  name: "award.payRemaining",
  permission: "award.prepare",
  schema: payRemainingSchema,
  handler: (input, { user, audit }) => {
    const r = engine.payRemaining(sqlite(), user, input);
    audit({ objectType: "award_batch", objectId: input.batchId, after: { ...input, ...r } });
    return r;
  },
  revalidate: (i) => paths(i.batchId),
});

export const completeAwardBatch = defineAction({
  name: "award.complete",
  permission: "award.prepare",
  schema: batchStepSchema,
  handler: (input, { user, audit }) =>
    step("complete", () => engine.completeBatch(sqlite(), user, input), input, audit),
  revalidate: (i) => paths(i.batchId),
});

/** The catalogue's editable fields (the rule itself is the published fact and stays as seeded). */
export const updateAwardPolicy = defineAction({
  name: "award.updatePolicy",
  permission: "award.policy",
  schema: policySchema,
  handler: ({ policyId, version, budgetWan, ...input }, { user, audit }) => {
    const db = sqlite();
    const before = db.prepare("SELECT * FROM award_policies WHERE id = ?").get(policyId) as
      | Record<string, unknown>
      | undefined;
    if (!before) throw new ActionError("awards.err.notFound", undefined, "conflict");
    if (input.activeTo != null && input.activeTo < input.activeFrom)
      throw new ActionError("awards.err.years", { activeTo: ["awards.err.years"] });
    const res = db
      .prepare(
        `UPDATE award_policies SET name = @name, basis_title = @basisTitle, basis_doc_no = @basisDocNo, documents = @documents,
           year_budget_yuan = @budget, active_from = @activeFrom, active_to = @activeTo, version = version + 1,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_by = @userId
         WHERE id = @policyId AND version = @version`,
      )
      .run({
        ...input,
        documents: input.documents?.replace(/[；;]\s*/g, "\n") ?? null,
        budget: budgetWan,
        userId: user.id,
        policyId,
        version,
      });
    if (res.changes !== 1) throw new ActionError("awards.err.stale", undefined, "conflict");
    audit({ objectType: "award_policy", objectId: policyId, before, after: { ...input, yearBudgetYuan: budgetWan } });
    return { version: version + 1 };
  },
  revalidate: ["/awards/policies", "/awards"],
});

/** One refused row in the user's words: 第N行：reason（value）. */
function rowText(t: T, r: { rowNumber: number; reason: string; value?: string }): string {
  return t("awards.import.row", {
    row: r.rowNumber,
    reason: refusalText(t, r.reason),
    value: r.value ? `（${r.value}）` : "",
  });
}

/**
 * 申报导入 (xlsx): every row checked like one application; any refused row refuses the whole file with each row
 * number and reason (nothing written) unless the user chose 仅导入有效行.
 */
export const importAwardApplications = defineAction({
  name: "award.importApplications",
  permission: "award.prepare",
  schema: importApplicationsSchema,
  maxInputBytes: MAX_UPLOAD_INPUT_BYTES,
  prepare: async ({ file }) => ({ sheets: await readUpload(file), t: await getT() }),
  handler: ({ file, ...input }, { user, audit, prepared: { sheets, t } }) => {
    try {
      const r = importApplications(sqlite(), user, input, sheets);
      audit({
        objectType: "award_batch",
        objectId: input.batchId,
        message: file.name,
        detail: { mode: input.mode, added: r.added, refused: r.refused },
      });
      return { added: r.added, refused: r.refused.map((x) => rowText(t, x)), version: r.version };
    } catch (e) {
      if (e instanceof RowsRefused) {
        const items = e.rows.slice(0, 50).map((x) => rowText(t, x));
        throw new ActionError(
          `awards.import.refused|n=${e.rows.length},items=${encodeURIComponent(items.join("；"))}`,
          undefined,
          "invalid",
        );
      }
      throw e;
    }
  },
  revalidate: (i) => paths(i.batchId),
});
