import { CREDIT_CODE_ERROR_MESSAGES, validateCreditCode } from "@/lib/credit-code";
import { ID_NUMBER_MESSAGES, normaliseIdNumber, validateIdNumber } from "@/lib/id-number";
import { todayIso } from "@/lib/time";
import { cleanText, decimalInput, normaliseText, z } from "@/lib/zod";

// Field schemas shared by every registry form, its server action and (later) the Excel import.
// Messages are catalogue keys ("key|param=value"), translated for the user's language by the action wrapper.

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
/** Zero-width-only counts as empty; the ends lose whitespace and invisible characters. */
const trimOrNull = (v: unknown) => {
  const s = normaliseText(v);
  if (typeof s !== "string") return s ?? null;
  return s === "" ? null : s;
};

type TextOpts = { multiline?: boolean };

/**
 * Required text: no control characters (tab and line breaks only when `multiline`), no bidi overrides,
 * no lone surrogates; a value of invisible characters only is empty, hence "required".
 */
export const reqText = (max: number, opts: TextOpts = {}) =>
  z.preprocess(
    normaliseText,
    z
      .string("registry.required")
      .trim()
      .min(1, "registry.required")
      .max(max, `registry.tooLong|max=${max}`)
      .superRefine(cleanText(opts)),
  ) as unknown as z.ZodType<string>;

export const optText = (max: number, opts: TextOpts = {}) =>
  z.preprocess(trimOrNull, z.string().max(max, `registry.tooLong|max=${max}`).superRefine(cleanText(opts)).nullable());

/**
 * A web address: http or https only (never javascript: or data:), a host with a dot, no spaces. A bare host
 * ("www.example.com") is taken as https://; the stored value is the address as typed, with its scheme.
 */
export const optUrl = (max: number) =>
  z.preprocess((v) => {
    const s = trimOrNull(v);
    return typeof s === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(s) ? `https://${s}` : s;
  }, z
    .string()
    .max(max, `registry.tooLong|max=${max}`)
    .superRefine(cleanText({}))
    .refine(isWebAddress, "registry.invalidUrl")
    .nullable()) as unknown as z.ZodType<string | null>;

function isWebAddress(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && /\.[^.]+$/.test(u.hostname) && !u.username;
  } catch {
    return false;
  }
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** No registry date is older than this: founding, recognition and award dates of a district's actors. */
export const EARLIEST_DATE = "1900-01-01";
/** Expiry and move-out dates may lie ahead, but not absurdly far. */
export const LATEST_DATE = "2100-12-31";

export const dateStr = (opts: { notFuture?: boolean; min?: string } = {}) => {
  const min = opts.min ?? EARLIEST_DATE;
  return z
    .string("registry.required")
    .trim()
    .min(1, "registry.required")
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), "registry.dateFormat")
    .refine((s) => !opts.notFuture || s <= todayIso(), "registry.dateFuture")
    .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || s >= min, `registry.dateTooEarly|min=${min}`)
    .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || s <= LATEST_DATE, `registry.dateTooLate|max=${LATEST_DATE}`);
};

export const optDate = (opts: { notFuture?: boolean; min?: string } = {}) =>
  z.preprocess(trimOrNull, dateStr(opts).nullable());

export const amount = (max: number, opts: { integer?: boolean } = {}) => {
  let n = z.number("registry.number").refine(Number.isFinite, "registry.number");
  if (opts.integer) n = n.refine(Number.isInteger, "registry.integer");
  return n.refine((x) => x >= 0, "registry.nonNegative").refine((x) => x <= max, `registry.tooLarge|max=${max}`);
};

/** Amounts and counts: decimal notation, with correctly grouped thousands separators allowed ("1,234.5"). */
export const reqAmount = (max: number, opts: { integer?: boolean } = {}) =>
  z.preprocess(
    decimalInput({ thousands: true }),
    amount(max, opts)
      .nullable()
      .refine((v) => v !== null, "registry.required"),
  ) as unknown as z.ZodType<number>;

export const optAmount = (max: number, opts: { integer?: boolean } = {}) =>
  z.preprocess(decimalInput({ thousands: true }), amount(max, opts).nullable());

/** A year: plain digits only (no separators, no other notation). */
export const year = (min: number, max: number) =>
  z.preprocess(
    decimalInput(),
    z
      .number("registry.required")
      .int("registry.integer")
      .min(min, `registry.yearRange|min=${min},max=${max}`)
      .max(max, `registry.yearRange|min=${min},max=${max}`),
  );

/** A dictionary or record id as a form sends it: digits only ("0x10" is not 16). */
const idInput = (v: unknown) => {
  const b = blankToNull(v);
  if (typeof b === "string") return /^\d{1,15}$/.test(b.trim()) ? Number(b.trim()) : Number.NaN;
  return b;
};

export const dictId = () =>
  z.preprocess(
    idInput,
    z.number("registry.invalidOption").int("registry.invalidOption").positive("registry.invalidOption"),
  );

export const optDictId = () =>
  z.preprocess(
    idInput,
    z.number("registry.invalidOption").int("registry.invalidOption").positive("registry.invalidOption").nullable(),
  );

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

/** 居民身份证号, GB 11643: length, characters, province, date of birth and check character (lib/id-number.ts). */
export const idNumber = () =>
  z.preprocess(
    (v) => (typeof trimOrNull(v) === "string" ? normaliseIdNumber(String(trimOrNull(v))) : trimOrNull(v)),
    z
      .string()
      .transform((v, ctx) => {
        const res = validateIdNumber(v, todayIso());
        if (!res.ok) {
          ctx.addIssue({ code: "custom", message: ID_NUMBER_MESSAGES[res.reason] });
          return z.NEVER;
        }
        return res.value;
      })
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
