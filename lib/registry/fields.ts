import { CREDIT_CODE_ERROR_MESSAGES, validateCreditCode } from "@/lib/credit-code";
import { todayIso } from "@/lib/time";
import { z } from "@/lib/zod";

// Field schemas shared by every registry form, its server action and (later) the Excel import.
// Messages are catalogue keys ("key|param=value"), translated for the user's language by the action wrapper.

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const trimOrNull = (v: unknown) => {
  if (typeof v !== "string") return v ?? null;
  const s = v.trim();
  return s === "" ? null : s;
};

export const reqText = (max: number) =>
  z.string("registry.required").trim().min(1, "registry.required").max(max, `registry.tooLong|max=${max}`);

export const optText = (max: number) =>
  z.preprocess(trimOrNull, z.string().max(max, `registry.tooLong|max=${max}`).nullable());

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const dateStr = (opts: { notFuture?: boolean } = {}) =>
  z
    .string("registry.required")
    .trim()
    .min(1, "registry.required")
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), "registry.dateFormat")
    .refine((s) => !opts.notFuture || s <= todayIso(), "registry.dateFuture");

export const optDate = (opts: { notFuture?: boolean } = {}) => z.preprocess(trimOrNull, dateStr(opts).nullable());

const toNumber = (v: unknown) => {
  const b = blankToNull(typeof v === "string" ? v.trim().replace(/,/g, "") : v);
  if (b === null) return null;
  return typeof b === "string" ? Number(b) : b;
};

export const amount = (max: number, opts: { integer?: boolean } = {}) => {
  let n = z.number("registry.number").refine(Number.isFinite, "registry.number");
  if (opts.integer) n = n.refine(Number.isInteger, "registry.integer");
  return n.refine((x) => x >= 0, "registry.nonNegative").refine((x) => x <= max, `registry.tooLarge|max=${max}`);
};

export const reqAmount = (max: number, opts: { integer?: boolean } = {}) =>
  z.preprocess(
    toNumber,
    amount(max, opts)
      .nullable()
      .refine((v) => v !== null, "registry.required"),
  ) as unknown as z.ZodType<number>;

export const optAmount = (max: number, opts: { integer?: boolean } = {}) =>
  z.preprocess(toNumber, amount(max, opts).nullable());

export const year = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number("registry.required")
      .int("registry.integer")
      .min(min, `registry.yearRange|min=${min},max=${max}`)
      .max(max, `registry.yearRange|min=${min},max=${max}`),
  );

export const dictId = () =>
  z.preprocess(blankToNull, z.coerce.number("registry.invalidOption").int().positive("registry.invalidOption"));

export const optDictId = () =>
  z.preprocess(blankToNull, z.coerce.number().int().positive("registry.invalidOption").nullable());

export const optRef = optDictId;

export const checkbox = () =>
  z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1" || v === "是", z.boolean());

export const phone = () =>
  z.preprocess(
    trimOrNull,
    z
      .string()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "registry.phoneFormat")
      .nullable(),
  );

export const idNumber = () =>
  z.preprocess(
    (v) => (typeof trimOrNull(v) === "string" ? String(trimOrNull(v)).toUpperCase() : trimOrNull(v)),
    z
      .string()
      .regex(/^\d{17}[\dX]$/, "registry.idNumberFormat")
      .nullable(),
  );

export const creditCode = () =>
  z.string("registry.required").transform((v, ctx) => {
    const res = validateCreditCode(v);
    if (!res.ok) {
      ctx.addIssue({ code: "custom", message: CREDIT_CODE_ERROR_MESSAGES[res.reason] });
      return z.NEVER;
    }
    return res.code;
  });

export const recordId = () => z.coerce.number().int().positive();
export const version = () => z.coerce.number().int().min(1);
