/**
 * Masking of personal data for on-screen lists and exports (《个人信息保护法》
 * data-minimisation). Masking is display-only: never feed the result back into
 * storage or use it for matching.
 *
 * Lengths are counted in code points (Array.from), not UTF-16 units, so a rare
 * CJK character outside the BMP (e.g. "𠀾") is masked as one character rather
 * than split into a broken surrogate half.
 */

type MaybeString = string | null | undefined;

function chars(s: MaybeString): string[] {
  return s ? Array.from(s.trim()) : [];
}

function keepEnds(cs: string[], head: number, tail: number, stars = cs.length - head - tail): string {
  return cs.slice(0, head).join("") + "*".repeat(stars) + cs.slice(cs.length - tail).join("");
}

/**
 * Mainland mobile 13800138000 → 138****8000. Anything else of length ≥ 8
 * (landlines such as 023-67891234) keeps the first 3 and last 4 characters;
 * shorter values keep only the last 2, since a 3+4 split would reveal almost
 * everything.
 */
export function maskPhone(s: MaybeString): string {
  const cs = chars(s);
  if (cs.length === 0) return "";
  if (cs.length >= 8) return keepEnds(cs, 3, 4);
  return keepEnds(cs, 0, Math.min(2, cs.length));
}

/**
 * 18-digit 居民身份证号 → 500112********1234 (region code + last 4; the birth
 * date is hidden). Legacy 15-digit numbers → first 6 + 5 stars + last 4.
 * Other documents (passport, 港澳通行证 …) keep 2 + 2; values of 4 characters or
 * fewer are masked completely because "2 + 2" would reveal them in full.
 */
export function maskIdNumber(s: MaybeString): string {
  const cs = chars(s);
  if (cs.length === 0) return "";
  if (cs.length === 18) return keepEnds(cs, 6, 4);
  if (cs.length === 15) return keepEnds(cs, 6, 4);
  if (cs.length <= 4) return "*".repeat(cs.length);
  return keepEnds(cs, 2, 2);
}

/**
 * 张三 → 张*, 欧阳娜娜 → 欧***. Keeping only the first character (even for
 * compound surnames) is the common practice and avoids needing a surname list.
 * A single-character value is returned unchanged.
 */
export function maskName(s: MaybeString): string {
  const cs = chars(s);
  if (cs.length <= 1) return cs.join("");
  return keepEnds(cs, 1, 0);
}
