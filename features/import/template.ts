import ExcelJS from "exceljs";
import type { DictionaryKind } from "@/db/schema";
import { type ColumnSpec, type ImportRegistry, REGISTRY_SPECS } from "@/features/import/registries";
import { makeT, type T } from "@/lib/i18n/core";
import { displayValue, normaliseHeader } from "@/lib/import/cells";
import { MAX_DATA_ROWS } from "@/lib/import/workbook";
import type { ImportPlan } from "./engine";

// The downloadable template (headers, drop-down lists from the live dictionaries, a guide sheet with an
// example row) and the error report (the uploaded rows plus an 错误原因 column). Both plain .xlsx files
// that open in Excel, WPS and LibreOffice.

const zh = makeT("zh-CN");
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
const ERROR_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E1" } };
const LAST_ROW = MAX_DATA_ROWS + 1;

type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const templateHeader = (c: ColumnSpec) => `${c.required ? "*" : ""}${zh(c.header)}`;

function formatNote(c: ColumnSpec): string {
  if (c.kind === "enum") {
    return zh("import.guide.formats.enum", {
      options: Object.values(c.options ?? {})
        .map((k) => zh(k))
        .join(" / "),
    });
  }
  if (c.kind === "parent") return zh("import.guide.formats.enterpriseRef");
  return zh(`import.guide.formats.${c.kind}`);
}

function excelAddress(col: number, row: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/** The import template of a registry, with drop-down lists of the enabled dictionary labels. */
export async function buildTemplate(
  registry: ImportRegistry,
  dictionaries: Partial<Record<DictionaryKind, string[]>>,
): Promise<Buffer> {
  return Buffer.from(await templateWorkbook(registry, dictionaries).xlsx.writeBuffer());
}

/** The template as a workbook: the guide sheet, the hidden lists, and one data sheet per sheet of the registry. */
function templateWorkbook(
  registry: ImportRegistry,
  dictionaries: Partial<Record<DictionaryKind, string[]>>,
): ExcelJS.Workbook {
  const reg = REGISTRY_SPECS[registry];
  const wb = new ExcelJS.Workbook();
  wb.creator = zh("app.short");
  wb.created = new Date();

  const guide = wb.addWorksheet(zh("import.sheets.guide"));
  guide.columns = [{ width: 30 }, { width: 10 }, { width: 60 }];
  guide.addRow([zh("import.guide.title", { name: zh(reg.label) })]).font = { bold: true, size: 14 };
  for (const k of ["intro", "dictionaries", "dates", "rerun"] as const) guide.addRow([zh(`import.guide.${k}`)]);

  // Dictionary lists live on a hidden sheet, one column per dictionary; list validations point at them.
  const lists = wb.addWorksheet(zh("import.sheets.lists"));
  const listRanges = new Map<DictionaryKind, string>();
  const kinds = [
    ...new Set(reg.sheets.flatMap((s) => s.columns.map((c) => c.dict)).filter((d): d is DictionaryKind => !!d)),
  ];
  kinds.forEach((kind, i) => {
    const labels = dictionaries[kind] ?? [];
    const col = lists.getColumn(i + 1);
    col.values = [zh(`dictionaries.kinds.${kind}`), ...labels];
    col.width = 30;
    const letter = excelAddress(i + 1, 1).replace(/\d+$/, "");
    listRanges.set(kind, `'${lists.name}'!$${letter}$2:$${letter}$${Math.max(2, labels.length + 1)}`);
  });
  lists.state = "hidden";

  const exampleOf = (c: ColumnSpec) => (c.dict ? (dictionaries[c.dict]?.[0] ?? "") : (c.example ?? ""));

  for (const spec of reg.sheets) {
    const ws = wb.addWorksheet(zh(spec.sheet), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({
      header: templateHeader(c),
      width: c.width ?? Math.max(14, zh(c.header).length * 2 + 4),
      style:
        c.kind === "date"
          ? { numFmt: "yyyy-mm-dd" }
          : c.kind === "text" || c.kind === "parent" || c.kind === "enterpriseRef"
            ? { numFmt: "@" }
            : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell, n) => {
      cell.fill = HEADER_FILL;
      if (spec.columns[n - 1]?.required) cell.font = { bold: true, color: { argb: "FFB91C1C" } };
      cell.note = formatNote(spec.columns[n - 1]);
    });
    const dv = (ws as unknown as WithValidations).dataValidations;
    spec.columns.forEach((c, i) => {
      const range = `${excelAddress(i + 1, 2)}:${excelAddress(i + 1, LAST_ROW)}`;
      const list =
        c.kind === "dict" && c.dict
          ? listRanges.get(c.dict)
          : c.kind === "enum"
            ? `"${Object.values(c.options ?? {})
                .map((k) => zh(k))
                .join(",")}"`
            : c.kind === "bool"
              ? `"${zh("common.yes")},${zh("common.no")}"`
              : null;
      if (!list) return;
      dv.add(range, {
        type: "list",
        allowBlank: !c.required,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: "error",
        errorTitle: zh(c.header),
        error: zh("registry.invalidOption"),
      });
    });

    // The guide: the columns of this sheet and an example row (not imported: it is on the guide sheet).
    guide.addRow([]);
    guide.addRow([`【${zh(spec.sheet)}】`]).font = { bold: true, size: 12 };
    const keys = spec.naturalKey
      .map((f) => spec.columns.find((c) => c.field === f))
      .filter((c): c is ColumnSpec => !!c)
      .map((c) => zh(c.header))
      .join(" + ");
    guide.addRow([zh("import.guide.keys", { keys })]);
    const th = guide.addRow([zh("import.guide.column"), zh("import.guide.required"), zh("import.guide.format")]);
    th.font = { bold: true };
    th.eachCell((cell) => {
      cell.fill = HEADER_FILL;
    });
    for (const c of spec.columns) {
      guide.addRow([zh(c.header), c.required ? zh("common.yes") : "", formatNote(c)]);
    }
    guide.addRow([zh("import.guide.example")]);
    const exHeader = guide.addRow(spec.columns.map(templateHeader));
    exHeader.font = { bold: true };
    guide.addRow(spec.columns.map(exampleOf)).font = { italic: true, color: { argb: "FF64748B" } };
  }
  // Open on the first data sheet.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 2, visibility: "visible" }];
  return wb;
}

/** A reason as the report shows it: the column named once (not when the message already names it). */
function reasonText(column: string | null | undefined, message: string): string {
  const name = (column ?? "").replace(/^\*/, "").trim();
  return name && !message.includes(name) ? `${name}：${message}` : message;
}

/**
 * The error report: the template itself (its 填写说明 sheet, drop-down lists and formats kept, so the user corrects
 * the rows where they are and uploads the file again) with the uploaded rows in their own row numbers, each
 * problem row tinted and its reasons in an added 错误原因 column. Uploaded columns the template lacks follow its own.
 */
export async function buildErrorReport(
  plan: ImportPlan,
  t: T,
  translate: (m: string) => string,
  template: { registry: ImportRegistry; dictionaries: Partial<Record<DictionaryKind, string[]>> },
): Promise<Buffer> {
  const wb = templateWorkbook(template.registry, template.dictionaries);
  const reg = REGISTRY_SPECS[template.registry];
  const reasons = new Map<string, string[]>();
  for (const e of plan.errors) {
    const k = `${e.sheet}\u0000${e.row}`;
    const list = reasons.get(k) ?? [];
    list.push(reasonText(e.column, translate(e.message)));
    reasons.set(k, list);
  }
  let firstWithErrors: number | null = null;
  for (const s of plan.sheets) {
    const spec = reg.sheets.find((x) => x.key === s.key);
    const ws =
      (spec && wb.getWorksheet(zh(spec.sheet))) || wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const header = ws.getRow(1);
    // Where each uploaded column goes: the template's column of the same header, else after the template's.
    const templateCols = spec ? spec.columns.map((c) => normaliseHeader(zh(c.header))) : [];
    let next = templateCols.length;
    const target = s.raw.headers.map((h) => {
      const at = templateCols.indexOf(normaliseHeader(h));
      if (at >= 0) return at + 1;
      next += 1;
      header.getCell(next).value = h;
      return next;
    });
    const reasonCol = next + 1;
    header.getCell(reasonCol).value = t("import.columns.errorReason");
    header.font = { bold: true };
    for (let i = 1; i <= reasonCol; i++) header.getCell(i).fill = HEADER_FILL;
    ws.getColumn(reasonCol).width = 60;
    ws.getColumn(reasonCol).alignment = { wrapText: true, vertical: "top" };
    for (const r of s.raw.rows) {
      const row = ws.getRow(r.rowNumber);
      for (let i = 0; i < s.raw.headers.length; i++) {
        const v = r.cells[i];
        if (v === null || v === undefined) continue;
        // Formulas and rich text are written as the values they show.
        row.getCell(target[i]).value =
          typeof v === "object" && !(v instanceof Date) ? displayValue(v) : (v as ExcelJS.CellValue);
      }
      const why = reasons.get(`${s.name}\u0000${r.rowNumber}`);
      if (why) {
        row.getCell(reasonCol).value = why.join("；");
        for (let i = 1; i <= reasonCol; i++) row.getCell(i).fill = ERROR_FILL;
        if (firstWithErrors === null) firstWithErrors = wb.worksheets.indexOf(ws);
      }
    }
  }
  // Open on the first sheet with a problem.
  if (firstWithErrors !== null)
    wb.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: firstWithErrors, visibility: "visible" },
    ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
