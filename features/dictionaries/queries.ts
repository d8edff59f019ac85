import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { type DictionaryKind, dictionaryItems } from "@/db/schema";
import { requirePermission } from "@/lib/dal";

export async function getDictionaryItems(kind: DictionaryKind) {
  await requirePermission("dictionary.manage");
  return getDb()
    .select()
    .from(dictionaryItems)
    .where(eq(dictionaryItems.kind, kind))
    .orderBy(asc(dictionaryItems.sortOrder), asc(dictionaryItems.id))
    .all();
}
