/**
 * CSV output intended to be opened in Excel / WPS by bureau staff.
 * RFC 4180 quoting, CRLF line ends, UTF-8 with BOM, and formula-injection
 * neutralisation for user-entered text (OWASP "CSV Injection").
 */

/** Without a BOM, Excel on Chinese Windows decodes UTF-8 CSV as GBK and shows mojibake. */
export const CSV_BOM = "\uFEFF";

/** Leading characters that make Excel/WPS evaluate a cell as a formula (or DDE). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

const NEEDS_QUOTING = /[",\r\n]/;

/** China has been on a fixed UTC+8 with no DST since 1991, so a constant offset is exact. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Dates are rendered as the calendar day in China time, not UTC and not the
 * server's zone: a timestamp at 00:30 Beijing time must not be exported as
 * the previous day just because the container runs in UTC.
 */
function formatDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return "";
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function formatString(s: string): string {
  // The quote makes Excel treat the cell as literal text; it is visible in
  // the cell, which is the accepted trade-off for not executing formulas.
  const safe = s.length > 0 && FORMULA_TRIGGERS.has(s[0]) ? `'${s}` : s;
  return NEEDS_QUOTING.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A value a spreadsheet would read as a number, a date or a time: digits with separators, signs, an exponent,
 * a percent sign. An 18-digit credit code such as 915001129560572123 opens as 9.15001129560572E+17 and is
 * destroyed on save; "0123" loses its zero; "9150011234567E12" is scientific notation.
 */
const SPREADSHEET_WOULD_CONVERT = /^[\d\s.,:/%+\-eE]+$/;

/**
 * A code column (credit code, certificate number, phone, ID number): written as ="…" when a spreadsheet would
 * otherwise convert it, so Excel, WPS and LibreOffice show the exact characters as text. The value sits inside a
 * string literal with its quotes doubled, so nothing in it is evaluated; this never wraps user text of other
 * columns, whose leading = + - @ stay neutralised by formatString.
 */
function formatCode(s: string): string {
  if (!s || !SPREADSHEET_WOULD_CONVERT.test(s)) return formatString(s);
  const literal = `="${s.replaceAll('"', '""')}"`;
  return `"${literal.replaceAll('"', '""')}"`;
}

/** How a column's cells are written: `code` keeps digit strings as text in a spreadsheet. */
export type CsvColumnKind = "code" | "other";

export function csvCell(value: unknown, kind: CsvColumnKind = "other"): string {
  if (value === null || value === undefined) return "";
  if (kind === "code" && typeof value === "string") return formatCode(value);
  // Numbers are typed data, not user text, so a negative number is not a
  // formula and must stay numeric in Excel. String() gives plain decimal for
  // 1e-6 <= |n| < 1e21 (any export value); NaN/Infinity have no meaningful cell value.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return formatDate(value);
  return formatString(typeof value === "string" ? value : String(value));
}

export function csvRow(values: unknown[], kinds?: readonly CsvColumnKind[]): string {
  return `${values.map((v, i) => csvCell(v, kinds?.[i])).join(",")}\r\n`;
}

/**
 * Yields the BOM + header, then one chunk per `batchSize` rows. Batching keeps
 * memory flat for 100k-row exports while avoiding one tiny write per row.
 * Accepts sync or async iterables so a paged DB cursor can be passed directly.
 */
export async function* csvStream(
  header: string[],
  rows: Iterable<unknown[]> | AsyncIterable<unknown[]>,
  batchSize = 500,
  kinds?: readonly CsvColumnKind[],
): AsyncGenerator<string> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`csvStream: batchSize must be a positive integer, got ${batchSize}`);
  }
  yield CSV_BOM + csvRow(header);
  let batch: string[] = [];
  for await (const row of rows) {
    batch.push(csvRow(row, kinds));
    if (batch.length >= batchSize) {
      yield batch.join("");
      batch = [];
    }
  }
  if (batch.length > 0) yield batch.join("");
}

/**
 * RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unescaped, but they
 * are not attr-chars, so they are encoded too.
 */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/**
 * `filename*` carries the real (Chinese) name for every current browser; the
 * plain `filename` is only a fallback for old clients. In the fallback,
 * non-ASCII and control characters become "_" (control chars such as CR/LF
 * would otherwise allow header injection), and `"` and `\` are dropped since
 * they would break out of or escape the quoted-string.
 */
export function contentDispositionAttachment(filename: string): string {
  // A lone surrogate would make encodeURIComponent throw a URIError.
  const name = filename.toWellFormed();
  const fallback = Array.from(name, (c) => {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"' || c === "\\") return "";
    return code < 0x20 || code > 0x7e ? "_" : c;
  }).join("");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
