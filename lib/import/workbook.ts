import ExcelJS from "exceljs";
import { displayValue } from "./cells";
import { inspectXlsx, verifyEntries, ZipRefused } from "./zip";

export const MAX_DATA_ROWS = 50_000;

/** A refusal of the whole file; `message` is a catalogue key ("key|param=value"). */
export class ImportRefused extends Error {}

export type RawRow = { rowNumber: number; cells: unknown[] };
export type RawSheet = { name: string; headers: string[]; rows: RawRow[] };

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Checks the upload (zip structure, content type, sizes) before exceljs sees it, then reads every sheet:
 * row 1 is the header, blank rows are skipped, row numbers are Excel's.
 */
export async function readWorkbook(buf: Buffer): Promise<RawSheet[]> {
  try {
    const { entries } = inspectXlsx(buf);
    verifyEntries(buf, entries);
  } catch (err) {
    if (err instanceof ZipRefused) throw new ImportRefused(`import.refuse.${err.reason}`);
    throw err;
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer. The template's drop-down lists span 50,000 rows and
    // exceljs would expand them cell by cell; the import needs values only.
    await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: ["dataValidations", "conditionalFormatting"] });
  } catch {
    throw new ImportRefused("import.refuse.unreadable");
  }
  const sheets: RawSheet[] = [];
  let total = 0;
  for (const ws of wb.worksheets) {
    const headers: string[] = [];
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based and sparse.
      const values = (row.values as unknown[]).slice(1);
      if (rowNumber === 1) {
        for (let i = 0; i < values.length; i++) headers[i] = displayValue(values[i]).trim();
        return;
      }
      if (values.every(isBlank)) return;
      total++;
      if (total > MAX_DATA_ROWS) throw new ImportRefused(`import.refuse.tooManyRows|max=${MAX_DATA_ROWS}`);
      rows.push({ rowNumber, cells: values });
    });
    sheets.push({ name: ws.name, headers, rows });
  }
  return sheets;
}
