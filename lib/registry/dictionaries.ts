import "server-only";
import type Database from "better-sqlite3";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { type DictionaryKind, dictionaryItems } from "@/db/schema";
import type { Locale } from "@/lib/i18n/core";

/** An item's label in the interface's language: the English label in English (the Chinese one when it has none). */
export const itemLabel = (r: { label: string; labelEn?: string | null }, locale: Locale = "zh-CN"): string =>
  locale === "en" && r.labelEn ? r.labelEn : r.label;

export type DictOption = {
  readonly id: number;
  readonly code: string;
  readonly label: string;
  readonly enabled: boolean;
};
export type DictOptions = Partial<Record<DictionaryKind, readonly DictOption[]>>;

// Labels and options are read on nearly every page and search: kept per connection while dictionary_version
// (raised by triggers on every change of dictionary_items, migration 0023) is unchanged. Shared, so read-only.
type Cached = { version: number; entries: Map<string, unknown> };
const caches = new WeakMap<Database.Database, { stmt: Database.Statement; cache: Cached }>();
function cached<V>(key: string, build: () => V): V {
  const sqlite = getDb().$client;
  let c = caches.get(sqlite);
  if (!c) {
    c = {
      stmt: sqlite.prepare("SELECT version FROM dictionary_version WHERE id = 1").pluck(),
      cache: { version: -1, entries: new Map() },
    };
    caches.set(sqlite, c);
  }
  const version = (c.stmt.get() as number | undefined) ?? -1;
  if (version !== c.cache.version || version === -1) c.cache = { version, entries: new Map() };
  if (c.cache.entries.has(key)) return c.cache.entries.get(key) as V;
  const v = build();
  if (version !== -1) c.cache.entries.set(key, v);
  return v;
}

/** Options for selects and facets (disabled items included so old records still show their label). */
export function getDictionaryOptions(
  kinds: readonly DictionaryKind[],
  locale: Locale = "zh-CN",
): Readonly<DictOptions> {
  return cached(`options|${locale}|${kinds.join(",")}`, () => readDictionaryOptions(kinds, locale));
}

function readDictionaryOptions(kinds: readonly DictionaryKind[], locale: Locale): DictOptions {
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
    .where(inArray(dictionaryItems.kind, [...kinds]))
    .orderBy(asc(dictionaryItems.sortOrder), asc(dictionaryItems.id))
    .all();
  const out: Partial<Record<DictionaryKind, DictOption[]>> = {};
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
export function getDictionaryLabels(locale: Locale = "zh-CN"): ReadonlyMap<number, string> {
  return cached(`labels|${locale}`, () => {
    const rows = getDb()
      .select({ id: dictionaryItems.id, label: dictionaryItems.label, labelEn: dictionaryItems.labelEn })
      .from(dictionaryItems)
      .all();
    return new Map(rows.map((r) => [r.id, itemLabel(r, locale)]));
  });
}
