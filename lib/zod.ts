import { z } from "zod";

// Built-in zod messages (unknown keys, wrong types…) in Chinese; our own messages are catalogue keys.
z.config(z.locales.zhCN());

export { z };

// ── Input hygiene shared by every schema that takes text or numbers from a person or a file ──

/** Zero-width and other invisible formatting characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen…). */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const INVISIBLE_EDGES =
  /^[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]+|[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]+$/g;
/** C0 and C1 controls and DEL, except tab and line breaks (judged separately by `multiline`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_CONTROL = /[\t\n\r\u2028\u2029]/;
/** Bidirectional overrides and isolates: they reorder what a reviewer reads. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Trims whitespace and invisible characters at both ends; a value made only of them becomes "".
 * Non-strings pass through for the schema to judge.
 */
export function normaliseText(v: unknown): unknown {
  if (typeof v !== "string") return v;
  if (v.replace(INVISIBLE, "").trim() === "") return "";
  return v.replace(INVISIBLE_EDGES, "");
}

/** Why a text value is refused, as a catalogue key, or null when it is clean. */
export function textProblem(s: string, opts: { multiline?: boolean } = {}): string | null {
  if (LONE_SURROGATE.test(s)) return "registry.brokenChars";
  if (CONTROL.test(s) || BIDI.test(s)) return "registry.controlChars";
  if (!opts.multiline && LINE_CONTROL.test(s)) return "registry.controlChars";
  return null;
}

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const GROUPED_DECIMAL = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number typed by a person: plain decimal notation only ("1234.5", "-3"), and with
 * `thousands` also correctly grouped commas ("1,234.5"). Hex, binary, octal, exponents, "Infinity",
 * misplaced commas ("1,2,3") and the like are refused with a catalogue key. Numbers pass through.
 */
export function parseDecimal(
  v: unknown,
  opts: { thousands?: boolean } = {},
): { ok: true; value: number | null } | { ok: false; message: string } {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === "number") return { ok: true, value: v };
  if (typeof v !== "string") return { ok: false, message: "registry.number" };
  const s = v.replace(INVISIBLE, "").trim();
  if (s === "") return { ok: true, value: null };
  if (PLAIN_DECIMAL.test(s)) return { ok: true, value: Number(s) };
  if (opts.thousands && GROUPED_DECIMAL.test(s)) return { ok: true, value: Number(s.replace(/,/g, "")) };
  return { ok: false, message: opts.thousands ? "registry.decimalThousands" : "registry.decimalOnly" };
}

/** A decimal-only preprocess step for zod: refused notations become an issue with a Chinese message. */
export const decimalInput =
  (opts: { thousands?: boolean } = {}) =>
  (v: unknown, ctx: z.RefinementCtx) => {
    const r = parseDecimal(v, opts);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  };

/** Refuses control characters (tab/newline only where multi-line), bidi overrides and lone surrogates. */
export const cleanText =
  (opts: { multiline?: boolean } = {}) =>
  (s: string | null, ctx: z.RefinementCtx) => {
    if (s == null) return;
    const problem = textProblem(s, opts);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
