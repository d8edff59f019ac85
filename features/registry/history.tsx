import "server-only";
import { HistoryList } from "@/components/registry/history-list";
import type { MessageKey, T } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { getEnterpriseNames } from "@/lib/registry/enterprise-lookup";
import { getRecordHistory } from "@/lib/registry/history";
import { formatDateTime } from "@/lib/time";
import type { Field, Fields, RegistryDefinition } from "./define";
import { formatFieldValue, plainValue } from "./format-value";

/** Bookkeeping keys the operation log carries besides a definition's fields. */
const BOOKKEEPING: Record<string, MessageKey> = {
  deletedAt: "registry.deletedAt",
  statusChangedAt: "registry.history.statusChangedAt",
  enterpriseId: "registry.history.enterprise",
};
const DATETIME_KEYS = new Set(["deletedAt", "statusChangedAt"]);

/**
 * A record's change history (with its children's), labelled and formatted from the registry definitions: field
 * labels, dictionary and enum labels, linked enterprises by name, numbers with separators, times in Beijing time,
 * people by name. Personal data arrives masked: the operation log never holds it in full.
 */
export async function RegistryHistory({
  t,
  definition,
  id,
  subResources = [],
}: {
  t: T;
  definition: RegistryDefinition;
  id: number;
  subResources?: { definition: RegistryDefinition; ids: number[] }[];
}) {
  const entries = getRecordHistory(
    definition.objectType,
    id,
    subResources.map((c) => ({ objectType: c.definition.objectType, ids: c.ids })),
  );
  const fieldsOf = new Map<string | null, Fields>([
    [definition.objectType, definition.fields],
    ...subResources.map((c) => [c.definition.objectType, c.definition.fields] as const),
  ]);
  const fieldOf = (key: string, objectType: string | null): Field | undefined => fieldsOf.get(objectType)?.[key];

  const enterpriseIds = new Set<number>();
  for (const e of entries) {
    for (const side of [e.before, e.after]) {
      for (const [k, v] of Object.entries(side ?? {})) {
        if (typeof v === "number" && (k === "enterpriseId" || fieldOf(k, e.objectType)?.kind === "enterpriseRef"))
          enterpriseIds.add(v);
      }
    }
  }
  const enterpriseNames = await getEnterpriseNames([...enterpriseIds]);
  const dictLabels = getDictionaryLabels(await getLocale());

  const label = (key: string, objectType: string | null) => {
    const f = fieldOf(key, objectType);
    if (f) return t(f.label);
    return BOOKKEEPING[key] ? t(BOOKKEEPING[key]) : key;
  };
  const lookups = { dict: (id: number) => dictLabels.get(id), enterprise: (id: number) => enterpriseNames.get(id) };
  const format = (key: string, v: unknown, objectType: string | null): string => {
    const f = fieldOf(key, objectType);
    if (f) return formatFieldValue(t, f, v, lookups);
    if (v === null || v === undefined || v === "") return "—";
    if (key === "enterpriseId" && typeof v === "number") return enterpriseNames.get(v) ?? String(v);
    if (DATETIME_KEYS.has(key) && typeof v === "string") return formatDateTime(v);
    return plainValue(t, v);
  };
  return <HistoryList t={t} entries={entries} fieldLabel={label} formatValue={format} />;
}
