import "server-only";
import type Database from "better-sqlite3";
import { getDb } from "@/db";
import { type ImportPlan, planImport, type SheetCounts } from "@/features/import/engine";
import { ActionError, translate } from "@/lib/action";
import type { T } from "@/lib/i18n/core";
import { ImportRefused, type RawSheet, readWorkbook } from "@/lib/import/workbook";
import { MAX_FILE_BYTES } from "@/lib/import/zip";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { maskedFields } from "@/lib/masked-fields";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { changedFields } from "@/lib/registry/diff";
import type { DataScope } from "@/lib/scope";
import type { ColumnSpec, ImportRegistry } from "./registries";

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
  /** Each 更新 row's changes, field by field (the first MAX_UPDATES_SHOWN rows). */
  updates: ImportUpdate[];
  updateCount: number;
};

export type ImportUpdate = {
  sheet: string;
  row: number;
  /** The record: its name (or the row's key values). */
  record: string;
  changes: { field: string; label: string; before: string; after: string }[];
};

export const MAX_UPDATES_SHOWN = 200;
const NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6 });

/** Each updated row's changed fields, labelled from the template's columns, values as the user reads them. */
function describeUpdates(p: ImportPlan, t: T): ImportUpdate[] {
  const rows = p.rows.filter((r) => r.outcome === "updated" && r.before).slice(0, MAX_UPDATES_SHOWN);
  if (rows.length === 0) return [];
  const dict = getDictionaryLabels();
  const masked = maskedFields();
  const enterpriseIds = new Set<number>();
  for (const r of rows)
    for (const c of r.spec.columns)
      if (c.kind === "enterpriseRef" || c.kind === "parent")
        for (const v of [r.values[c.field], r.before?.[c.field]]) if (typeof v === "number") enterpriseIds.add(v);
  const names = new Map<number, string>();
  if (enterpriseIds.size) {
    const ids = [...enterpriseIds];
    const stmt = getDb().$client.prepare(
      `SELECT id, name FROM enterprises WHERE id IN (${ids.map(() => "?").join(",")})`,
    );
    for (const e of stmt.all(...ids) as { id: number; name: string }[]) names.set(e.id, e.name);
  }
  const show = (c: ColumnSpec, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    const mask = masked.get(c.field);
    if (mask && typeof v === "string") return mask === "phone" ? maskPhone(v) : maskIdNumber(v);
    if (c.kind === "dict" && typeof v === "number") return dict.get(v) ?? String(v);
    if (c.kind === "enum" && typeof v === "string" && c.options?.[v]) return t(c.options[v]);
    if (c.kind === "bool") return v === true || v === 1 ? t("common.yes") : t("common.no");
    if ((c.kind === "enterpriseRef" || c.kind === "parent") && typeof v === "number") return names.get(v) ?? String(v);
    if (typeof v === "number" && c.kind === "number") return NUMBER.format(v);
    return String(v);
  };
  return rows.map((r) => {
    const before = r.before as Record<string, unknown>;
    const diff = changedFields(before, r.values as Record<string, unknown>);
    const record =
      typeof r.values.name === "string" && r.values.name
        ? r.values.name
        : r.spec.naturalKey
            .map((k) => {
              const c = r.spec.columns.find((x) => x.field === k);
              return c ? show(c, r.values[k]) : "";
            })
            .filter(Boolean)
            .join(" · ");
    return {
      sheet: p.sheets.find((s) => s.key === r.spec.key)?.name ?? t(r.spec.sheet),
      row: r.rowNumber,
      record,
      changes: r.spec.columns
        .filter((c) => c.field in diff.after)
        .map((c) => ({
          field: c.field,
          label: t(c.header),
          before: show(c, before[c.field]),
          after: show(c, r.values[c.field]),
        })),
    };
  });
}

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
    updates: describeUpdates(p, t),
    updateCount: p.totals.updated,
  };
}
