// The registry engine's declarations: one typed definition per registry, each field declared once with what every
// consumer needs (form, zod schema, list, filters, export, import, history, masking). Plain metadata: no zod, no
// drizzle values, so client components may import a definition. The server binds it to its table and rules
// (schema.ts builds the zod schemas; the import derives its template columns).

import type { DictionaryKind } from "@/db/schema";
import type { MessageKey } from "@/lib/i18n/core";
import type { Permission } from "@/lib/permissions";
import type { XlsxCellType } from "@/lib/xlsx";

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
};
export type PhoneField = Common & { kind: "phone" };
export type IdNumberField = Common & { kind: "idNumber" };
/** A link to a live enterprise (picked in the form, named by credit code in the import). */
export type EnterpriseRefField = Common & { kind: "enterpriseRef" };

export type Field =
  | TextField
  | CreditCodeField
  | DateField
  | NumberField
  | YearField
  | BoolField
  | DictField
  | EnumField
  | PhoneField
  | IdNumberField
  | EnterpriseRefField;

type Opts<F extends Field> = Omit<F, "kind">;

// Builders keep their options' literal types (`required: true`, enum values), so the schemas built from a
// definition have exact TypeScript types.
export const text = <const O extends Opts<TextField>>(o: O) => ({ kind: "text" as const, ...o });
export const creditCode = <const O extends Opts<CreditCodeField>>(o: O) => ({
  kind: "creditCode" as const,
  required: true as const,
  ...o,
});
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

type Req<F> = F extends { required: true } ? true : false;
type Maybe<F, T> = Req<F> extends true ? T : T | null;

/** The parsed value type of a field. */
export type FieldValue<F> = F extends { kind: "text" | "date" }
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

export type RegistryDefinition<F extends Fields = Fields> = {
  key: string;
  /** Operation-log object type of a record. */
  objectType: string;
  /** The list page. */
  path: string;
  label: MessageKey;
  fields: F;
  /** The form's layout: sections in order, each a grid of fields (default: one section, declaration order). */
  form?: { sections: readonly FormSection[] };
};

export type FormSection<K extends string = string> = {
  /** Catalogue key of the section's heading. */
  title?: MessageKey;
  /** Catalogue key of a note above the section's fields. */
  note?: MessageKey;
  fields: readonly K[];
};

/** Declares a registry; the identity function keeps the literal field keys for the consumers' types. */
export function defineRegistry<F extends Fields>(
  // Section fields are checked against the definition's keys here (the stored type keeps them as strings, so a
  // definition stays assignable to RegistryDefinition<Fields>).
  def: RegistryDefinition<F> & { form?: { sections: readonly FormSection<keyof F & string>[] } },
): RegistryDefinition<F> {
  return def;
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
