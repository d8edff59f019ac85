// The registry engine's declarations: one typed definition per registry, each field declared once with what every
// consumer needs (form, zod schema, list, filters, export, import, history, masking). Plain metadata: no zod, no
// drizzle values, so client components may import a definition. The server binds it to its table and rules
// (schema.ts builds the zod schemas; the import derives its template columns).

import type { DictionaryKind } from "@/db/schema";
import type { MessageKey } from "@/lib/i18n/core";
import { registerMaskedFields } from "@/lib/masked-fields";
import type { Permission } from "@/lib/permissions";
import type { XlsxCellType } from "@/lib/xlsx";
import type { ScopeRule } from "./scope";

/** Badge colours of an enum's values in lists and detail views. */
export type Tone = "ok" | "bad" | "warn" | "brand" | "neutral";

/** How a field shows as a list column (whether it is shown, and where, is the registry's `list`). */
export type ListOpts = {
  /** The header is a sort button and `?sort=<key>.asc|desc` orders by it (only with an index behind it). */
  sortable?: boolean;
  /** Header when it differs from the label (a shorter one for a narrow column). */
  header?: MessageKey;
  /** Minimum width of the cell (a Tailwind class such as `min-w-40`). */
  width?: string;
  /** The record's title: linked to its detail page, with the 示例数据 / 已删除 badges (and kept in view: sticky). */
  title?: boolean;
  /** Less important: hidden until the user ticks it under 显示列, so the essential columns fit 1366 px. */
  secondary?: boolean;
  /** A number summed in the list's 合计 row, over every row of the filter (not just the page), in SQL. */
  sum?: boolean;
  /** enterpriseRef: a text field shown with the linked enterprise (the host organisation under the host). */
  with?: string;
};

/**
 * A list filter kept in the URL. `param`: `?param=value` matches the column exactly (dictionary id, enum value,
 * `yes`/`no` for a flag). `range`: `?from=YYYY&to=YYYY` bounds a date or year field by years.
 */
export type FilterOpts = (
  | { param: string; label?: MessageKey }
  | { range: readonly [string, string]; labels?: readonly [MessageKey, MessageKey] }
) & {
  /** `false`: kept in the URL (board drill links, reports) but not offered in the toolbar. */
  toolbar?: boolean;
  /** Applied by the registry's own query (e.g. "holds a qualification"), not by the generic `column = value`. */
  custom?: true;
};

type Common = {
  /** Catalogue key of the field's label (form, list header, detail, export header, history). */
  label: MessageKey;
  required?: boolean;
  /** Import column: `false` = not imported; header defaults to the label. */
  import?: false | { header?: MessageKey; example?: string | number | boolean; width?: number };
  /** Export cell type; `false` = not exported; defaults by kind. */
  export?: false | XlsxCellType;
  /** Personal data: masked everywhere (lists, exports, history, audit) unless revealed with `reveal`. */
  mask?: "phone" | "idNumber";
  reveal?: Permission;
  /** How the registry form (`features/registry/form-fields.tsx`) shows the field; the widget follows the kind. */
  form?: FormOptions;
  /** List column options. */
  list?: ListOpts;
  /** A list filter (which filters the toolbar shows, and in what order, is the registry's `filters`). */
  filter?: FilterOpts;
  /** Matched by the list's text search: `contains` (anywhere) or `prefix` (upper-cased, index-friendly). */
  search?: "contains" | "prefix";
  /** Detail view: a label when it differs from the field's. */
  detail?: { label?: MessageKey };
};

export type FormOptions = {
  /** Spans both columns of the form grid. */
  wide?: boolean;
  /** Catalogue key of a hint under the input (a stored personal value shows the keep-or-replace hint instead). */
  hint?: MessageKey;
  /** Catalogue key of the blank choice of an optional select (default "—"). */
  blank?: MessageKey;
  /** What a new record's input starts with (a count's "0", the usual choice of a required select). */
  initial?: string;
  /** Personal data: catalogue key of the checkbox that removes the stored value (optional fields only). */
  clear?: MessageKey;
  /**
   * Rendered inside another field's widget, not on its own: an enterpriseRef's free-text name, submitted by the
   * picker when no enterprise is linked.
   */
  within?: string;
};

export type TextField = Common & { kind: "text"; max: number; multiline?: boolean };
export type CreditCodeField = Common & { kind: "creditCode" };
/** A web address (http/https); a bare host such as www.example.com is stored with https://. Shown as a link. */
export type UrlField = Common & { kind: "url"; max: number };
export type DateField = Common & { kind: "date"; notFuture?: boolean };
export type NumberField = Common & { kind: "number"; max: number; integer?: boolean };
/** `max: "currentYear"` is read when a value is checked (a long-running server rolls over at New Year). */
export type YearField = Common & { kind: "year"; min: number; max: number | "currentYear" };
export type BoolField = Common & { kind: "bool" };
export type DictField = Common & { kind: "dict"; dict: DictionaryKind };
export type EnumField = Common & {
  kind: "enum";
  values: readonly string[];
  /** Catalogue prefix of the labels: `${labels}.${value}`. */
  labels: string;
  default?: string;
  /** Shown as a badge of this colour per value (lists and detail). */
  tones?: Record<string, Tone>;
};
export type PhoneField = Common & { kind: "phone" };
export type IdNumberField = Common & { kind: "idNumber" };
/** A link to a live enterprise (picked in the form, named by credit code in the import). */
export type EnterpriseRefField = Common & { kind: "enterpriseRef" };

export type Field =
  | TextField
  | CreditCodeField
  | UrlField
  | DateField
  | NumberField
  | YearField
  | BoolField
  | DictField
  | EnumField
  | PhoneField
  | IdNumberField
  | EnterpriseRefField;

type Opts<F extends Column> = Omit<F, "kind">;

// Builders keep their options' literal types (`required: true`, enum values), so the schemas built from a
// definition have exact TypeScript types.
export const text = <const O extends Opts<TextField>>(o: O) => ({ kind: "text" as const, ...o });
export const creditCode = <const O extends Opts<CreditCodeField>>(o: O) => ({
  kind: "creditCode" as const,
  required: true as const,
  ...o,
});
export const url = <const O extends Opts<UrlField>>(o: O) => ({ kind: "url" as const, ...o });
export const date = <const O extends Opts<DateField>>(o: O) => ({ kind: "date" as const, ...o });
export const number = <const O extends Opts<NumberField>>(o: O) => ({ kind: "number" as const, ...o });
export const year = <const O extends Opts<YearField>>(o: O) => ({
  kind: "year" as const,
  required: true as const,
  ...o,
});
export const bool = <const O extends Opts<BoolField>>(o: O) => ({ kind: "bool" as const, ...o });
export const dict = <const D extends DictionaryKind, const O extends Omit<Opts<DictField>, "dict">>(
  dictKind: D,
  o: O,
) => ({
  kind: "dict" as const,
  dict: dictKind,
  ...o,
});
export const enumOf = <const V extends readonly string[], const O extends Omit<Opts<EnumField>, "values">>(
  values: V,
  o: O,
) => ({ kind: "enum" as const, values, ...o });
export const phone = <const O extends Opts<PhoneField>>(o: O) => ({
  kind: "phone" as const,
  mask: "phone" as const,
  ...o,
});
export const idNumber = <const O extends Opts<IdNumberField>>(o: O) => ({
  kind: "idNumber" as const,
  mask: "idNumber" as const,
  ...o,
});
export const enterpriseRef = <const O extends Opts<EnterpriseRefField>>(o: O) => ({
  kind: "enterpriseRef" as const,
  ...o,
});

/** A read-only date-time column (录入时间, 更新时间). */
export const datetime = <const O extends Opts<DateTimeField>>(o: O) => ({ kind: "datetime" as const, ...o });
/** A read-only figure (computed or denormalised: never entered, so no limit). */
export const figure = <const O extends Omit<Opts<NumberField>, "max">>(o: O) => ({
  kind: "number" as const,
  max: Number.MAX_SAFE_INTEGER,
  ...o,
});

type Req<F> = F extends { required: true } ? true : false;
type Maybe<F, T> = Req<F> extends true ? T : T | null;

/** The parsed value type of a field. */
export type FieldValue<F> = F extends { kind: "text" | "date" | "url" }
  ? Maybe<F, string>
  : F extends { kind: "creditCode" }
    ? string
    : F extends { kind: "number" | "dict" }
      ? Maybe<F, number>
      : F extends { kind: "year" }
        ? number
        : F extends { kind: "bool" }
          ? boolean
          : F extends { kind: "enum"; values: readonly (infer V)[] }
            ? V
            : F extends { kind: "phone" | "idNumber" }
              ? string | null
              : F extends { kind: "enterpriseRef" }
                ? number | null
                : never;

export type Fields = Record<string, Field>;

/** A read-only column: computed or bookkeeping (never written by a form or an import). */
export type DateTimeField = Common & { kind: "datetime" };
export type Column = Field | DateTimeField;
export type Columns = Record<string, Column>;

/** The read side's views: which fields and columns, in what order. */
type Views<K> = {
  /** The list's columns, in order. */
  list?: readonly K[];
  /** The toolbar's filters, in order (fields and columns declaring `filter`). */
  filters?: readonly K[];
  /** The CSV/xlsx export's columns, in order: header = label, cell type and masking from the field. */
  export?: readonly K[];
  /** The detail view's fields, in order (bespoke sections render beside them). */
  detail?: readonly K[];
};

type Base<F extends Fields, C extends Columns> = {
  key: string;
  /** Operation-log object type of a record. */
  objectType: string;
  /** The list page. */
  path: string;
  label: MessageKey;
  fields: F;
  /**
   * Which rows a scoped user (本镇街/本园区, 仅本人录入) reaches: applied by the list, total, exports, detail, history,
   * picker and write path alike (features/registry/scope.ts).
   */
  scope: ScopeRule;
  /** The form's layout: sections in order, each a grid of fields (default: one section, declaration order). */
  form?: { sections: readonly FormSection[] };
  /** Read-only columns the read side shows besides the fields (computed figures, 录入时间, 示例数据). */
  columns?: C;
  /** The list page's title, its create button and its search box's placeholder. */
  listTitle?: MessageKey;
  createLabel?: MessageKey;
  searchPlaceholder?: MessageKey;
};

export type FormSection<K extends string = string> = {
  /** Catalogue key of the section's heading. */
  title?: MessageKey;
  /** Catalogue key of a note above the section's fields. */
  note?: MessageKey;
  fields: readonly K[];
};

export type RegistryDefinition<F extends Fields = Fields, C extends Columns = Columns> = Base<F, C> & Views<string>;

/** Declares a registry; the identity function keeps the literal field keys for the consumers' types. */
export function defineRegistry<F extends Fields, C extends Columns = Record<never, Column>>(
  // Section fields are checked against the definition's keys here (the stored type keeps them as strings, so a
  // definition stays assignable to RegistryDefinition<Fields>).
  def: Base<F, C> &
    Views<(keyof F | keyof C) & string> & { form?: { sections: readonly FormSection<keyof F & string>[] } },
): RegistryDefinition<F, C> {
  // The operation log masks what the definitions declare personal (lib cannot import features).
  registerMaskedFields(
    def.objectType,
    Object.entries(def.fields).flatMap(([key, f]) => (f.mask ? [[key, f.mask] as const] : [])),
  );
  // Pages hand definitions to client components, which receive only serialisable values: the scope (SQL-building
  // functions, needed on the server only) stays on the object but out of what React serialises, and is kept by
  // key as well, so a copy of a definition (`{ ...def, export }`) still has its scope (registryScope).
  SCOPES.set(def.key, def.scope);
  Object.defineProperty(def, "scope", { value: def.scope, enumerable: false });
  return def;
}

const SCOPES = new Map<string, ScopeRule>();

/** A definition's scope, also for a copy of it; a definition without one is an error (never an open scope). */
export function registryScope(def: { key: string; scope?: ScopeRule }): ScopeRule {
  const rule = def.scope ?? SCOPES.get(def.key);
  if (!rule) throw new Error(`${def.key}: no data scope declared`);
  return rule;
}

/** A field or read-only column of a definition by key. */
export function columnOf(def: RegistryDefinition, key: string): Column {
  const c = def.fields[key] ?? def.columns?.[key];
  if (!c) throw new Error(`${def.key}: no field or column "${key}"`);
  return c;
}

/** The keys of a definition's fields, in declaration order (the order of the form, the template and exports). */
export function fieldKeys<F extends Fields>(def: { fields: F }): (keyof F & string)[] {
  return Object.keys(def.fields) as (keyof F & string)[];
}

/** The dictionaries a definition's selects need (the page loads their options on the server). */
export function dictionaryKinds(def: { fields: Fields }): DictionaryKind[] {
  const kinds = Object.values(def.fields).flatMap((f) => (f.kind === "dict" ? [f.dict] : []));
  return [...new Set(kinds)];
}

/** The form's sections; every field appears in exactly one (checked by the form's unit test). */
export function formSections(def: RegistryDefinition): readonly FormSection[] {
  return def.form?.sections ?? [{ fields: fieldKeys(def) }];
}
