// Periods are strings: a quarter "2021Q1" or a year "2020". Pure functions, unit-tested.

export type PeriodType = "quarter" | "year";
export type Period = string;

const QUARTER = /^(\d{4})Q([1-4])$/;
const YEAR = /^(\d{4})$/;

export function isQuarter(p: string): boolean {
  return QUARTER.test(p);
}
export function isYear(p: string): boolean {
  return YEAR.test(p);
}
export function isPeriod(p: string): boolean {
  return isQuarter(p) || isYear(p);
}

export function periodType(p: Period): PeriodType {
  if (isQuarter(p)) return "quarter";
  if (isYear(p)) return "year";
  throw new RangeError(`not a period: ${p}`);
}

export function yearOf(p: Period): number {
  return Number(p.slice(0, 4));
}

export function quarterOf(p: Period): number {
  const m = QUARTER.exec(p);
  if (!m) throw new RangeError(`not a quarter: ${p}`);
  return Number(m[2]);
}

export function makeQuarter(year: number, q: number): Period {
  return `${year}Q${q}`;
}

/** n periods later (negative = earlier), same type. */
export function shiftPeriod(p: Period, n: number): Period {
  if (isYear(p)) return String(yearOf(p) + n);
  const idx = yearOf(p) * 4 + (quarterOf(p) - 1) + n;
  return makeQuarter(Math.floor(idx / 4), (idx % 4) + 1);
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

/** The same period one year earlier (2021Q1 → 2020Q1, 2020 → 2019). */
export function samePeriodLastYear(p: Period): Period {
  return isYear(p) ? shiftPeriod(p, -1) : shiftPeriod(p, -4);
}

/** Last day of the period, YYYY-MM-DD (the "as of" date for registry counts). */
export function periodEnd(p: Period): string {
  if (isYear(p)) return `${p}-12-31`;
  const q = quarterOf(p);
  return `${yearOf(p)}-${["03-31", "06-30", "09-30", "12-31"][q - 1]}`;
}

/** First day of the period, YYYY-MM-DD. */
export function periodStart(p: Period): string {
  if (isYear(p)) return `${p}-01-01`;
  const q = quarterOf(p);
  return `${yearOf(p)}-${["01-01", "04-01", "07-01", "10-01"][q - 1]}`;
}

/** The quarter that contains a date (YYYY-MM-DD). */
export function quarterOfDate(date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return makeQuarter(y, Math.floor((m - 1) / 3) + 1);
}

/** The last n periods ending with p, oldest first. */
export function periodRange(p: Period, n: number): Period[] {
  return Array.from({ length: n }, (_, i) => shiftPeriod(p, i - n + 1));
}

export function comparePeriods(a: Period, b: Period): number {
  const key = (p: Period) => (isYear(p) ? yearOf(p) * 4 + 3.5 : yearOf(p) * 4 + quarterOf(p) - 1);
  return key(a) - key(b);
}

const CN_Q = ["一", "二", "三", "四"];

/** 2021Q1 → 2021年第一季度, 2020 → 2020年 (zh); 2021 Q1 / 2020 (en). */
export function formatPeriod(p: Period, locale: "zh-CN" | "en" = "zh-CN"): string {
  if (isYear(p)) return locale === "zh-CN" ? `${p}年` : p;
  return locale === "zh-CN" ? `${yearOf(p)}年第${CN_Q[quarterOf(p) - 1]}季度` : `${yearOf(p)} Q${quarterOf(p)}`;
}
