// Client-safe shapes of the list's batch operations (features/registry/batch.ts builds the actions).

export type BatchFailure = { id: number; name: string; reason: string };
/** A batch's summary: how many records it covered, how many were written, and each refused one with its reason. */
export type BatchResult = { total: number; ok: number; failed: BatchFailure[] };
export type BatchSelectionInput =
  | { mode: "ids"; rows: { id: number; version: number }[] }
  | { mode: "filter"; query: string; expected: number };
/** What the list page hands the client table: the batch actions the user may run (the server checks again). */
export type BatchActions = {
  remove?: (input: unknown) => Promise<BatchActionResult>;
  restore?: (input: unknown) => Promise<BatchActionResult>;
  /** An enum field changed in batch (e.g. an enterprise's status). */
  status?: { field: string; action: (input: unknown) => Promise<BatchActionResult> };
  export?: boolean;
};
export type BatchActionResult = { ok: true; data: BatchResult } | { ok: false; message: string };
