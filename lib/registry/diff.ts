// Pure comparison of a record before and after a write (forms and the Excel import share it).

/** Stored and submitted values are equal (null and undefined alike; dates and numbers by value). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Only the fields that changed, as { field: [before, after] } — what the history tab shows. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: string[] = ["version", "updatedAt", "updatedBy"],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (ignore.includes(key)) continue;
    if (!sameValue(before[key], after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}
