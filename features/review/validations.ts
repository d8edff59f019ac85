import { z } from "zod";

const ref = { id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() };

export const reviewRefSchema = z.strictObject(ref);
export const returnSchema = z.strictObject({
  ...ref,
  reason: z.string().trim().min(1, "review.reasonRequired").max(500, "review.reasonTooLong"),
});
const items = z.array(z.strictObject(ref)).min(1, "review.noneSelected").max(500);
export const batchApproveSchema = z.strictObject({ items });
export const batchReturnSchema = z.strictObject({
  items,
  reason: z.string().trim().min(1, "review.reasonRequired").max(500, "review.reasonTooLong"),
});
