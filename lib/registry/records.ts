import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  type DictionaryKind,
  dictionaryItems,
  type enterprises,
  type incubators,
  type institutions,
  type talents,
} from "@/db/schema";
import { ActionError } from "@/lib/action";
import { nowIso } from "@/lib/time";

export { changedFields } from "./diff";

/** Optimistic concurrency: the form carries the version it was opened at. */
export function assertVersion(current: { version: number } | undefined, expected: number): void {
  if (!current) throw new ActionError("errors.notFoundTitle");
  if (current.version !== expected) throw new ActionError("errors.conflict", undefined, "conflict");
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

// The four registry tables share their bookkeeping columns (id, name, version, deleted_at/by, updated_at/by).
type RegistryTable = typeof enterprises | typeof institutions | typeof incubators | typeof talents;
// Drizzle cannot build queries over a union of tables; every member has these columns, so one stands for all.
const asAny = (t: RegistryTable) => t as unknown as typeof enterprises;

/** Loads a registry record (by default only a live one), or refuses with 记录不存在或已被删除. */
export function loadRecord<T extends RegistryTable>(
  tx: Tx,
  table: T,
  id: number,
  opts: { live?: boolean } = {},
): T["$inferSelect"] {
  const tb = asAny(table);
  const row = tx.select().from(tb).where(eq(tb.id, id)).get();
  if (!row || ((opts.live ?? true) && row.deletedAt)) throw new ActionError("registry.notFound");
  return row as T["$inferSelect"];
}

/**
 * Soft delete (deleted = true) or restore (false) of one registry record: the record must be in the other
 * state, at the version the user saw; who/when are stamped and the change is audited. Returns the row as it
 * was. `check` runs before the write (e.g. a restored enterprise's credit code must still be free).
 */
export function setDeleted<T extends RegistryTable>(
  ctx: {
    tx: Tx;
    user: { id: number };
    audit: (f: { objectType: string; objectId: number; before: unknown; after: unknown; message: string }) => void;
  },
  table: T,
  objectType: string,
  ref: { id: number; version: number },
  deleted: boolean,
  check?: (before: T["$inferSelect"]) => void,
): T["$inferSelect"] {
  const before = loadRecord(ctx.tx, table, ref.id, { live: false });
  if (!!before.deletedAt === deleted) throw new ActionError("registry.notFound");
  assertVersion(before, ref.version);
  check?.(before);
  const at = nowIso();
  const tb = asAny(table);
  ctx.tx
    .update(tb)
    .set({
      deletedAt: deleted ? at : null,
      deletedBy: deleted ? ctx.user.id : null,
      version: before.version + 1,
      updatedAt: at,
      updatedBy: ctx.user.id,
    })
    .where(and(eq(tb.id, ref.id), eq(tb.version, ref.version)))
    .run();
  ctx.audit({
    objectType,
    objectId: ref.id,
    before: { deletedAt: before.deletedAt },
    after: { deletedAt: deleted ? at : null },
    message: before.name,
  });
  return before;
}
