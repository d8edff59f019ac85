import { cleanText, decimalInput, normaliseText, parseDecimal, z } from "@/lib/zod";

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
  /** district dictionary id → the typed value ("" = no data) */
  values: z.record(z.string().regex(/^\d+$/), cell),
  cityTotal: cell.default(""),
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

/** Parses a typed district value: "" → null; thousands separators allowed; must be a finite number ≥ 0. */
export function parseCell(s: string): number | null | "invalid" {
  // Decimal notation only, with correctly grouped thousands ("0x10", "1e3" and "1,2,3" are refused).
  const r = parseDecimal(s, { thousands: true });
  if (!r.ok) return "invalid";
  if (r.value === null) return null;
  return Number.isFinite(r.value) && r.value >= 0 ? r.value : "invalid";
}
