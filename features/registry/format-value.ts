import { type T, tDynamic } from "@/lib/i18n/core";
import { formatDateTime } from "@/lib/time";

// How a stored value of a registry field reads in the history tab and in the audit log's diff: the definition's
// kind decides (dictionary and enum labels, a linked enterprise by name, yes/no in the user's language, numbers
// with separators, times in Beijing time). Written once; both callers pass their lookups.

const NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6 });

/** A value without a field to say how it reads (a yes/no in the user's language, an object as JSON). */
export function plainValue(t: T, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export type ValueLookups = {
  /** A dictionary item's label in the user's language. */
  dict: (id: number) => string | undefined;
  /** A linked enterprise's name. */
  enterprise: (id: number) => string | undefined;
};

/** A field's value as shown; null/empty reads "—". */
export function formatFieldValue(
  t: T,
  f: { kind: string; labels?: string },
  v: unknown,
  lookups: ValueLookups,
): string {
  if (v === null || v === undefined || v === "") return "—";
  switch (f.kind) {
    case "dict":
      return typeof v === "number" ? (lookups.dict(v) ?? String(v)) : plainValue(t, v);
    case "enum":
      return typeof v === "string" && f.labels ? tDynamic(t, `${f.labels}.${v}`, v) : plainValue(t, v);
    case "enterpriseRef":
      return typeof v === "number" ? (lookups.enterprise(v) ?? String(v)) : plainValue(t, v);
    case "bool":
      return v === true || v === 1 ? t("common.yes") : t("common.no");
    case "number":
      return typeof v === "number" ? NUMBER.format(v) : plainValue(t, v);
    case "datetime":
      return typeof v === "string" ? formatDateTime(v) : plainValue(t, v);
    default:
      return plainValue(t, v);
  }
}

export { NUMBER as VALUE_NUMBER_FORMAT };
