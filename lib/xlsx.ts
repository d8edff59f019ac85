import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { contentDispositionAttachment } from "./csv";

// Excel (.xlsx) exports written with exceljs' streaming WorkbookWriter: rows are committed one by one and
// flow to the HTTP response as they are zipped, so a 100,000-row export never sits in memory.

/**
 * `code`: a string of digits that must stay text (credit code, certificate number, phone, ID number), with the
 * text format "@" so a user typing into the cell keeps it text too. `year`: an integer shown without a thousands
 * separator (2021, not 2,021).
 */
export type XlsxCellType = "text" | "code" | "number" | "integer" | "year" | "date" | "datetime" | "percent" | "bool";
export type XlsxColumn = { header: string; width: number; type: XlsxCellType; decimals?: number };

/** Display width of a string in Excel column units: a CJK or full-width character takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

const BEIJING_MS = 8 * 3600_000;

/** YYYY-MM-DD → an Excel date (a UTC-midnight Date is written as that calendar day). */
export function excelDate(date: string | null | undefined): Date | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An ISO instant → an Excel date-time showing Beijing wall-clock time (Excel has no time zones). */
export function excelDateTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_MS);
}

/** Excel number format for a number with this many decimals. */
export function decimalsFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

function numFmt(c: XlsxColumn): string | undefined {
  switch (c.type) {
    case "integer":
      return "#,##0";
    case "year":
      return "0";
    case "code":
      return "@";
    case "number":
    case "percent":
      return decimalsFormat(c.decimals ?? 2);
    case "date":
      return "yyyy-mm-dd";
    case "datetime":
      return "yyyy-mm-dd hh:mm:ss";
    default:
      return undefined;
  }
}

/** Converts a raw value to what the cell should hold for its column type. */
export function cellValue(type: XlsxCellType, v: unknown, yes = "是", no = "否"): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  switch (type) {
    case "number":
    case "integer":
    case "year":
    case "percent":
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    case "date":
      return v instanceof Date ? v : excelDate(String(v));
    case "datetime":
      return v instanceof Date ? v : excelDateTime(String(v));
    case "bool":
      return v === true || v === 1 ? yes : no;
    default:
      // Written as a string cell, never as a formula: "=…" stays text in Excel/WPS/LibreOffice.
      return String(v);
  }
}

/** Backpressure: waits while the client reads slower than we write; throws once the client has gone. */
async function drained(out: PassThrough): Promise<void> {
  if (out.destroyed) throw new Error("client closed the download");
  if (!out.writableNeedDrain) return;
  const ac = new AbortController();
  try {
    await Promise.race([
      once(out, "drain", { signal: ac.signal }),
      once(out, "close", { signal: ac.signal }).then(() => {
        throw new Error("client closed the download");
      }),
    ]);
  } finally {
    ac.abort();
  }
}

/**
 * Bytes a sheet has produced that the zip has not compressed yet. exceljs' sheet stream pushes to the deflate stream
 * without backpressure, so a writer that never waits would buffer the whole sheet; we wait while this is large.
 */
function zipBacklog(ws: ExcelJS.Worksheet): number {
  type Pipe = { writableLength?: number; _writableState?: { length?: number } };
  const s = (ws as unknown as { stream?: { buffers?: unknown[]; pipes?: Pipe[] } }).stream;
  const buffered = (s?.buffers?.length ?? 0) * 65_536;
  // The deflate stream comes from readable-stream (archiver), which has no writableLength getter.
  return buffered + (s?.pipes ?? []).reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0);
}
const MAX_BACKLOG = 4 * 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFB7C3D0" } };

export type SheetWriter = {
  /** Adds one data row (values in column order) and commits it; waits when the client reads slower. */
  add: (values: unknown[], numFmts?: Record<number, string>) => Promise<void>;
  commit: () => Promise<void>;
  rows: () => number;
};

/**
 * A data sheet: bold header row on a tint, frozen, with an auto-filter; typed columns with number/date
 * formats and widths; A4 landscape, fit to width, header row repeated on every printed page.
 */
export function addTableSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  name: string,
  columns: XlsxColumn[],
  opts: {
    landscape?: boolean;
    yes?: string;
    no?: string;
    title?: string;
    empty?: string;
    /** Every row through exceljs' Row objects (the reference the direct writer is tested against). */
    viaExceljs?: boolean;
  } = {},
): SheetWriter {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: opts.landscape === false ? "portrait" : "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    // Every printed page names its sheet (and whatever the caller adds: the quarter, the export date).
    headerFooter: { oddHeader: `&C&"-,Bold"${headerText(opts.title ?? name)}`, oddFooter: "&C第 &P 页，共 &N 页" },
  });
  // One style object per column, given to the column and to every data cell in it: exceljs looks a cell's style up
  // by object identity first (a WeakMap), so a shared object costs one lookup per cell instead of rendering the
  // style's XML for each of them (its default copies the column's style into a new object per cell).
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => {
    const fmt = numFmt(c);
    // Long names wrap inside their column in print instead of being cut off by the next cell.
    const wrap = c.type === "text" ? { alignment: { wrapText: true, vertical: "top" as const } } : {};
    return { ...(fmt ? { numFmt: fmt } : {}), ...wrap };
  });
  ws.columns = columns.map((c, i) => ({ width: c.width, style: styles[i] }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 30;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN };
  });
  header.commit();
  const direct = opts.viaExceljs ? null : directRows(wb, ws, styles);
  let count = 0;
  return {
    add: async (values, numFmts) => {
      const cells = values.map((v, i) => cellValue(columns[i]?.type ?? "text", v, opts.yes, opts.no));
      if (numFmts || !direct?.write(cells)) {
        direct?.flush();
        const row = ws.addRow(cells);
        for (let i = 0; i < cells.length && i < styles.length; i++) row.getCell(i + 1).style = styles[i];
        // A cell's own number format: a style object of its own (the shared one is never mutated).
        if (numFmts)
          for (const [i, f] of Object.entries(numFmts)) {
            const cell = row.getCell(Number(i) + 1);
            cell.style = { ...cell.style, numFmt: f };
          }
        row.commit();
      }
      count++;
      if (count % 256 === 0) {
        direct?.flush();
        // Let the zip and the socket catch up: yield to the event loop, and wait while either is far behind.
        await new Promise((r) => setImmediate(r));
        while (zipBacklog(ws) > MAX_BACKLOG) await sleep(2);
        await drained(out);
      }
    },
    commit: async () => {
      direct?.flush();
      // An empty list prints as 无 rather than as a bare header.
      if (count === 0 && opts.empty) ws.addRow([opts.empty]).commit();
      await ws.commit();
    },
    rows: () => count,
  };
}

/** exceljs' XML escaping (utils.xmlEncode): the five entities; control characters other than tab/LF/CR dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
function xmlEncode(text: string): string {
  const first = XML_SPECIAL.exec(text);
  if (!first) return text;
  let result = "";
  let lastIndex = 0;
  let i = first.index;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entity: string;
    if (c === 34) entity = "&quot;";
    else if (c === 38) entity = "&amp;";
    else if (c === 39) entity = "&apos;";
    else if (c === 60) entity = "&lt;";
    else if (c === 62) entity = "&gt;";
    else if (c === 127 || (c <= 31 && (c <= 8 || (c >= 11 && c !== 13)))) entity = "";
    else continue;
    if (lastIndex !== i) result += text.substring(lastIndex, i);
    lastIndex = i + 1;
    result += entity;
  }
  return lastIndex !== i ? result + text.substring(lastIndex, i) : result;
}

/** A column number as its letters: 1 → A, 27 → AA. */
function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

type WorksheetInternals = {
  stream?: { write: (xml: string) => unknown };
  useSharedStrings?: boolean;
  startedData?: boolean;
  _rowZero?: number;
  _rows?: unknown[] | null;
};

/**
 * Data rows written straight into the sheet's XML stream, exactly as exceljs writes them (the same bytes:
 * tests/unit/xlsx.test.ts compares both ways), without exceljs' Row and Cell objects, their models and an XML
 * builder per row — for 100,000 rows most of an export's time. Only for what a table sheet holds (no shared strings,
 * no per-cell formats); `write` answers false for a row it cannot write (a value other than a string, a finite
 * number or a date), which then goes through exceljs. Null when this exceljs does not look as expected (its
 * stream writer's internals), so every row goes through exceljs.
 */
function directRows(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  styles: Partial<ExcelJS.Style>[],
): { write: (cells: ExcelJS.CellValue[]) => boolean; flush: () => void } | null {
  const ws = worksheet as unknown as WorksheetInternals;
  const styleIndex = (wb as unknown as { styles?: { addStyleModel?: (style: object) => number } }).styles;
  const stream = ws.stream;
  if (
    !stream ||
    typeof stream.write !== "function" ||
    ws.useSharedStrings !== false ||
    ws.startedData !== true ||
    typeof ws._rowZero !== "number" ||
    !Array.isArray(ws._rows) ||
    ws._rows.length !== 0 ||
    typeof styleIndex?.addStyleModel !== "function"
  )
    return null;
  // The style index exceljs gives each cell of a column: the column's shared style object (looked up by identity).
  const s = styles.map((st) => {
    const id = styleIndex.addStyleModel?.(st) ?? 0;
    return id ? ` s="${id}"` : "";
  });
  const letters = styles.map((_, i) => columnLetters(i + 1));
  let pending = "";
  return {
    write: (cells) => {
      const r = ws._rowZero as number;
      let xml = "";
      let hasValue = false;
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i];
        const col = letters[i] ?? columnLetters(i + 1);
        const style = s[i] ?? "";
        if (v === null || v === undefined) {
          // exceljs leaves out an empty cell without a style.
          if (style) xml += `<c r="${col}${r}"${style}/>`;
        } else if (typeof v === "string") {
          hasValue = true;
          xml += `<c r="${col}${r}"${style} t="str"><v>${xmlEncode(v)}</v></c>`;
        } else if (typeof v === "number" && Number.isFinite(v)) {
          hasValue = true;
          xml += `<c r="${col}${r}"${style}><v>${v}</v></c>`;
        } else if (v instanceof Date && !Number.isNaN(v.getTime())) {
          hasValue = true;
          // utils.dateToExcel: days since 1899-12-30 (1900 date system).
          xml += `<c r="${col}${r}"${style}><v>${25569 + v.getTime() / (24 * 3600 * 1000)}</v></c>`;
        } else return false;
      }
      // A row without a value is not written (exceljs: Row.hasValues), but takes its number.
      if (hasValue) pending += `<row r="${r}" spans="1:${cells.length}" x14ac:dyDescent="0.25">${xml}</row>`;
      ws._rowZero = r + 1;
      return true;
    },
    flush: () => {
      if (pending) stream.write(pending);
      pending = "";
    },
  };
}

/** Excel header/footer codes start with &: a literal ampersand in a title is doubled. */
function headerText(s: string): string {
  return s.replaceAll("&", "&&");
}

/** Starts a streamed workbook; `write` fills it; the response streams while it runs. */
export function xlsxResponse(opts: {
  filename: string;
  write: (wb: ExcelJS.stream.xlsx.WorkbookWriter, out: PassThrough) => Promise<void>;
  onDone?: () => void;
  onError?: (err: unknown) => void;
}): Response {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "渝北区科技局";
  wb.created = new Date();
  (async () => {
    try {
      await opts.write(wb, out);
      await wb.commit();
      opts.onDone?.();
    } catch (err) {
      opts.onError?.(err);
      out.destroy(err as Error);
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDispositionAttachment(opts.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
