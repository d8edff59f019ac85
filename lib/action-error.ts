// The domain refusals of a server action, in a module of their own (no Next.js imports) so the registry write
// path can throw them from scripts and tests as well as from the action wrapper (lib/action.ts).

import type { FieldErrors } from "./action";

/**
 * A stale write's record as it is now. Labels and `valueKey`s are catalogue keys; `updatedBy` is a user id.
 */
export type StaleRecord = {
  updatedBy: number | null | undefined;
  updatedAt: string | null | undefined;
  current: { label: string; value?: string | number | null; valueKey?: string }[];
};

/**
 * Thrown inside a handler for a domain refusal (duplicate key, stale version…). The transaction rolls
 * back; the message and field errors may be catalogue keys, translated for the user's locale.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly code: "invalid" | "conflict" = "invalid",
    readonly stale?: StaleRecord,
  ) {
    super(message);
  }
}

/**
 * Refuses a write made from a stale form (optimistic concurrency): the transaction rolls back and the user
 * is told who changed the record, when, and what it holds now — so nothing of the other save is lost.
 */
export function staleWrite(record: StaleRecord): ActionError {
  return new ActionError("errors.conflict", undefined, "conflict", record);
}
