import "server-only";
import type { DictionaryKind } from "@/db/enums";
import type { Locale, T } from "@/lib/i18n/core";
import { tDynamic } from "@/lib/i18n/core";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { columnOf, type RegistryDefinition } from "./define";
import { currentYear } from "./schema";

export type FacetOption = { value: string; label: string };

/**
 * The choices of a definition's toolbar filters, by URL key: dictionary items (disabled ones too, so old records
 * stay findable), enum labels, 是/否, and the years of a year range (newest first).
 */
export function facetOptions(def: RegistryDefinition, t: T, locale: Locale = "zh-CN"): Record<string, FacetOption[]> {
  const cols = (def.filters ?? []).map((key) => columnOf(def, key));
  const kinds = cols.flatMap((c) => (c.kind === "dict" ? [c.dict as DictionaryKind] : []));
  const dict = kinds.length ? getDictionaryOptions(kinds, locale) : {};
  const out: Record<string, FacetOption[]> = {};
  for (const c of cols) {
    const f = c.filter;
    if (!f || f.toolbar === false) continue;
    if ("range" in f) {
      if (c.kind !== "year") continue;
      const top = c.max === "currentYear" ? currentYear() : c.max;
      const years = Array.from({ length: top - c.min + 1 }, (_, i) => String(top - i));
      for (const p of f.range) out[p] = years.map((y) => ({ value: y, label: y }));
    } else if (c.kind === "dict") {
      out[f.param] = (dict[c.dict] ?? []).map((o) => ({ value: String(o.id), label: o.label }));
    } else if (c.kind === "enum") {
      out[f.param] = c.values.map((v) => ({ value: v, label: tDynamic(t, `${c.labels}.${v}`, v) }));
    } else if (c.kind === "bool") {
      out[f.param] = [
        { value: "yes", label: t("common.yes") },
        { value: "no", label: t("common.no") },
      ];
    }
  }
  return out;
}
