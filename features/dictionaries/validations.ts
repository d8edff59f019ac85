import { DICTIONARY_KINDS } from "@/db/schema";
import { cleanText, normaliseText, z } from "@/lib/zod";

export const dictionaryKindSchema = z.enum(DICTIONARY_KINDS);

export const createDictionaryItemSchema = z.strictObject({
  kind: dictionaryKindSchema,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_]{1,64}$/, "dictionaries.codeFormat"),
  label: z.preprocess(
    normaliseText,
    z.string().trim().min(1, "dictionaries.labelRequired").max(100).superRefine(cleanText()),
  ),
  /** The English interface's label: every item has one (the interface is bilingual). */
  labelEn: z.preprocess(
    normaliseText,
    z.string().trim().min(1, "dictionaries.labelEnRequired").max(100).superRefine(cleanText()),
  ),
  sortOrder: z.coerce.number().int().min(0).max(100000).default(0),
});

export const updateDictionaryItemSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  label: z.preprocess(
    normaliseText,
    z.string().trim().min(1, "dictionaries.labelRequired").max(100).superRefine(cleanText()),
  ),
  /** The English interface's label: every item has one (the interface is bilingual). */
  labelEn: z.preprocess(
    normaliseText,
    z.string().trim().min(1, "dictionaries.labelEnRequired").max(100).superRefine(cleanText()),
  ),
  sortOrder: z.coerce.number().int().min(0).max(100000),
  /** The item's version as shown: a save over someone else's edit is refused. */
  version: z.coerce.number().int().min(1),
});

export const toggleDictionaryItemSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  enabled: z.boolean(),
  version: z.coerce.number().int().min(1),
});
