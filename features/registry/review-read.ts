import "server-only";
import type { DB } from "@/db";
import type { ReviewItemState, ReviewOp } from "@/db/enums";
import type { Values } from "./write";

// What a record's pages read of its review: the open item (the detail page's banner) and the submitter's proposed
// values (their edit form shows what they submitted, not the approved values).

/** A record's open item, for its detail page's banner (within the reader's scope: the record was loaded so). */
export function openItemOf(
  db: DB,
  objectType: string,
  recordId: number,
):
  | {
      id: number;
      op: ReviewOp;
      state: ReviewItemState;
      reason: string | null;
      submitterName: string;
      submittedAt: string;
      submittedBy: number;
    }
  | undefined {
  return db.$client
    .prepare(
      `SELECT i.id, i.op, i.state, i.reason, su.display_name AS submitterName, i.submitted_at AS submittedAt,
         i.submitted_by AS submittedBy
       FROM review_items i JOIN users su ON su.id = i.submitted_by
       WHERE i.object_type = ? AND i.record_id = ? AND i.state IN ('pending', 'returned') ORDER BY i.id DESC LIMIT 1`,
    )
    .get(objectType, recordId) as ReturnType<typeof openItemOf>;
}

/** The submitter's proposed values of an approved record (their edit form shows them, not the approved ones). */
export function proposedValues(db: DB, objectType: string, recordId: number, userId: number): Values | null {
  const r = db.$client
    .prepare(
      `SELECT payload FROM review_items WHERE object_type = ? AND record_id = ? AND submitted_by = ?
         AND op = 'update' AND state IN ('pending', 'returned') ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
    .get(objectType, recordId, userId) as string | undefined;
  return r ? (JSON.parse(r) as Values) : null;
}

/**
 * The record as its editor should show it to `userId`: their proposed values over the approved ones (personal
 * data excepted: the form never holds it — an empty field keeps what is stored or proposed).
 */
export function withProposed<R extends Record<string, unknown>>(
  db: DB,
  def: { objectType: string; fields: object },
  row: R & { id: number },
  userId: number,
): R {
  const proposed = proposedValues(db, def.objectType, row.id, userId);
  if (!proposed) return row;
  const out: Record<string, unknown> = { ...row };
  const fields = def.fields as Record<string, { mask?: string }>;
  for (const [f, v] of Object.entries(proposed)) if (f in fields && !fields[f].mask) out[f] = v;
  return out as R;
}
