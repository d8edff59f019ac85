import "server-only";
import type { ReviewOp } from "@/db/enums";
import { ActionError } from "@/lib/action-error";
import type { RegistryKey } from "@/lib/committed-writes";
import type { RegistryWrites, Stored, Values, Writer } from "./write";

// 录入 → 审核: what the write path stores when a scoped user writes (the writer's `review` flag). A new record is
// stored at once with review_state 'pending' — it is in the submitter's lists but counts nowhere — and a change,
// deletion or restore of an approved record is stored here only, so the approved values keep counting until a
// reviewer approves (features/review applies the item through the same write path). One open item per record:
// the submitter's later edit replaces it; another user's edit is refused until it is reviewed.

/** The registry a writes binding belongs to (a child's: its parent's) — the queue groups and scopes by it. */
export function registryOf(b: RegistryWrites): RegistryKey {
  const name = b.parent ? b.parent.table : b.objectType;
  return name.replace(/s$/, "") as RegistryKey;
}

/** The top record an item is about: the record itself, or a child row's parent (a qualification's enterprise). */
export function rootOf(b: RegistryWrites, row: Values & { id: number }): number {
  return b.parent ? (row[b.parent.field] as number) : row.id;
}

export type OpenItem = {
  id: number;
  op: ReviewOp;
  state: "pending" | "returned";
  submittedBy: number;
  version: number;
};

/** The record's open (pending or returned) item, if any. */
export function openItem(w: Writer, objectType: string, recordId: number): OpenItem | undefined {
  return w.get<OpenItem>(
    `SELECT id, op, state, submitted_by AS submittedBy, version FROM review_items
     WHERE object_type = ? AND record_id = ? AND state IN ('pending', 'returned') ORDER BY id DESC LIMIT 1`,
    objectType,
    recordId,
  );
}

/**
 * Submits (or resubmits) an item for a record at the version it has now. The submitter's open item is replaced
 * (its payload, op and base version; back to pending); another user's open item refuses the write.
 */
export function submitItem(
  w: Writer,
  b: RegistryWrites,
  row: Stored,
  op: ReviewOp,
  action: string,
  payload: Values | null,
): number {
  const open = openItem(w, b.objectType, row.id);
  const json = payload ? JSON.stringify(payload) : null;
  if (open) {
    if (open.submittedBy !== w.userId) throw new ActionError("review.otherPending");
    // A change to a record still awaiting its first approval stays a "create": the reviewer approves the record.
    const keepOp = open.op === "create" && op === "update" ? "create" : op;
    w.statement(
      `UPDATE review_items SET op = ?, action = ?, payload = ?, base_version = ?, state = 'pending', reason = NULL,
         submitted_at = ?, reviewed_by = NULL, reviewed_at = NULL, version = version + 1 WHERE id = ?`,
    ).run(keepOp, keepOp === "create" ? b.actions.create : action, json, row.version, w.now, open.id);
    return open.id;
  }
  return Number(
    w
      .statement(
        `INSERT INTO review_items (object_type, record_id, registry, root_id, op, action, payload, base_version,
           state, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(b.objectType, row.id, registryOf(b), rootOf(b, row), op, action, json, row.version, w.userId, w.now)
      .lastInsertRowid,
  );
}

/** Ends a record's open items without a review (the record was deleted, or the submitter undid the change). */
export function withdrawItems(w: Writer, objectType: string, recordId: number): void {
  w.statement(
    `UPDATE review_items SET state = 'withdrawn', reviewed_at = ?, version = version + 1
     WHERE object_type = ? AND record_id = ? AND state IN ('pending', 'returned')`,
  ).run(w.now, objectType, recordId);
}
