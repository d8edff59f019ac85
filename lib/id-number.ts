/**
 * 居民身份证号码, GB 11643-1999: [1–6] 行政区划码（GB/T 2260）· [7–14] 出生日期 YYYYMMDD · [15–17] 顺序码 ·
 * [18] 校验码 (ISO 7064 MOD 11-2: 0–9 or X).
 *
 * Checked: length and characters, the province of the region code (its first two digits: a region code of a
 * province that does not exist is certainly a typo; the county part is not checked, since counties are re-coded
 * over the years and old numbers stay valid), a real calendar date of birth neither before 1900 nor in the future,
 * and the check character.
 */

export type IdNumberError = "length" | "chars" | "region" | "birth" | "future" | "checksum";
export type IdNumberResult = { ok: true; value: string } | { ok: false; reason: IdNumberError };

/** The catalogue key of each refusal. */
export const ID_NUMBER_MESSAGES = {
  length: "registry.idNumberFormat",
  chars: "registry.idNumberChars",
  region: "registry.idNumberRegion",
  birth: "registry.idNumberBirth",
  future: "registry.idNumberFuture",
  checksum: "registry.idNumberChecksum",
} as const satisfies Record<IdNumberError, string>;

/** GB/T 2260 province-level codes, plus 81/82/83 of the residence permits for Hong Kong, Macao and Taiwan. */
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Spaces and dashes pasted along are dropped; a lower-case x is the same as X. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

/** `today` is YYYY-MM-DD (Beijing); the date of birth may be today at the latest. */
export function validateIdNumber(raw: string, today: string): IdNumberResult {
  const v = normaliseIdNumber(raw);
  if (v.length !== 18) return { ok: false, reason: "length" };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, reason: "chars" };
  if (!PROVINCES.has(v.slice(0, 2))) return { ok: false, reason: "region" };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, reason: "birth" };
  if (`${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` > today) return { ok: false, reason: "future" };
  if (idCheckChar(v) !== v[17]) return { ok: false, reason: "checksum" };
  return { ok: true, value: v };
}
