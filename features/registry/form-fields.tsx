"use client";
import { confirmLeave, markSaved, UnsavedGuard } from "@/components/daily/unsaved-guard";
import { DictionaryOptions } from "@/components/registry/dictionary-options";
import { EnterpriseCombobox, type EnterpriseOption } from "@/components/registry/enterprise-combobox";
import { FormField } from "@/components/registry/form-field";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Select, Textarea } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, T } from "@/lib/i18n/translate";
import type { DictOptions } from "@/lib/registry/dictionaries";
import { todayIso } from "@/lib/time";
import { cn } from "@/lib/utils";
import { type Field, type Fields, formSections, type RegistryDefinition } from "./define";

// The registry form's fields, rendered from the definition: label (catalogue), required marker, widget by kind,
// maxLength/min/max from the declaration, the server's error for the field, aria wiring. The form around it (the
// action, hidden id/version, the form message, buttons) stays with each registry.

/** A record as an edit form receives it: personal data only as `${field}Masked` ("" when nothing is stored). */
export type FormRecord = { [key: string]: unknown };

/** The props every control gets: id/name/aria wiring from the field's cell. */
export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby": string;
  required?: boolean;
};

/** What an override's render function receives. */
export type FieldContext = { key: string; field: Field; control: ControlProps; value: string; t: T };

/** Longest input of the kinds without a `max` of their own (the server checks the format). */
const KIND_MAX_LENGTH = { creditCode: 18, phone: 20, idNumber: 18 } as const;

const BLANK = "—";

/** The text a new record's input starts with, or the stored value as text. */
export function initialValue(key: string, f: Field, record?: FormRecord | null): string {
  if (f.kind === "phone" || f.kind === "idNumber") return ""; // write-only: the stored value never reaches the page
  const stored = record?.[key];
  if (stored != null) return String(stored);
  return f.form?.initial ?? (f.kind === "enum" ? (f.default ?? "") : "");
}

/** The stored personal value's masked form on an edit form, "" when none is stored. */
export function maskedValue(key: string, record?: FormRecord | null): string {
  const m = record?.[`${key}Masked`];
  return typeof m === "string" ? m : "";
}

/** The name of the checkbox that removes a stored personal value: `clear` + the field, capitalised. */
export const clearName = (key: string) => `clear${key[0].toUpperCase()}${key.slice(1)}`;

/** The input attributes a field's kind and declaration give (pure: pinned by the unit test). */
export function inputProps(f: Field): React.InputHTMLAttributes<HTMLInputElement> {
  switch (f.kind) {
    case "text":
      return { maxLength: f.max };
    case "url":
      // Text, not type=url: a bare host (www.example.com) is accepted and stored with https://.
      return { maxLength: f.max, inputMode: "url", autoComplete: "url", placeholder: "https://" };
    case "creditCode":
      return { maxLength: KIND_MAX_LENGTH.creditCode, className: "font-mono uppercase", autoComplete: "off" };
    case "date":
      return { type: "date", max: f.notFuture ? todayIso() : undefined };
    case "number":
      // Text, not type=number: amounts may carry thousands separators ("1,234.5"); the server parses them.
      return { inputMode: f.integer ? "numeric" : "decimal" };
    case "year":
      return {
        type: "number",
        inputMode: "numeric",
        min: f.min,
        max: f.max === "currentYear" ? Number(todayIso().slice(0, 4)) : f.max,
        step: 1,
      };
    case "phone":
      return { type: "tel", maxLength: KIND_MAX_LENGTH.phone, autoComplete: "off" };
    case "idNumber":
      return { maxLength: KIND_MAX_LENGTH.idNumber, autoComplete: "off", className: "font-mono uppercase" };
    default:
      return {};
  }
}

export type RegistryFieldsProps<F extends Fields> = {
  definition: RegistryDefinition<F>;
  /** The record being edited (absent on create). */
  record?: FormRecord | null;
  /** The server's field errors from the last submit. */
  errors?: Partial<Record<string, string[]>>;
  /** Options of the definition's dictionaries, loaded on the server (`getDictionaryOptions(dictionaryKinds(def))`). */
  dictionaries?: DictOptions;
  /** The linked enterprise of each enterpriseRef field, by field. */
  refs?: { [K in keyof F]?: EnterpriseOption | null };
  /**
   * A bespoke control for a field, inside the field's usual cell (label above, hint, error); the built-in widgets
   * already cover the enterprise picker, write-only personal data and dictionary/enum selects.
   */
  overrides?: { [K in keyof F]?: (ctx: FieldContext) => React.ReactNode };
};

/** Every field of a definition, in its form sections, each with the widget of its kind. */
export function RegistryFields<F extends Fields>({
  definition,
  record,
  errors,
  dictionaries,
  refs,
  overrides,
}: RegistryFieldsProps<F>) {
  const t = useT();
  const fields: Fields = definition.fields;
  // Fields rendered inside another field's widget (an enterpriseRef's free-text name), by host field.
  const within = new Map<string, string>();
  for (const [k, f] of Object.entries(fields)) if (f.form?.within) within.set(f.form.within, k);

  const cell = (key: string) => {
    const f = fields[key];
    if (f.form?.within) return null;
    const value = initialValue(key, f, record);
    const label = t(f.label);
    const id = `f-${key}`;
    const override = overrides?.[key as keyof F];
    if (f.kind === "bool" && !override) {
      return (
        <div key={key} className={cn("flex flex-col gap-1 md:pt-6", f.form?.wide && "md:col-span-2")}>
          <label htmlFor={id} className="flex min-h-9 items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              id={id}
              name={key}
              defaultChecked={!!record?.[key]}
              aria-invalid={!!errors?.[key]?.length}
              aria-describedby={`${id}-error`}
            />
            {label}
          </label>
          <FieldError id={`${id}-error`} errors={errors?.[key]} />
        </div>
      );
    }
    const inner = within.get(key);
    const cellErrors = [...(errors?.[key] ?? []), ...(inner ? (errors?.[inner] ?? []) : [])];
    const masked = f.kind === "phone" || f.kind === "idNumber" ? maskedValue(key, record) : "";
    const hint = masked ? t("registry.personalKeepHint") : f.form?.hint ? t(f.form.hint) : undefined;
    const clear =
      masked && !f.required && f.form?.clear ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name={clearName(key)} />
          {t(f.form.clear)}
        </label>
      ) : null;
    return (
      <FormField
        key={key}
        name={key}
        label={label}
        // A stored personal value is kept when the input is left empty: then the field is not required.
        required={!!f.required && !masked}
        errors={cellErrors.length ? cellErrors : undefined}
        hint={hint}
        after={clear}
        className={f.form?.wide ? "md:col-span-2" : undefined}
      >
        {(p) => {
          if (override) return override({ key, field: f, control: p, value, t });
          switch (f.kind) {
            case "dict":
              return (
                <Select {...p} defaultValue={value}>
                  <option value="">{f.form?.blank ? t(f.form.blank) : BLANK}</option>
                  <DictionaryOptions options={dictionaries?.[f.dict] ?? []} current={record?.[key] as number | null} />
                </Select>
              );
            case "enum":
              return (
                <Select {...p} defaultValue={value}>
                  {f.default === undefined && f.form?.initial === undefined ? <option value="">{BLANK}</option> : null}
                  {f.values.map((v) => (
                    <option key={v} value={v}>
                      {t(`${f.labels}.${v}` as MessageKey)}
                    </option>
                  ))}
                </Select>
              );
            case "enterpriseRef": {
              const ref = refs?.[key as keyof F] ?? null;
              const innerField = inner ? fields[inner] : undefined;
              return (
                <EnterpriseCombobox
                  id={p.id}
                  name={key}
                  defaultValue={ref}
                  freeText={
                    inner && innerField?.kind === "text"
                      ? {
                          name: inner,
                          defaultValue: ref ? ref.name : initialValue(inner, innerField, record),
                          maxLength: innerField.max,
                        }
                      : undefined
                  }
                  invalid={p["aria-invalid"]}
                  describedBy={p["aria-describedby"]}
                />
              );
            }
            case "text":
              if (f.multiline) return <Textarea {...p} rows={3} defaultValue={value} maxLength={f.max} />;
              return <Input {...p} {...inputProps(f)} defaultValue={value} />;
            default:
              return <Input {...p} {...inputProps(f)} defaultValue={value} placeholder={masked || undefined} />;
          }
        }}
      </FormField>
    );
  };

  return (
    <>
      {/* Every registry form asks before its unsaved changes are left behind. */}
      <UnsavedGuard />
      {formSections(definition).map((s, i) => (
        <section key={s.title ?? i} className="flex flex-col gap-3">
          {s.title ? <h2 className="text-sm font-semibold text-slate-800">{t(s.title)}</h2> : null}
          {s.note ? <p className="text-xs text-slate-500">{t(s.note)}</p> : null}
          <div className="grid gap-4 md:grid-cols-2">{s.fields.map(cell)}</div>
        </section>
      ))}
    </>
  );
}

/** The record's id and the version it was opened with (the server refuses a save over a newer one). */
export function RecordVersion({ record }: { record?: { id: number; version: number } | null }) {
  if (!record) return null;
  return (
    <>
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={record.version} />
    </>
  );
}

/** 保存 / 取消 under a registry form. */
export function FormButtons({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </Button>
      <Button
        variant="outline"
        onClick={(e) => {
          if (!confirmLeave(t("daily.unsaved"))) return;
          markSaved(e.currentTarget.form);
          onCancel();
        }}
      >
        {t("common.cancel")}
      </Button>
    </div>
  );
}
