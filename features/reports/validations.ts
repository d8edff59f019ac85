import { isReportQuarter } from "@/features/reports/quarter";
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
  /** The report row's version when the form was opened; 0 = no row yet (the first save is checked too). */
  version: z.coerce.number().int().min(0),
});

export const closeSchema = z.strictObject({
  quarter: quarter(),
  /** The missing items (CloseGap codes) the user saw and confirmed; closing with any other gap is refused. */
  confirmMissing: z.array(z.string().max(200)).max(500).default([]),
});

export const reopenSchema = z.strictObject({
  quarter: quarter(),
  reason: z
    .string()
    .trim()
    .superRefine(cleanText({ multiline: true }))
    .min(5, "reports.reasonTooShort")
    .max(500, "registry.tooLong|max=500"),
});
