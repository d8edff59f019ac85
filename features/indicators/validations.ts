import { cleanText, decimalInput, normaliseText, z } from "@/lib/zod";

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,64}$/);
const period = z
  .string()
  .trim()
  .regex(/^\d{4}(Q[1-4])?$/, "kpi.indicators.invalidPeriod");
const cell = z.string().trim().max(32);

export const districtValuesSchema = z.strictObject({
  indicatorKey: key,
  period,
  /** district dictionary id → the value to save ("" = no data) */
  values: z.record(z.string().regex(/^\d+$/), cell),
  /** district dictionary id → the value the form was opened with: a save over someone else's change is refused. */
  loaded: z.record(z.string().regex(/^\d+$/), cell),
  cityTotal: cell.default(""),
  loadedCityTotal: cell.default(""),
  /** 来源/文号, kept on every value this save changes. */
  sourceDoc: z.string().trim().max(200, "registry.tooLong|max=200").default(""),
});

/** An .xlsx of district values (name + value, or one column), read into the same text a paste gives. */
export const districtXlsxSchema = z.strictObject({
  indicatorKey: key,
  file: z.instanceof(File, { message: "import.refuse.noFile" }),
});
/** Many periods at once (the districts × periods upload): period → district id → value as typed. */
const periodValues = z.record(period, z.record(z.string().regex(/^\d+$/), cell));
export const districtPeriodsSchema = z.strictObject({
  indicatorKey: key,
  values: periodValues.refine((v) => Object.keys(v).length <= 200, "kpi.periods.tooManyPeriods"),
  /** What the preview showed as stored for the same cells ("" = no value): a save over a later change is refused. */
  loaded: periodValues,
  sourceDoc: z.string().trim().max(200, "registry.tooLong|max=200").default(""),
  /** The uploaded file's name, for the operation log. */
  file: z.string().trim().max(200).default(""),
});

export type DistrictValuesInput = z.infer<typeof districtValuesSchema>;

const optNumber = z.preprocess(
  decimalInput({ thousands: true }),
  z
    .number("kpi.indicators.invalidValue")
    .refine(Number.isFinite, "kpi.indicators.invalidValue")
    .min(0, "registry.nonNegative")
    .nullable(),
);

export const targetSchema = z.strictObject({
  indicatorKey: key,
  year: z.coerce
    .number()
    .int()
    .min(2000, "registry.yearRange|min=2000,max=2100")
    .max(2100, "registry.yearRange|min=2000,max=2100"),
  targetRank: z.preprocess(
    decimalInput(),
    z.number().int("registry.integer").min(1, "registry.nonNegative").max(38, "registry.tooLarge|max=38").nullable(),
  ),
  targetValue: optNumber,
  /** The target's version when the form was opened; 0 = that year had no target then. */
  version: z.coerce.number().int().min(0),
});

export const indicatorDefinitionSchema = z.strictObject({
  indicatorKey: key,
  version: z.coerce.number().int().min(1),
  definition: z.preprocess(
    normaliseText,
    z
      .string()
      .trim()
      .min(1, "registry.required")
      .max(1000, "registry.tooLong|max=1000")
      .superRefine(cleanText({ multiline: true })),
  ),
  dataSource: z.preprocess(
    normaliseText,
    z.string().trim().max(200, "registry.tooLong|max=200").superRefine(cleanText()),
  ),
  releaseLag: z.preprocess(
    normaliseText,
    z.string().trim().max(100, "registry.tooLong|max=100").superRefine(cleanText()),
  ),
});

export { parseCell } from "@/features/kpi/district-paste";
