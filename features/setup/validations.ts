import { USER_IMPORT_MAX_ROWS } from "@/features/setup/user-import";
import { z } from "@/lib/zod";

export const userImportFileSchema = z.strictObject({
  file: z.instanceof(File, { message: "import.refuse.noFile" }),
});

const text = (max: number) => z.string().max(max).default("");

/** The rows the preview showed, sent back to be validated again and created in one transaction. */
export const userImportCommitSchema = z.strictObject({
  file: z.string().trim().max(200).default(""),
  rows: z
    .array(
      z.strictObject({
        row: z.coerce.number().int().min(1).max(1_000_000),
        displayName: text(200),
        username: text(200),
        unit: text(200),
        role: text(50),
        dataScope: text(50),
      }),
    )
    .min(1, "setup.users.empty")
    .max(USER_IMPORT_MAX_ROWS, `setup.users.tooMany|max=${USER_IMPORT_MAX_ROWS}`),
});
