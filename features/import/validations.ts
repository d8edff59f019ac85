import { IMPORT_REGISTRIES } from "@/features/import/registries";
import { z } from "@/lib/zod";

/** An upload: which registry, and the .xlsx file (its content is checked on the server, not its name). */
export const importUploadSchema = z.strictObject({
  registry: z.enum(IMPORT_REGISTRIES, "registry.invalidOption"),
  file: z.instanceof(File, { message: "import.refuse.noFile" }),
});

export const IMPORT_MODES = ["all", "validOnly"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** all = every row or nothing; validOnly = the user chose 仅导入有效行. */
export const importCommitSchema = importUploadSchema.extend({
  mode: z.enum(IMPORT_MODES, "registry.invalidOption").default("all"),
});
