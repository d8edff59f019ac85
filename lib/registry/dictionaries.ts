import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { type DictionaryKind, dictionaryItems } from "@/db/schema";
import type { Locale } from "@/lib/i18n/core";

/** An item's label in the interface's language: the English label in English (the Chinese one when it has none). */
export const itemLabel = (r: { label: string; labelEn?: string | null }, locale: Locale = "zh-CN"): string =>
  locale === "en" && r.labelEn ? r.labelEn : r.label;

export type DictOption = { id: number; code: string; label: string; enabled: boolean };
export type DictOptions = Partial<Record<DictionaryKind, DictOption[]>>;

/** Options for selects and facets (disabled items included so old records still show their label). */
export function getDictionaryOptions(kinds: DictionaryKind[], locale: Locale = "zh-CN"): DictOptions {
  const rows = getDb()
    .select({
      id: dictionaryItems.id,
      kind: dictionaryItems.kind,
      code: dictionaryItems.code,
      label: dictionaryItems.label,
      labelEn: dictionaryItems.labelEn,
      enabled: dictionaryItems.enabled,
    })
    .from(dictionaryItems)
    .where(inArray(dictionaryItems.kind, kinds))
    .orderBy(asc(dictionaryItems.sortOrder), asc(dictionaryItems.id))
    .all();
  const out: DictOptions = {};
  for (const r of rows) {
    const list = out[r.kind] ?? [];
    list.push({ id: r.id, code: r.code, label: itemLabel(r, locale), enabled: r.enabled });
    out[r.kind] = list;
  }
  return out;
}

export function getDictionaryIdByCode(kind: DictionaryKind, code: string): number | undefined {
  return getDb()
    .select({ id: dictionaryItems.id })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.kind, kind), eq(dictionaryItems.code, code)))
    .get()?.id;
}

/** Server-side check that a submitted id is an enabled item of the right dictionary. */
export function isEnabledDictionaryItem(kind: DictionaryKind, id: number): boolean {
  const row = getDb()
    .select({ enabled: dictionaryItems.enabled })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.kind, kind), eq(dictionaryItems.id, id)))
    .get();
  return !!row?.enabled;
}

/** id → label for every dictionary item (history entries store ids). */
export function getDictionaryLabels(locale: Locale = "zh-CN"): Map<number, string> {
  const rows = getDb()
    .select({ id: dictionaryItems.id, label: dictionaryItems.label, labelEn: dictionaryItems.labelEn })
    .from(dictionaryItems)
    .all();
  return new Map(rows.map((r) => [r.id, itemLabel(r, locale)]));
}
