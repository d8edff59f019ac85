"use server";
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { dictionaryItems } from "@/db/schema";
import { ActionError, defineAction, staleWrite } from "@/lib/action";
import { nowIso } from "@/lib/time";
import { createDictionaryItemSchema, toggleDictionaryItemSchema, updateDictionaryItemSchema } from "./validations";

const PATH = ["/admin/dictionaries"];

function assertLabelFree(tx: Tx, kind: string, label: string, exceptId?: number) {
  const clash = tx
    .select({ id: dictionaryItems.id })
    .from(dictionaryItems)
    .where(
      and(
        eq(dictionaryItems.kind, kind as never),
        eq(dictionaryItems.label, label),
        exceptId ? ne(dictionaryItems.id, exceptId) : undefined,
      ),
    )
    .get();
  if (clash) throw new ActionError("errors.invalidInput", { label: ["dictionaries.duplicateLabel"] });
}

/** Loads the item and refuses a write made from a stale page (its version moved since it was shown). */
function load(tx: Tx, id: number, version: number) {
  const row = tx.select().from(dictionaryItems).where(eq(dictionaryItems.id, id)).get();
  if (!row) throw new ActionError("errors.notFoundTitle");
  if (row.version !== version)
    throw staleWrite({
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
      current: [
        { label: "dictionaries.label", value: row.label },
        { label: "dictionaries.sortOrder", value: row.sortOrder },
        { label: "common.status", valueKey: row.enabled ? "common.enabled" : "common.disabled" },
      ],
    });
  return row;
}

/** Adds an item to one dictionary (code and label unique within the dictionary). */
export const createDictionaryItem = defineAction({
  name: "dictionary.create",
  registries: ["enterprise", "institution", "incubator", "talent"],
  permission: "dictionary.manage",
  schema: createDictionaryItemSchema,
  handler: (input, { tx, user, audit }) => {
    const codeClash = tx
      .select({ id: dictionaryItems.id })
      .from(dictionaryItems)
      .where(and(eq(dictionaryItems.kind, input.kind), eq(dictionaryItems.code, input.code)))
      .get();
    if (codeClash) throw new ActionError("errors.invalidInput", { code: ["dictionaries.duplicateCode"] });
    assertLabelFree(tx, input.kind, input.label);
    const row = tx
      .insert(dictionaryItems)
      .values({ ...input, updatedBy: user.id })
      .returning()
      .get();
    audit({ objectType: "dictionary_item", objectId: row.id, after: row });
    return { id: row.id };
  },
  revalidate: PATH,
});

/** Renames or reorders an item; the code never changes (indicators count by code). */
export const updateDictionaryItem = defineAction({
  name: "dictionary.update",
  registries: ["enterprise", "institution", "incubator", "talent"],
  permission: "dictionary.manage",
  schema: updateDictionaryItemSchema,
  handler: ({ id, label, labelEn, sortOrder, version }, { tx, user, audit }) => {
    const before = load(tx, id, version);
    assertLabelFree(tx, before.kind, label, id);
    const after = tx
      .update(dictionaryItems)
      .set({ label, labelEn, sortOrder, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(eq(dictionaryItems.id, id))
      .returning()
      .get();
    audit({ objectType: "dictionary_item", objectId: id, before, after });
    return { id };
  },
  revalidate: PATH,
});

/** Disables (or re-enables) an item: records keep it, new records can't pick it. Never deleted. */
export const toggleDictionaryItem = defineAction({
  name: "dictionary.toggle",
  registries: ["enterprise", "institution", "incubator", "talent"],
  permission: "dictionary.manage",
  schema: toggleDictionaryItemSchema,
  handler: ({ id, enabled, version }, { tx, user, audit }) => {
    const before = load(tx, id, version);
    tx.update(dictionaryItems)
      .set({ enabled, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(eq(dictionaryItems.id, id))
      .run();
    audit({ objectType: "dictionary_item", objectId: id, before: { enabled: before.enabled }, after: { enabled } });
    return { id };
  },
  revalidate: PATH,
});
