import { cleanText, z } from "@/lib/zod";
import { wanToYuan } from "./rules";

const id = () => z.coerce.number().int().positive();
const version = () => z.coerce.number().int().min(1);
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .superRefine(cleanText({ multiline: true }))
    .min(min, "awards.err.reasonRequired")
    .max(max, `registry.tooLong|max=${max}`);
const optText = (max: number) =>
  z.preprocess((v) => (v === "" || v == null ? null : v), text(max).nullable().default(null));

/** A money field typed in 万元 (up to 4 decimals, commas allowed) → exact integer 元; empty → null. */
export function parseWan(v: unknown): number | null | typeof Number.NaN {
  if (v == null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? wanToYuan(v) : Number.NaN;
  const s = String(v).replace(/[,，\s]/g, "");
  if (!/^-?\d+(\.\d{1,4})?$/.test(s)) return Number.NaN;
  return wanToYuan(Number(s));
}
const wan = () =>
  z.preprocess(
    parseWan,
    z.number({ error: "awards.err.notNumber" }).int().min(0, "awards.refuse.baseNegative").nullable().default(null),
  );
const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "awards.err.date");

export const createBatchSchema = z.strictObject({
  policyId: id(),
  year: z.coerce.number().int().min(2015, "awards.err.year").max(2100, "awards.err.year"),
});
export const batchStepSchema = z.strictObject({ batchId: id(), version: version() });
export const submitSchema = z.strictObject({
  batchId: id(),
  version: version(),
  budgetOverrideReason: optText(500),
});
export const reviewSchema = z.strictObject({
  batchId: id(),
  version: version(),
  decision: z.enum(["pass", "return"]),
  reason: optText(500),
});
export const approveSchema = z.strictObject({
  batchId: id(),
  version: version(),
  decision: z.enum(["approve", "return"]),
  reason: optText(500),
});
export const publicitySchema = z.strictObject({
  batchId: id(),
  version: version(),
  start: isoDate(),
  end: isoDate(),
  docNo: optText(100),
});
export const applicationSchema = z.strictObject({
  batchId: id(),
  version: version(),
  enterpriseId: z.coerce
    .number({ error: "awards.err.enterpriseUnknown" })
    .int()
    .positive("awards.err.enterpriseUnknown"),
  baseWan: wan(),
  amountWan: wan(),
  reviewScore: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().min(0).max(100).nullable()),
  documents: optText(1000),
});
export const excludeSchema = z.strictObject({ lineId: id(), reason: text(500, 2) });
export const objectionSchema = z.strictObject({ lineId: id(), text: text(1000, 2) });
export const resolveSchema = z.strictObject({
  lineId: id(),
  resolution: z.enum(["kept", "removed"]),
  reason: text(500, 2),
});
export const paymentSchema = z.strictObject({
  lineId: id(),
  paidDate: isoDate(),
  voucherNo: text(60, 1),
  amountWan: z.preprocess(parseWan, z.number({ error: "awards.err.notNumber" }).int().positive("awards.err.amount")),
  status: z.enum(["paid", "failed"]),
  note: optText(300),
});
export const payRemainingSchema = z.strictObject({
  batchId: id(),
  version: version(),
  paidDate: isoDate(),
  voucherNo: text(60, 1),
});
export const policySchema = z.strictObject({
  policyId: id(),
  version: version(),
  name: text(100, 2),
  basisTitle: text(200, 2),
  basisDocNo: optText(100),
  documents: optText(1000),
  budgetWan: wan(),
  activeFrom: z.coerce.number().int().min(2000).max(2100),
  activeTo: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z.coerce.number().int().min(2000).max(2100).nullable(),
  ),
});

export const importApplicationsSchema = z.strictObject({
  batchId: id(),
  version: version(),
  file: z.instanceof(File, { message: "import.refuse.noFile" }),
  mode: z.enum(["all", "validOnly"]).default("all"),
});
