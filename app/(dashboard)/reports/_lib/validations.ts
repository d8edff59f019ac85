import { isReportQuarter } from "@/lib/reports/quarter";
import { cleanText, normaliseText, z } from "@/lib/zod";

export const quarter = () => z.string().refine(isReportQuarter, "reports.invalidQuarter");

export const narrativeSchema = z.strictObject({
  quarter: quarter(),
  summaryText: z.preprocess(
    normaliseText,
    z
      .string()
      .trim()
      .max(5000, "registry.tooLong|max=5000")
      .superRefine(cleanText({ multiline: true })),
  ),
  planText: z.preprocess(
    normaliseText,
    z
      .string()
      .trim()
      .max(5000, "registry.tooLong|max=5000")
      .superRefine(cleanText({ multiline: true })),
  ),
  version: z.coerce.number().int().min(0).default(0),
});

export const closeSchema = z.strictObject({ quarter: quarter() });

export const reopenSchema = z.strictObject({
  quarter: quarter(),
  reason: z
    .string()
    .trim()
    .superRefine(cleanText({ multiline: true }))
    .min(5, "reports.reasonTooShort")
    .max(500, "registry.tooLong|max=500"),
});
