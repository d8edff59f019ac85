import "server-only";
import type { DictionaryKind } from "@/db/schema";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { type ImportRegistry, REGISTRY_SPECS } from "./registries";

/** The enabled labels of every dictionary a registry's template offers as drop-down lists (template and error report). */
export function templateDictionaries(registry: ImportRegistry): Partial<Record<DictionaryKind, string[]>> {
  const spec = REGISTRY_SPECS[registry];
  const kinds = [
    ...new Set(spec.sheets.flatMap((s) => s.columns.map((c) => c.dict)).filter((d): d is DictionaryKind => !!d)),
  ];
  const options = getDictionaryOptions(kinds);
  return Object.fromEntries(kinds.map((k) => [k, (options[k] ?? []).filter((o) => o.enabled).map((o) => o.label)]));
}
