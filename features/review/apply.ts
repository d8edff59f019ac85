import "server-only";
import type { ReviewItem } from "@/db/schema";
import {
  loadStored,
  type RecordLog,
  type Stored,
  setRecordDeleted,
  staleRecord,
  updateRecord,
  type Values,
  type Writer,
} from "@/features/registry/write";
import { ActionError, staleWrite } from "@/lib/action-error";
import { reviewTarget } from "./targets";

// What a reviewer's decision does, through the one write path: approve applies the submitted write (a new record
// becomes approved and counts; a change, deletion or restore is applied to the approved record at the version it
// was submitted against), return sends it back with a reason, resubmit puts a returned item back in the queue.
// Each checks the item's state and the version the user was shown: nothing is decided on what they did not see.

export type StoredItem = Omit<ReviewItem, "payload"> & { payload: Values | null };

export function loadItem(w: Writer, id: number): StoredItem | undefined {
  const r = w.get<Record<string, unknown>>(
    `SELECT id, object_type AS objectType, record_id AS recordId, registry, root_id AS rootId, op, action, payload,
       base_version AS baseVersion, state, reason, submitted_by AS submittedBy, submitted_at AS submittedAt,
       reviewed_by AS reviewedBy, reviewed_at AS reviewedAt, version, created_at AS createdAt
     FROM review_items WHERE id = ?`,
    id,
  );
  if (!r) return undefined;
  return { ...(r as unknown as StoredItem), payload: r.payload ? (JSON.parse(r.payload as string) as Values) : null };
}

/** The item as the user was shown it: same state family and version, else refused with what it is now. */
function loadSeen(w: Writer, id: number, version: number, state: "pending" | "returned"): StoredItem {
  const item = loadItem(w, id);
  if (!item) throw new ActionError("review.notFound");
  if (item.version !== version || item.state !== state)
    throw new ActionError(`review.changed|state=${item.state}`, undefined, "conflict");
  return item;
}

function markDecided(w: Writer, item: StoredItem, state: "approved" | "returned", reason: string | null) {
  const res = w
    .statement(
      `UPDATE review_items SET state = ?, reason = ?, reviewed_by = ?, reviewed_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    )
    .run(state, reason, w.userId, w.now, item.id, item.version);
  if (res.changes !== 1) throw new ActionError(`review.changed|state=${item.state}`, undefined, "conflict");
}

const reviewDetail = (item: StoredItem, w: Writer): Values => ({
  reviewItemId: item.id,
  op: item.op,
  submittedAction: item.action,
  submittedBy: item.submittedBy,
  submittedAt: item.submittedAt,
  reviewedBy: w.userId,
  reviewedAt: w.now,
});

/**
 * 审核通过. Refused: an item no longer pending or changed since shown, one's own submission, and a record changed
 * since the submission (stale: the refusal carries the record's current values).
 */
export function approveItem(w: Writer, ref: { id: number; version: number }): { item: StoredItem; log: RecordLog } {
  const item = loadSeen(w, ref.id, ref.version, "pending");
  if (item.submittedBy === w.userId) throw new ActionError("review.ownSubmission");
  const b = reviewTarget(item.objectType);
  const row = loadStored(w, b, item.recordId);
  if (!row) throw new ActionError("registry.notFound");
  let log: RecordLog;
  if (item.op === "create") {
    if (row.deletedAt) throw new ActionError("registry.notFound");
    if (row.version !== item.baseVersion) throw staleWrite(staleRecord(w, b, row));
    const table = (b.table as { [k: symbol]: string })[Symbol.for("drizzle:Name")];
    const res = w
      .statement(
        `UPDATE "${table}" SET review_state = 'approved', version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      )
      .run(row.id, row.version);
    if (res.changes !== 1) throw staleWrite(staleRecord(w, b, row));
    b.afterWrite?.(w, { ...row, reviewState: "approved", version: row.version + 1 } as Stored);
    log = {
      action: item.action,
      objectType: item.objectType,
      objectId: row.id,
      before: null,
      after: fieldValues(b.fields, row),
      ...(typeof row.name === "string" ? { message: row.name } : {}),
    };
  } else if (item.op === "update") {
    const payload = item.payload ?? {};
    // A personal field the submitter cleared is null in the payload (kept ones hold the stored value).
    const clear = (b.keepIfEmpty ?? []).filter((f) => payload[f] == null);
    log = updateRecord(w, b, { id: row.id, version: item.baseVersion }, payload, { clear }).log;
  } else {
    log = setRecordDeleted(w, b, { id: row.id, version: item.baseVersion }, item.op === "delete", item.action).log;
  }
  markDecided(w, item, "approved", null);
  return { item, log: { ...log, detail: { ...(log.detail ?? {}), ...reviewDetail(item, w) } } };
}

/** 退回 with a reason; a new record that was never approved is marked returned (it still counts nowhere). */
export function returnItem(
  w: Writer,
  ref: { id: number; version: number },
  reason: string,
): { item: StoredItem; log: RecordLog } {
  const item = loadSeen(w, ref.id, ref.version, "pending");
  markDecided(w, item, "returned", reason);
  if (item.op === "create") setRowState(w, item, "returned");
  return {
    item,
    log: {
      action: "review.return",
      objectType: item.objectType,
      objectId: item.recordId,
      before: null,
      after: null,
      message: reason,
      detail: reviewDetail(item, w),
    },
  };
}

/** The submitter puts a returned item back in the queue as it is (a corrected one is resubmitted by saving). */
export function resubmitItem(w: Writer, ref: { id: number; version: number }): { item: StoredItem; log: RecordLog } {
  const item = loadSeen(w, ref.id, ref.version, "returned");
  if (item.submittedBy !== w.userId) throw new ActionError("review.notFound");
  const b = reviewTarget(item.objectType);
  const row = loadStored(w, b, item.recordId);
  if (!row || (item.op !== "restore" && row.deletedAt)) throw new ActionError("registry.notFound");
  w.statement(
    `UPDATE review_items SET state = 'pending', reason = NULL, reviewed_by = NULL, reviewed_at = NULL,
       submitted_at = ?, base_version = ?, version = version + 1 WHERE id = ? AND version = ?`,
  ).run(w.now, item.op === "update" ? item.baseVersion : row.version, item.id, item.version);
  if (item.op === "create") setRowState(w, item, "pending");
  return {
    item,
    log: {
      action: "review.resubmit",
      objectType: item.objectType,
      objectId: item.recordId,
      before: null,
      after: null,
      detail: { reviewItemId: item.id, op: item.op },
    },
  };
}

function setRowState(w: Writer, item: StoredItem, state: "pending" | "returned") {
  const b = reviewTarget(item.objectType);
  const table = (b.table as { [k: symbol]: string })[Symbol.for("drizzle:Name")];
  w.statement(`UPDATE "${table}" SET review_state = ? WHERE id = ? AND review_state <> 'approved'`).run(
    state,
    item.recordId,
  );
}

function fieldValues(fields: Record<string, unknown>, row: Stored): Values {
  return Object.fromEntries(Object.keys(fields).map((f) => [f, row[f] ?? null]));
}
