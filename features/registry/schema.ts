// zod schemas built from a registry definition with the shared field primitives (lib/registry/fields.ts), so the
// form, its server action and the Excel import validate every field the same way. Cross-field rules stay explicit
// (`refine` in the registry's own module).

import {
  checkbox,
  creditCode,
  dateStr,
  dictId,
  idNumber,
  optAmount,
  optDate,
  optDictId,
  optRef,
  optText,
  optUrl,
  phone,
  reqAmount,
  reqText,
  year,
} from "@/lib/registry/fields";
import { z } from "@/lib/zod";
import type { Field, Fields, FieldValue } from "./define";

/** The current year in Beijing time, read when a value is checked. */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
}

function enumSchema(f: Extract<Field, { kind: "enum" }>): z.ZodType {
  const values = f.values as [string, ...string[]];
  if (f.default !== undefined) return z.enum(values, "registry.invalidOption").default(f.default);
  // A blank choice is a missing value, not an invalid one.
  return z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(values, { error: (i) => (i.input === undefined ? "registry.required" : "registry.invalidOption") }),
  );
}

/** The zod type of one field. */
export function fieldSchema(f: Field): z.ZodType {
  switch (f.kind) {
    case "text":
      return f.required ? reqText(f.max) : optText(f.max);
    case "creditCode":
      return creditCode();
    case "url":
      return f.required ? optUrl(f.max).refine((v) => v !== null, "registry.required") : optUrl(f.max);
    case "date":
      return f.required ? dateStr({ notFuture: f.notFuture }) : optDate({ notFuture: f.notFuture });
    case "number":
      return f.required ? reqAmount(f.max, { integer: f.integer }) : optAmount(f.max, { integer: f.integer });
    case "year": {
      const max = f.max;
      return max === "currentYear" ? z.lazy(() => year(f.min, currentYear())) : year(f.min, max);
    }
    case "bool":
      return checkbox();
    case "dict":
      return f.required ? dictId() : optDictId();
    case "enum":
      return enumSchema(f);
    case "phone":
      return f.required ? phone().refine((v) => v !== null, "registry.required") : phone();
    case "idNumber":
      return idNumber();
    case "enterpriseRef":
      return optRef();
  }
}

/** The zod shape of a definition's fields (or of the named subset), in declaration order. */
export function fieldsShape<F extends Fields, K extends keyof F & string = keyof F & string>(
  fields: F,
  only?: readonly K[],
): { [P in K]: z.ZodType<FieldValue<F[P]>> } {
  const keys = (only ?? (Object.keys(fields) as K[])) as K[];
  return Object.fromEntries(keys.map((k) => [k, fieldSchema(fields[k])])) as { [P in K]: z.ZodType<FieldValue<F[P]>> };
}
