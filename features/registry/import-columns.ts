import type { ColumnKind, ColumnSpec } from "@/features/import/registries";
import type { MessageKey } from "@/lib/i18n/core";
import type { Field, Fields } from "./define";

const KIND: Record<Field["kind"], ColumnKind> = {
  text: "text",
  creditCode: "text",
  url: "text",
  phone: "text",
  idNumber: "text",
  date: "date",
  number: "number",
  year: "year",
  bool: "bool",
  dict: "dict",
  enum: "enum",
  enterpriseRef: "enterpriseRef",
};

/** The import template's columns of a definition, in field order: header, kind, dictionary, example, width. */
export function importColumns(def: { fields: Fields }): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  for (const [field, f] of Object.entries(def.fields)) {
    if (f.import === false) continue;
    const col: ColumnSpec = { field, header: f.import?.header ?? f.label, kind: KIND[f.kind] };
    if (f.required) col.required = true;
    if (f.kind === "dict") col.dict = f.dict;
    if (f.kind === "enum") col.options = Object.fromEntries(f.values.map((v) => [v, `${f.labels}.${v}` as MessageKey]));
    if (f.import?.example !== undefined) col.example = f.import.example;
    if (f.import?.width !== undefined) col.width = f.import.width;
    out.push(col);
  }
  return out;
}
