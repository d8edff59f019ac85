// Pure parsing of a many-period upload of district values: one sheet, a district per row and a period per
// column (区县名称 | 2023 | 2024, or 区县名称 | 2024Q1 | 2024Q2 …). Names are matched exactly as the single-period
// paste matches them (features/kpi/district-paste.ts); any refusal refuses the whole file (all or nothing).
import { comparePeriods, isQuarter, isYear, makeQuarter, type Period, type PeriodType } from "@/lib/kpi/period";
import { buildNameIndex, normaliseName, type PasteDistrict, type PasteError, parseCell } from "./district-paste";

/** History is kept from 2016 on (the board's first year). */
export const FIRST_HISTORY_YEAR = 2016;

export type PeriodsResult = {
  /** The periods of the file, oldest first (only when there are no errors). */
  periods: Period[];
  /** period → district id → the value as typed; a blank cell is not in the map (that value stays as it is). */
  values: Map<Period, Map<number, string>>;
  errors: PasteError[];
  /** Districts named in the file whose value is not entered here (our computed registry count). */
  ignored: string[];
};

const CN_Q: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** A column title → a period: 2023, 2023年, 2023.0, 2024Q1, 2024-Q1, 2024年第1季度, 2024年一季度. */
export function parsePeriodHeader(raw: string): Period | null {
  const s = raw.replace(/[\s\u3000]/g, "").replace(/^(\d{4})\.0+$/, "$1");
  const y = /^(\d{4})年?(?:度)?$/.exec(s);
  if (y) return y[1];
  const q = /^(\d{4})(?:年|-|_|\/)?(?:第)?(?:Q|q)?([1-4一二三四])(?:季度|季)?$/.exec(s);
  if (q) return makeQuarter(Number(q[1]), CN_Q[q[2]] ?? Number(q[2]));
  return null;
}

/**
 * Parses the sheet (`header` = its first row, `rows` = the rest with their Excel row numbers) for an indicator of
 * `periodType`, whose values may be entered up to `latest` (the current period: nothing in the future).
 */
export function parseDistrictPeriods(
  header: string[],
  rows: { rowNumber: number; cells: string[] }[],
  opts: { periodType: PeriodType; latest: Period; editable: PasteDistrict[]; all?: PasteDistrict[] },
): PeriodsResult {
  const all = opts.all ?? opts.editable;
  const result: PeriodsResult = { periods: [], values: new Map(), errors: [], ignored: [] };
  const cells = header.map((h) => String(h ?? "").trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  if (cells.length < 2) {
    result.errors.push({ line: 1, key: "kpi.periods.noPeriods", params: {} });
    return result;
  }
  // Column 0 holds the names; every other titled column is a period.
  const columns: { index: number; period: Period }[] = [];
  const seenPeriod = new Map<Period, number>();
  for (let i = 1; i < cells.length; i++) {
    const title = cells[i];
    if (title === "") continue;
    const p = parsePeriodHeader(title);
    const col = columnName(i);
    if (!p) {
      result.errors.push({ line: 1, key: "kpi.periods.badHeader", params: { column: col, value: title } });
      continue;
    }
    const okType = opts.periodType === "quarter" ? isQuarter(p) : isYear(p);
    if (!okType) {
      result.errors.push({
        line: 1,
        key: opts.periodType === "quarter" ? "kpi.periods.needQuarter" : "kpi.periods.needYear",
        params: { column: col, value: title },
      });
      continue;
    }
    if (Number(p.slice(0, 4)) < FIRST_HISTORY_YEAR) {
      result.errors.push({ line: 1, key: "kpi.periods.tooEarly", params: { value: title, year: FIRST_HISTORY_YEAR } });
      continue;
    }
    if (comparePeriods(p, opts.latest) > 0) {
      result.errors.push({ line: 1, key: "kpi.periods.future", params: { value: title } });
      continue;
    }
    const dup = seenPeriod.get(p);
    if (dup !== undefined) {
      result.errors.push({
        line: 1,
        key: "kpi.periods.duplicatePeriod",
        params: { value: title, column: col, first: columnName(dup) },
      });
      continue;
    }
    seenPeriod.set(p, i);
    columns.push({ index: i, period: p });
  }
  if (columns.length === 0 && result.errors.length === 0)
    result.errors.push({ line: 1, key: "kpi.periods.noPeriods", params: {} });

  const index = buildNameIndex(all);
  const editableIds = new Set(opts.editable.map((d) => d.id));
  const labelOf = new Map(all.map((d) => [d.id, d.label]));
  const seenName = new Map<number, number>();
  for (const c of columns) result.values.set(c.period, new Map());
  let any = false;
  for (const r of rows) {
    const name = String(r.cells[0] ?? "").trim();
    const rest = columns.map((c) => String(r.cells[c.index] ?? "").trim());
    if (name === "" && rest.every((v) => v === "")) continue;
    if (name === "") {
      result.errors.push({ line: r.rowNumber, key: "kpi.periods.noName", params: {} });
      continue;
    }
    const id = index.get(normaliseName(name));
    if (id === undefined) {
      result.errors.push({ line: r.rowNumber, key: "kpi.paste.unknownName", params: { name } });
      continue;
    }
    if (id === null) {
      result.errors.push({ line: r.rowNumber, key: "kpi.paste.ambiguousName", params: { name } });
      continue;
    }
    const label = labelOf.get(id) as string;
    const dup = seenName.get(id);
    if (dup !== undefined) {
      result.errors.push({ line: r.rowNumber, key: "kpi.paste.duplicateName", params: { name, label, first: dup } });
      continue;
    }
    seenName.set(id, r.rowNumber);
    if (!editableIds.has(id)) {
      result.ignored.push(label);
      continue;
    }
    columns.forEach((c, i) => {
      const raw = rest[i];
      if (raw === "") return;
      if (parseCell(raw) === "invalid") {
        result.errors.push({
          line: r.rowNumber,
          key: "kpi.periods.invalidValue",
          params: { name: label, period: c.period, value: raw },
        });
        return;
      }
      result.values.get(c.period)?.set(id, raw);
      any = true;
    });
  }
  if (result.errors.length) {
    result.values.clear();
    return result;
  }
  if (!any) {
    result.values.clear();
    result.errors.push({ line: null, key: "kpi.paste.empty", params: {} });
    return result;
  }
  // Periods without a single value are dropped; the rest oldest first.
  result.periods = columns
    .map((c) => c.period)
    .filter((p) => (result.values.get(p)?.size ?? 0) > 0)
    .sort(comparePeriods);
  for (const p of [...result.values.keys()]) if (!result.periods.includes(p)) result.values.delete(p);
  return result;
}

/** Excel's column letters (0 → A). */
export function columnName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
