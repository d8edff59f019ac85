import ExcelJS from "exceljs";
import { displayValue } from "./cells";
import { inspectXlsx, streamEntry, type ZipEntry, ZipRefused } from "./zip";

export const MAX_DATA_ROWS = 50_000;
/**
 * Cells holding a value, over all sheets: 50,000 rows of the widest template sheet are under 700,000. A file
 * within the row limit but with thousands of columns per row would otherwise cost gigabytes in exceljs.
 */
export const MAX_VALUE_CELLS = 1_000_000;

/** A refusal of the whole file; `message` is a catalogue key ("key|param=value"). */
export class ImportRefused extends Error {}

export type RawRow = { rowNumber: number; cells: unknown[] };
export type RawSheet = { name: string; headers: string[]; rows: RawRow[] };

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const ROW_TAG = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
const ROW_NUMBER = /\br\s*=\s*"(\d+)"/;
// A cell with a value (<v>), an inline string (<is>) or a formula (<f>); a styled empty cell has none.
const HAS_VALUE = /<(?:v|is|f)\b/;
const VALUE_TAG = /<(?:v|is)\b/g;
/** One row's XML can be large (16,384 cells); one that never closes within this much text is refused. */
const MAX_ROW_XML = 4 * 1024 * 1024;

/**
 * Counts the data rows of every worksheet straight from the inflating XML, and stops at row
 * MAX_DATA_ROWS + 1: a 1,048,576-row sheet is refused after reading a twentieth of it, with nothing
 * built in memory. Every other part is inflated in chunks too, which checks its declared size.
 */
export async function scanRows(
  buf: Uint8Array,
  entries: ZipEntry[],
  /** Filled with how much worksheet XML was inflated before the verdict (tests check the scan stopped early). */
  read: { sheetBytes: number } = { sheetBytes: 0 },
): Promise<void> {
  let total = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const isSheet = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    if (!isSheet) {
      await streamEntry(buf, entry, () => true);
      continue;
    }
    let carry = "";
    let rowIndex = 0;
    let over: "rows" | "cells" | null = null;
    const decoder = new TextDecoder();
    await streamEntry(buf, entry, (chunk) => {
      read.sheetBytes += chunk.byteLength;
      const text = carry + decoder.decode(chunk, { stream: true });
      ROW_TAG.lastIndex = 0;
      let end = 0;
      for (let m = ROW_TAG.exec(text); m; m = ROW_TAG.exec(text)) {
        end = ROW_TAG.lastIndex;
        rowIndex++;
        const rowNumber = Number(ROW_NUMBER.exec(m[1])?.[1] ?? rowIndex);
        if (!m[3] || !HAS_VALUE.test(m[3])) continue;
        cells += m[3].match(VALUE_TAG)?.length ?? 0;
        if (cells > MAX_VALUE_CELLS) {
          over = "cells";
          return false;
        }
        if (rowNumber === 1) continue;
        total++;
        if (total > MAX_DATA_ROWS) {
          over = "rows";
          return false;
        }
      }
      // Keep only an unfinished row (or a tag cut in half) for the next chunk.
      const open = text.indexOf("<row", end);
      carry = open >= 0 ? text.slice(open) : text.slice(Math.max(end, text.length - 8));
      if (carry.length > MAX_ROW_XML) throw new ZipRefused("corrupt");
      return true;
    });
    if (over === "rows") throw new ImportRefused(`import.refuse.tooManyRows|max=${MAX_DATA_ROWS}`);
    if (over === "cells") throw new ImportRefused(`import.refuse.tooManyCells|max=${MAX_VALUE_CELLS}`);
  }
}

/**
 * Checks the upload (zip structure, content type, sizes) before exceljs sees it, then reads every sheet:
 * row 1 is the header, blank rows are skipped, row numbers are Excel's.
 */
export async function readWorkbook(buf: Buffer): Promise<RawSheet[]> {
  try {
    const { entries } = inspectXlsx(buf);
    await scanRows(buf, entries);
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
