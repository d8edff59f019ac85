import { cleanText, normaliseText, z } from "@/lib/zod";
import { SAVED_FILTER_LISTS, SAVED_FILTER_NAME_MAX, SAVED_FILTER_QUERY_MAX } from "./keys";

export const saveFilterSchema = z.strictObject({
  list: z.enum(SAVED_FILTER_LISTS),
  name: z.preprocess(
    normaliseText,
    z
      .string()
      .min(1, "daily.savedFilters.nameRequired")
      .max(SAVED_FILTER_NAME_MAX, `registry.tooLong|max=${SAVED_FILTER_NAME_MAX}`)
      .superRefine(cleanText()),
  ),
  query: z.string().max(SAVED_FILTER_QUERY_MAX, `registry.tooLong|max=${SAVED_FILTER_QUERY_MAX}`),
});
