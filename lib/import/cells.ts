// Spreadsheet cell → form value conversions for the import. Pure: no database, no exceljs types needed
// (cells are whatever exceljs reports: string, number, boolean, Date, rich text, hyperlink, formula, error).

/** A cell that cannot become a value; `message` is a catalogue key ("key|param=value"). */
export class CellError extends Error {}

/** Header text → comparable key: no spaces, no required-marker, half-width brackets. */
export function normaliseHeader(h: unknown): string {
  return String(h ?? "")
    .replace(/[\s\u3000]/g, "")
    .replace(/[*＊]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .toLowerCase();
}

type FormulaCell = { formula?: string; sharedFormula?: string; result?: unknown };

function isFormula(v: object): v is FormulaCell {
  return "formula" in v || "sharedFormula" in v;
}

/**
 * The plain value of a cell: rich text and hyperlinks become their text; a formula becomes its cached
 * result, and a formula without one (never calculated, e.g. written by a script) is refused.
 */
export function plainCellValue(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    if (isFormula(v)) {
      if (v.result === undefined || v.result === null) throw new CellError("import.cell.formulaNoResult");
      if (typeof v.result === "object" && !(v.result instanceof Date) && "error" in (v.result as object)) {
        throw new CellError("import.cell.formulaError");
      }
      return plainCellValue(v.result);
    }
    if ("richText" in v && Array.isArray((v as { richText: unknown }).richText)) {
      return plainCellValue((v as { richText: { text: string }[] }).richText.map((r) => r.text).join(""));
    }
    if ("text" in v) return plainCellValue((v as { text: unknown }).text);
    if ("error" in v) throw new CellError("import.cell.errorValue");
  }
  return String(v);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel serial day number (1900 system) → YYYY-MM-DD. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Date cells (exceljs gives UTC midnight), typed text (2021-03-31, 2021/3/31, 2021.3.31, 2021年3月31日)
 * and bare serial numbers → YYYY-MM-DD. Impossible dates are left for the schema to refuse.
 */
export function toIsoDate(v: string | number | boolean | Date): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new CellError("registry.dateFormat");
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === "number") {
    if (v > 0 && v < 2_958_466) return serialToIso(v);
    throw new CellError("registry.dateFormat");
  }
  const s = String(v).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  if (/^\d{5}(\.\d+)?$/.test(s)) return serialToIso(Number(s));
  return s; // the schema says what is wrong with it
}

/** 是/否 (also Y/N, true/false, 1/0, √/×) → boolean; blank → false (the form's unticked checkbox). */
export function toBoolean(v: string | number | boolean | Date | null): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  const s = String(v).trim().toLowerCase();
  if (["是", "y", "yes", "true", "1", "√"].includes(s)) return true;
  if (["否", "n", "no", "false", "0", "×", ""].includes(s)) return false;
  throw new CellError("import.cell.yesNo");
}

/** Text columns: numbers typed into them (phone numbers, certificate numbers) become their digits. */
export function toText(v: string | number | boolean | Date | null): string | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  return v.trim();
}

/** A label from a list (dictionary or enum) → its value; trims and ignores full/half-width spaces. */
export function lookupLabel<V>(map: Map<string, V>, v: string | number | boolean | Date | null): V | null {
  const text = toText(v);
  if (text === null || text === "") return null;
  const hit = map.get(text.replace(/[\s\u3000]/g, ""));
  if (hit === undefined) throw new CellError(`import.cell.unknownOption|value=${encodeURIComponent(text)}`);
  return hit;
}

/** Label map key: the same normalisation lookupLabel applies to the cell. */
export const labelKey = (label: string) => label.replace(/[\s\u3000]/g, "");

/** A cell as text for previews and the error report. */
export function displayValue(v: unknown): string {
  try {
    const p = plainCellValue(v);
    if (p === null) return "";
    if (p instanceof Date) return p.toISOString().slice(0, 10);
    return String(p);
  } catch {
    const f = v as FormulaCell;
    return `=${f.formula ?? f.sharedFormula ?? ""}`;
  }
}
