import "server-only";
import type { DB } from "@/db";
import type { ReviewItemState, ReviewOp } from "@/db/enums";
import { loadStored, type Stored, staleRecord, type Values, Writer } from "@/features/registry/write";
import type { RegistryKey } from "@/lib/committed-writes";
import type { CurrentUser } from "@/lib/dal";
import { REGISTRY_ROOTS, reviewTarget } from "./targets";

// The review queue and the submitter's own items, each with the proposed change as a field-by-field diff against
// the approved record (labels, dictionary and enum labels, personal data masked — the stale-write formatting).

/** A reviewer: holds registry.review (the role) and reaches the whole district. */
export const isReviewer = (u: Pick<CurrentUser, "scope">, canReview: boolean) => canReview && u.scope.kind === "all";

export const REVIEW_TABS = ["pending", "returned", "decided", "mine"] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

/** One shown value: a literal, or a catalogue key to translate. */
export type Shown = { value?: string | number | null; valueKey?: string };
export type DiffRow = { label: string; before: Shown | null; after: Shown | null };

export type QueueItem = {
  id: number;
  version: number;
  objectType: string;
  registry: RegistryKey;
  recordId: number;
  rootId: number;
  rootName: string;
  rootHref: string;
  op: ReviewOp;
  state: ReviewItemState;
  reason: string | null;
  submittedBy: number;
  submitterName: string;
  submittedAt: string;
  reviewerName: string | null;
  reviewedAt: string | null;
  /** The record changed since the submission (an approval would be refused as stale). */
  stale: boolean;
  /** The record no longer exists as submitted (deleted meanwhile). */
  gone: boolean;
  recordVersion: number | null;
  diff: DiffRow[];
};

type Raw = Omit<QueueItem, "rootName" | "rootHref" | "stale" | "gone" | "recordVersion" | "diff"> & {
  payload: string | null;
  baseVersion: number;
};

const PAGE = 50;

function where(tab: ReviewTab, userId: number): { sql: string; params: unknown[] } {
  if (tab === "mine") return { sql: "i.submitted_by = ? AND i.state <> 'withdrawn'", params: [userId] };
  if (tab === "decided") return { sql: "i.state = 'approved'", params: [] };
  return { sql: "i.state = ?", params: [tab] };
}

export function countItems(db: DB, tab: ReviewTab, userId: number): number {
  const w = where(tab, userId);
  return db.$client
    .prepare(`SELECT count(*) FROM review_items i WHERE ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
}

/** What waits: the pending queue's size for a reviewer; a submitter's returned items otherwise. */
export function waitingCount(db: DB, user: CurrentUser, canReview: boolean): number {
  return isReviewer(user, canReview)
    ? countItems(db, "pending", user.id)
    : (db.$client
        .prepare("SELECT count(*) FROM review_items WHERE submitted_by = ? AND state = 'returned'")
        .pluck()
        .get(user.id) as number);
}

/** A page of items of a tab, newest submission first (the queue: oldest first, as it is worked through). */
export function listItems(db: DB, tab: ReviewTab, userId: number, page = 1): QueueItem[] {
  const w = where(tab, userId);
  const order =
    tab === "pending" ? "i.submitted_at ASC, i.id ASC" : "coalesce(i.reviewed_at, i.submitted_at) DESC, i.id DESC";
  const rows = db.$client
    .prepare(
      `SELECT i.id, i.version, i.object_type AS objectType, i.registry, i.record_id AS recordId, i.root_id AS rootId,
         i.op, i.state, i.reason, i.payload, i.base_version AS baseVersion, i.submitted_by AS submittedBy,
         su.display_name AS submitterName, i.submitted_at AS submittedAt, ru.display_name AS reviewerName,
         i.reviewed_at AS reviewedAt
       FROM review_items i JOIN users su ON su.id = i.submitted_by LEFT JOIN users ru ON ru.id = i.reviewed_by
       WHERE ${w.sql} ORDER BY ${order} LIMIT ${PAGE} OFFSET ?`,
    )
    .all(...w.params, (Math.max(1, page) - 1) * PAGE) as Raw[];
  const writer = new Writer(db.$client, userId);
  return rows.map((r) => withDiff(writer, r));
}

export const REVIEW_PAGE_SIZE = PAGE;

function withDiff(w: Writer, r: Raw): QueueItem {
  const b = reviewTarget(r.objectType);
  const root = REGISTRY_ROOTS[r.registry];
  const rootName =
    (w.get<{ name: string }>(`SELECT name FROM "${root.table}" WHERE id = ?`, r.rootId)?.name as string) ??
    `#${r.rootId}`;
  const row = loadStored(w, b, r.recordId);
  const payload = r.payload ? (JSON.parse(r.payload) as Values) : null;
  const diff = row ? diffOf(w, r.objectType, r.op, row, payload) : [];
  const open = r.state === "pending" || r.state === "returned";
  return {
    ...r,
    rootName,
    rootHref: `${root.path}/${r.rootId}`,
    recordVersion: row?.version ?? null,
    // Only an open item can be stopped by its record's deletion (an approved deletion deleted it).
    gone: open && (!row || (r.op !== "restore" && !!row.deletedAt)),
    stale: open && !!row && (r.op === "create" ? false : row.version !== r.baseVersion),
    diff,
  };
}

/**
 * The proposed change field by field: a new record's filled-in fields; a change's changed fields (approved →
 * proposed); a deletion or restore names nothing (the op says it).
 */
function diffOf(w: Writer, objectType: string, op: ReviewOp, row: Stored, payload: Values | null): DiffRow[] {
  const b = reviewTarget(objectType);
  const now = staleRecord(w, b, row).current;
  if (op === "create")
    return now.filter((c) => c.value != null || c.valueKey).map((c) => ({ label: c.label, before: null, after: c }));
  if (op !== "update" || !payload) return [];
  const proposed = staleRecord(w, b, { ...row, ...payload } as Stored).current;
  const out: DiffRow[] = [];
  now.forEach((c, i) => {
    const p = proposed[i];
    if (c.value !== p.value || c.valueKey !== p.valueKey) out.push({ label: c.label, before: c, after: p });
  });
  return out;
}
