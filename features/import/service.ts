import "server-only";
import type Database from "better-sqlite3";
import { type ImportPlan, planImport, type SheetCounts } from "@/features/import/engine";
import { ActionError, translate } from "@/lib/action";
import type { T } from "@/lib/i18n/core";
import { ImportRefused, type RawSheet, readWorkbook } from "@/lib/import/workbook";
import { MAX_FILE_BYTES } from "@/lib/import/zip";
import type { DataScope } from "@/lib/scope";
import type { ImportRegistry } from "./registries";

// Glue between the import engine and its callers (the two server actions and the error-report route).

export const MAX_ERRORS_SHOWN = 500;
/**
 * The import actions' input cap (the wrapper's maxInputBytes): above the 10 MB file limit, so an 11 MB
 * file still reaches readUpload and gets the specific "file too large" message.
 */
export const MAX_UPLOAD_INPUT_BYTES = MAX_FILE_BYTES + 2 * 1024 * 1024;

/** Reads an uploaded file into raw sheets; every refusal is an ActionError with a Chinese message. */
export async function readUpload(file: File): Promise<RawSheet[]> {
  if (!file.name && file.size === 0) throw new ActionError("import.refuse.noFile");
  if (file.size === 0) throw new ActionError("import.refuse.empty");
  // Checked before reading the body into memory as well as in inspectXlsx.
  if (file.size > MAX_FILE_BYTES) throw new ActionError("import.refuse.tooLarge");
  try {
    return await readWorkbook(Buffer.from(await file.arrayBuffer()));
  } catch (err) {
    if (err instanceof ImportRefused) throw new ActionError(err.message);
    throw err;
  }
}

/** Plans an import as `who` would write it: rows outside their data scope are refused row by row. */
export function plan(
  sqlite: Database.Database,
  registry: ImportRegistry,
  sheets: RawSheet[],
  who: { id: number; scope: DataScope },
): ImportPlan {
  try {
    return planImport(sqlite, registry, sheets, { userId: who.id, scope: who.scope });
  } catch (err) {
    if (err instanceof ImportRefused) throw new ActionError(err.message);
    throw err;
  }
}

export type ImportPreview = {
  registry: ImportRegistry;
  file: string;
  totals: SheetCounts;
  sheets: { name: string; counts: SheetCounts }[];
  errorCount: number;
  errors: { sheet: string; row: number; column: string; value: string; reason: string }[];
};

/** What the page shows: counts per sheet and the first errors, translated for the user. */
export function summarise(p: ImportPlan, file: string, t: T): ImportPreview {
  return {
    registry: p.registry.key,
    file,
    totals: p.totals,
    sheets: p.sheets.map((s) => ({ name: s.name, counts: s.counts })),
    errorCount: p.errors.length,
    errors: p.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => ({
      sheet: e.sheet,
      row: e.row,
      column: e.column,
      value: e.value.length > 200 ? `${e.value.slice(0, 200)}…` : e.value,
      reason: translate(t, e.message),
    })),
  };
}
