import { parseDecimal } from "@/lib/zod";
import "@/lib/i18n/page-sections/kpi";
// Pure parsing of pasted (or uploaded) district values: one column in the order shown, or two columns
// (name + value, either order, any row order), matched to the district dictionary by name. No I/O, so the
// browser's preview and the unit tests run the same code.

export type PasteDistrict = { id: number; label: string };

/** A refusal of one pasted row (or of the whole paste when `line` is null); `key` is a catalogue key. */
export type PasteError = { line: number | null; key: string; params: Record<string, string | number> };

export type PasteResult = {
  /** district id → the pasted value as typed ("" = no data); only when there are no errors. */
  values: Map<number, string>;
  errors: PasteError[];
  /** Names of districts that were pasted but are not entered here (e.g. our computed value). */
  ignored: string[];
  mode: "column" | "pairs" | "empty";
  headerSkipped: boolean;
};

/**
 * Parses a typed or pasted district value: "" → null; decimal notation only, with correctly grouped thousands
 * ("0x10", "1e3" and "1,2,3" are refused, as in the registries); must be a finite number ≥ 0.
 */
export function parseCell(s: string): number | null | "invalid" {
  const t = s.replace(/\s/g, "").replace(/，/g, ",").replace(/^＋/, "+");
  const r = parseDecimal(t, { thousands: true });
  if (!r.ok) return "invalid";
  if (r.value === null) return null;
  return Number.isFinite(r.value) && r.value >= 0 ? r.value : "invalid";
}

const ETHNIC = "(?:土家族|苗族|彝族|回族|藏族|羌族|蒙古族|满族|侗族|壮族|瑶族|仡佬族|布依族|白族|哈尼族)";
const AUTONOMOUS = new RegExp(`^(.+?)${ETHNIC}+自治县$`);

/** Spaces, full-width spaces and a leading 重庆市 / 重庆 make no difference to a name. */
export function normaliseName(s: string): string {
  return s
    .replace(/[\s\u3000]/g, "")
    .replace(/^重庆市?/, "")
    .trim();
}

/**
 * The names a district is known by: its dictionary label, the label without its 区/县/新区 suffix, and for an
 * autonomous county the bare place name with or without 县 (石柱土家族自治县 → 石柱 / 石柱县).
 */
export function nameVariants(label: string): string[] {
  const full = normaliseName(label);
  const out = new Set([full]);
  const auto = AUTONOMOUS.exec(full);
  if (auto) {
    out.add(auto[1]);
    out.add(`${auto[1]}县`);
    out.add(`${auto[1]}自治县`);
  } else if (full.endsWith("自治县")) {
    out.add(full.slice(0, -3));
  } else if (full.endsWith("新区") && full.length > 2) {
    out.add(full.slice(0, -2));
    out.add(full.slice(0, -1));
  } else if (/[区县]$/.test(full) && full.length > 1) {
    out.add(full.slice(0, -1));
  }
  return [...out];
}

/** variant → district id; a variant two districts share is ambiguous (null) and never matched. */
export function buildNameIndex(districts: PasteDistrict[]): Map<string, number | null> {
  const index = new Map<string, number | null>();
  // Exact labels first: a label always wins over another district's shortened name.
  for (const d of districts) index.set(normaliseName(d.label), d.id);
  const labels = new Set(districts.map((d) => normaliseName(d.label)));
  for (const d of districts) {
    for (const v of nameVariants(d.label)) {
      if (labels.has(v)) continue;
      const cur = index.get(v);
      if (cur === undefined) index.set(v, d.id);
      else if (cur !== d.id) index.set(v, null);
    }
  }
  return index;
}

function splitLine(line: string): string[] {
  // A spreadsheet copies cells separated by tabs; typed text may use spaces. Trailing empty cells are dropped.
  const cells = (line.includes("\t") ? line.split("\t") : line.trim().split(/[ \u3000]+/)).map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

const HEADER_WORDS = /区县|名称|地区|区域|单位|数值|指标/;
const isNumberLike = (s: string) => s !== "" && parseCell(s) !== "invalid";

/**
 * Parses a paste against the districts entered on this page (`editable`, in the order shown) and all
 * districts of the dictionary (`all`, so a district that is shown but computed is ignored, not unknown).
 */
export function parseDistrictPaste(
  text: string,
  editable: PasteDistrict[],
  all: PasteDistrict[] = editable,
): PasteResult {
  const allLines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw, i) => ({ no: i + 1, cells: splitLine(raw) }));
  while (allLines.length > 0 && allLines[allLines.length - 1].cells.length === 0) allLines.pop();
  while (allLines.length > 0 && allLines[0].cells.length === 0) allLines.shift();
  const lines = allLines.filter((l) => l.cells.length > 0);
  const result: PasteResult = { values: new Map(), errors: [], ignored: [], mode: "empty", headerSkipped: false };
  if (lines.length === 0) {
    result.errors.push({ line: null, key: "kpi.paste.empty", params: {} });
    return result;
  }
  const index = buildNameIndex(all);
  const editableIds = new Set(editable.map((d) => d.id));
  const labelOf = new Map(all.map((d) => [d.id, d.label]));
  const lookup = (s: string) => index.get(normaliseName(s));

  const pairs = lines.some((l) => l.cells.length >= 2);
  result.mode = pairs ? "pairs" : "column";

  // A header is a first row that names no district and carries no number ("区县名称 / 数值", "2021Q1"…).
  const first = lines[0];
  // A year as the value column's title ("区县 | 2021") is still a header when the other cell says what it is.
  const firstIsHeader = pairs
    ? first.cells.every((c) => lookup(c) === undefined) &&
      (!first.cells.some(isNumberLike) || first.cells.some((c) => HEADER_WORDS.test(c)))
    : !isNumberLike(first.cells[0]) && lookup(first.cells[0]) === undefined;
  result.headerSkipped = firstIsHeader;

  if (!pairs) {
    // One column is positional, so a blank line inside it is a district without data.
    const body = (firstIsHeader ? allLines.slice(1) : allLines).map((l) => ({
      no: l.no,
      cells: l.cells.length ? l.cells : [""],
    }));
    if (body.length !== editable.length) {
      result.errors.push({
        line: null,
        key: "kpi.paste.countMismatch",
        params: { got: body.length, n: editable.length },
      });
      return result;
    }
    body.forEach((l, i) => {
      const raw = l.cells[0];
      if (parseCell(raw) === "invalid")
        result.errors.push({
          line: l.no,
          key: "kpi.paste.invalidValue",
          params: { name: editable[i].label, value: raw },
        });
      else result.values.set(editable[i].id, raw);
    });
    if (result.errors.length) result.values.clear();
    return result;
  }

  const seen = new Map<number, number>();
  for (const l of firstIsHeader ? lines.slice(1) : lines) {
    if (l.cells.length > 2) {
      result.errors.push({ line: l.no, key: "kpi.paste.tooManyColumns", params: { n: l.cells.length } });
      continue;
    }
    const [a, b = ""] = l.cells;
    // The name is the cell that is not a number; with one cell only, it must be a name (value left blank).
    let name: string;
    let value: string;
    const aName = lookup(a) !== undefined || !isNumberLike(a);
    const bName = b !== "" && (lookup(b) !== undefined || !isNumberLike(b));
    if (aName && !bName) [name, value] = [a, b];
    else if (bName && !aName) [name, value] = [b, a];
    else if (aName && bName) {
      // Both look like names: the one in the dictionary is the name, the other a bad value.
      if (lookup(a) !== undefined) [name, value] = [a, b];
      else [name, value] = [b, a];
    } else {
      result.errors.push({ line: l.no, key: "kpi.paste.noName", params: { text: l.cells.join(" ") } });
      continue;
    }
    const id = lookup(name);
    if (id === undefined) {
      result.errors.push({ line: l.no, key: "kpi.paste.unknownName", params: { name } });
      continue;
    }
    if (id === null) {
      result.errors.push({ line: l.no, key: "kpi.paste.ambiguousName", params: { name } });
      continue;
    }
    const label = labelOf.get(id) as string;
    const dup = seen.get(id);
    if (dup !== undefined) {
      result.errors.push({ line: l.no, key: "kpi.paste.duplicateName", params: { name, label, first: dup } });
      continue;
    }
    seen.set(id, l.no);
    if (parseCell(value) === "invalid") {
      result.errors.push({ line: l.no, key: "kpi.paste.invalidValue", params: { name: label, value } });
      continue;
    }
    if (!editableIds.has(id)) {
      result.ignored.push(label);
      continue;
    }
    result.values.set(id, value);
  }
  if (result.errors.length) result.values.clear();
  else if (result.values.size === 0) result.errors.push({ line: null, key: "kpi.paste.empty", params: {} });
  return result;
}

export type PreviewRow = {
  id: number;
  label: string;
  before: number | null;
  after: number | null;
  changed: boolean;
};

/** Every district's before → after, given what was loaded and what the form now holds (raw strings). */
export function previewChanges(
  rows: { id: number; label: string; loaded: number | null }[],
  next: Map<number, string>,
): { rows: PreviewRow[]; invalid: { id: number; label: string; value: string }[] } {
  const invalid: { id: number; label: string; value: string }[] = [];
  const out: PreviewRow[] = [];
  for (const r of rows) {
    const raw = next.get(r.id);
    const parsed = raw === undefined ? r.loaded : parseCell(raw);
    if (parsed === "invalid") {
      invalid.push({ id: r.id, label: r.label, value: raw as string });
      continue;
    }
    out.push({ id: r.id, label: r.label, before: r.loaded, after: parsed, changed: parsed !== r.loaded });
  }
  return { rows: out, invalid };
}
