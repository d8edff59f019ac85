/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * Layout: [1] 登记管理部门码 · [2] 机构类别码 · [3–8] 行政区划码 ·
 * [9–17] 主体标识码（组织机构代码）· [18] 校验码.
 *
 * Only the GB 32100 check character (position 18) is verified. Positions 9–17
 * carry their own GB 11714 check digit, but codes issued during the 2015–2017
 * migration, and some re-registered entities, fail it while being perfectly
 * valid, registered codes. Rejecting them would block real enterprises from
 * being entered, so that check is deliberately skipped.
 *
 * Positions 1–2 are not checked against the list of department/category codes
 * either: that list has been extended by later notices and a stale copy here
 * would reject legitimate new categories.
 */

/** Index in this string is the character's numeric value; I, O, S, V, Z are excluded to avoid confusion with 1, 0, 5, U, 2. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

export const CREDIT_CODE_LENGTH = 18;

/** W_i = 3^(i-1) mod 31, i = 1..17. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeError = "empty" | "length" | "charset" | "region" | "checksum";

export type CreditCodeResult = { ok: true; code: string } | { ok: false; reason: CreditCodeError };

/** Catalogue keys of the refusals (registry.creditCode.*: Chinese and English in lib/i18n/messages). */
export const CREDIT_CODE_ERROR_MESSAGES: Record<CreditCodeError, string> = {
  empty: "registry.creditCode.empty",
  length: "registry.creditCode.length",
  charset: "registry.creditCode.charset",
  region: "registry.creditCode.region",
  checksum: "registry.creditCode.checksum",
};

const CHARSET_RE = /^[0-9A-HJ-NPQRTUWXY]*$/;
const DIGITS_RE = /^[0-9]*$/;

/**
 * GB 32100 check character for the first 17 characters.
 * Throws on malformed input because callers (validator, seeder) must never
 * silently produce a code from garbage.
 */
export function computeCheckChar(first17: string): string {
  if (first17.length !== 17 || !CHARSET_RE.test(first17)) {
    throw new RangeError(`computeCheckChar expects 17 characters from the credit-code charset, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  }
  // 31 - 0 would be 31, which has no character; the standard maps it to "0".
  const value = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[value];
}

/**
 * Users paste codes from PDFs and business licences with stray spaces and in
 * lower case; both are normalised away rather than rejected. The returned
 * `code` is the normalised form and is what should be stored.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length === 0) return { ok: false, reason: "empty" };
  if (code.length !== CREDIT_CODE_LENGTH) return { ok: false, reason: "length" };
  if (!CHARSET_RE.test(code)) return { ok: false, reason: "charset" };
  if (!DIGITS_RE.test(code.slice(2, 8))) return { ok: false, reason: "region" };
  if (computeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: "checksum" };
  return { ok: true, code };
}

/**
 * Builds a code that passes `validateCreditCode`. Used by the seeder for
 * synthetic enterprises, so it throws instead of normalising: a bad fixture
 * should fail loudly, not turn into a different code.
 */
export function makeCreditCode(prefix2: string, region6: string, body9: string): string {
  if (prefix2.length !== 2 || !CHARSET_RE.test(prefix2)) {
    throw new RangeError(`makeCreditCode: prefix2 must be 2 charset characters, got "${prefix2}"`);
  }
  if (region6.length !== 6 || !DIGITS_RE.test(region6)) {
    throw new RangeError(`makeCreditCode: region6 must be 6 digits, got "${region6}"`);
  }
  if (body9.length !== 9 || !CHARSET_RE.test(body9)) {
    throw new RangeError(`makeCreditCode: body9 must be 9 charset characters, got "${body9}"`);
  }
  const first17 = prefix2 + region6 + body9;
  return first17 + computeCheckChar(first17);
}
