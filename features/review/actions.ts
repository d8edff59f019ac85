"use server";
import type { DB } from "@/db";
import { formWrite, type RecordLog, Writer } from "@/features/registry/write";
import { type ActionContext, ActionError, defineAction } from "@/lib/action";
import { writeOperationLog } from "@/lib/audit";
import { REGISTRY_KEYS } from "@/lib/committed-writes";
import type { MessageKey, T } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { approveItem, resubmitItem, returnItem, type StoredItem } from "./apply";
import { batchApproveSchema, batchReturnSchema, returnSchema, reviewRefSchema } from "./validations";

// 科室审核 actions. Approve and return need registry.review AND the whole district (fullScope): a 镇街/园区 account
// holds the staff role's permission but reviews nothing. Each decision is one transaction through the write path;
// the action's operation-log row carries the record's before/after and the submission (who, when) beside the
// review (who, when), so the record's history shows both.

const PATH = "/review";

const toAudit = (log: RecordLog, item: StoredItem) => ({
  objectType: log.objectType,
  objectId: log.objectId,
  before: log.before,
  after: log.after,
  ...(log.message !== undefined ? { message: log.message } : {}),
  detail: { ...(log.detail ?? {}), registry: item.registry, rootId: item.rootId },
});

/** 通过: the submitted write becomes the record (and counts). */
export const approveReview = defineAction({
  name: "review.approve",
  registries: REGISTRY_KEYS,
  permission: "registry.review",
  fullScope: true,
  schema: reviewRefSchema,
  handler: (ref, ctx) => {
    const { item } = formWrite(ctx, (w) => {
      const r = approveItem(w, ref);
      return { ...r, log: toAudit(r.log, r.item) as unknown as RecordLog };
    });
    return { id: item.id };
  },
  revalidate: [PATH],
});

/** 退回 with a reason: the submitter sees it and can correct and resubmit. */
export const returnReview = defineAction({
  name: "review.return",
  registries: REGISTRY_KEYS,
  permission: "registry.review",
  fullScope: true,
  schema: returnSchema,
  handler: ({ reason, ...ref }, ctx) => {
    const { item } = formWrite(ctx, (w) => {
      const r = returnItem(w, ref, reason);
      return { ...r, log: toAudit(r.log, r.item) as unknown as RecordLog };
    });
    return { id: item.id };
  },
  revalidate: [PATH],
});

/** 重新提交 a returned item unchanged (a corrected one is resubmitted by saving the record). */
export const resubmitReview = defineAction({
  name: "review.resubmit",
  registries: REGISTRY_KEYS,
  permission: "registry.write",
  schema: reviewRefSchema,
  handler: (ref, ctx) => {
    const { item } = formWrite(ctx, (w) => {
      const r = resubmitItem(w, ref);
      return { ...r, log: toAudit(r.log, r.item) as unknown as RecordLog };
    });
    return { id: item.id };
  },
  revalidate: [PATH],
});

type BatchSummary = { total: number; ok: number; failed: { id: number; reason: string }[] };

/** Each item in its own savepoint: a refused one is reported, the others are decided; one log row per item. */
function runReviewBatch(
  ctx: ActionContext<{ t: T }>,
  items: { id: number; version: number }[],
  decide: (w: Writer, ref: { id: number; version: number }) => { item: StoredItem; log: RecordLog },
): BatchSummary {
  const sqlite = (ctx.tx as unknown as { session: { client: Writer["sqlite"] } }).session.client;
  const w = new Writer(sqlite, ctx.user.id, undefined, ctx.user.scope);
  const done: { item: StoredItem; log: RecordLog }[] = [];
  const failed: BatchSummary["failed"] = [];
  for (const ref of items) {
    try {
      sqlite.transaction(() => {
        done.push(decide(w, ref));
      })();
    } catch (err) {
      if (!(err instanceof ActionError)) throw err;
      const [key, raw] = (err.stale ? "errors.conflict" : err.message).split("|");
      const params = raw ? Object.fromEntries(raw.split(",").map((kv) => kv.split("="))) : undefined;
      failed.push({ id: ref.id, reason: ctx.prepared.t(key as MessageKey, params) });
    }
  }
  w.finish();
  ctx.audit({ message: `${done.length}/${items.length}`, detail: { ok: done.map((d) => d.item.id), failed } });
  ctx.afterLog((batchLogId) => {
    for (const d of done) {
      const a = toAudit(d.log, d.item);
      writeOperationLog(ctx.tx as unknown as DB, {
        userId: ctx.user.id,
        username: ctx.user.username,
        role: ctx.user.role,
        ip: ctx.ip,
        action: d.log.action === "review.return" ? "review.return" : "review.approve",
        result: "ok",
        ...a,
        detail: { ...a.detail, batchLogId },
      });
    }
  });
  return { total: items.length, ok: done.length, failed };
}

export const batchApproveReview = defineAction({
  name: "review.batchApprove",
  registries: REGISTRY_KEYS,
  permission: "registry.review",
  fullScope: true,
  schema: batchApproveSchema,
  prepare: async () => ({ t: await getT() }),
  handler: ({ items }, ctx) => runReviewBatch(ctx, items, (w, ref) => approveItem(w, ref)),
  revalidate: [PATH],
});

export const batchReturnReview = defineAction({
  name: "review.batchReturn",
  registries: REGISTRY_KEYS,
  permission: "registry.review",
  fullScope: true,
  schema: batchReturnSchema,
  prepare: async () => ({ t: await getT() }),
  handler: ({ items, reason }, ctx) => runReviewBatch(ctx, items, (w, ref) => returnItem(w, ref, reason)),
  revalidate: [PATH],
});
