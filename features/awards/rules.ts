/**
 * Award rules as pure functions over exact integer 元 (1万元 = 10 000 元). A rule is data on the policy row:
 * fixed amount / rate × base with threshold and cap / a range decided by review.
 */

export const YUAN_PER_WAN = 10_000;
export const wanToYuan = (wan: number): number => Math.round(wan * YUAN_PER_WAN);
/** 元 → 万元 for display and exports (exact to 4 decimals). */
export const yuanToWan = (yuan: number): number => Math.round(yuan) / YUAN_PER_WAN;

export type AwardRule =
  | { kind: "fixed"; amountYuan: number }
  | { kind: "rate_of_base_with_cap"; rateBp: number; thresholdYuan: number; capYuan: number }
  | { kind: "range_by_review"; minYuan: number; maxYuan: number };

export type RuleInput = { baseYuan?: number | null; amountYuan?: number | null };
/** The amount, or why there is none (a catalogue key under awards.refuse). */
export type RuleResult = { ok: true; amountYuan: number; capped?: boolean } | { ok: false; reason: RuleRefusal };
export type RuleRefusal = "baseMissing" | "baseNegative" | "belowThreshold" | "amountMissing" | "outOfRange";

export function ruleOf(p: {
  kind: string;
  amountYuan: number | null;
  rateBp: number | null;
  thresholdYuan: number | null;
  capYuan: number | null;
  minYuan: number | null;
  maxYuan: number | null;
}): AwardRule {
  if (p.kind === "fixed") return { kind: "fixed", amountYuan: p.amountYuan ?? 0 };
  if (p.kind === "rate_of_base_with_cap")
    return {
      kind: "rate_of_base_with_cap",
      rateBp: p.rateBp ?? 0,
      thresholdYuan: p.thresholdYuan ?? 0,
      capYuan: p.capYuan ?? Number.MAX_SAFE_INTEGER,
    };
  return { kind: "range_by_review", minYuan: p.minYuan ?? 0, maxYuan: p.maxYuan ?? 0 };
}

/** The amount a rule gives. Rate: base × rate, rounded to the 元, at most the cap; a base below the threshold gets nothing. */
export function evaluateRule(rule: AwardRule, input: RuleInput = {}): RuleResult {
  switch (rule.kind) {
    case "fixed":
      return { ok: true, amountYuan: rule.amountYuan };
    case "rate_of_base_with_cap": {
      const base = input.baseYuan;
      if (base == null || !Number.isFinite(base)) return { ok: false, reason: "baseMissing" };
      if (base < 0) return { ok: false, reason: "baseNegative" };
      if (base < rule.thresholdYuan) return { ok: false, reason: "belowThreshold" };
      const raw = Math.round((base * rule.rateBp) / 10_000);
      return raw > rule.capYuan ? { ok: true, amountYuan: rule.capYuan, capped: true } : { ok: true, amountYuan: raw };
    }
    case "range_by_review": {
      const a = input.amountYuan;
      if (a == null || !Number.isFinite(a)) return { ok: false, reason: "amountMissing" };
      if (a < rule.minYuan || a > rule.maxYuan) return { ok: false, reason: "outOfRange" };
      return { ok: true, amountYuan: Math.round(a) };
    }
  }
}

/** Whether an amount is one the rule allows (a guard on every stored line: above the cap / outside the range refused). */
export function amountAllowed(rule: AwardRule, amountYuan: number): boolean {
  if (!Number.isSafeInteger(amountYuan) || amountYuan < 0) return false;
  switch (rule.kind) {
    case "fixed":
      return amountYuan === rule.amountYuan;
    case "rate_of_base_with_cap":
      return amountYuan <= rule.capYuan;
    case "range_by_review":
      return amountYuan >= rule.minYuan && amountYuan <= rule.maxYuan;
  }
}

/** 万元 with up to 4 decimals, thousands separated: 1,065 / 8 / 0.35. */
export function formatWan(yuan: number): string {
  return yuanToWan(yuan).toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}
