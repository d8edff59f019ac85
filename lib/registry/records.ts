import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type DictionaryKind, dictionaryItems } from "@/db/schema";
import { ActionError } from "@/lib/action";

/** Optimistic concurrency: the form carries the version it was opened at. */
export function assertVersion(current: { version: number } | undefined, expected: number): void {
  if (!current) throw new ActionError("errors.notFoundTitle");
  if (current.version !== expected) throw new ActionError("errors.conflict", undefined, "conflict");
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
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/**
 * Dictionary-backed fields accept only items of that dictionary; a new choice must be enabled, while a
 * record may keep an item that was disabled after it was chosen.
 */
export function assertDictionaryValue(
  tx: Tx,
  kind: DictionaryKind,
  field: string,
  id: number | null | undefined,
  previousId?: number | null,
): void {
  if (id == null) return;
  const row = tx
    .select({ enabled: dictionaryItems.enabled })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.kind, kind), eq(dictionaryItems.id, id)))
    .get();
  if (!row || (!row.enabled && id !== previousId)) {
    throw new ActionError("errors.invalidInput", { [field]: ["registry.invalidOption"] });
  }
}
