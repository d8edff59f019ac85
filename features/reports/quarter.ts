import { quarterOfDate } from "@/lib/kpi/period";
import { todayIso } from "@/lib/time";

const QUARTER_RE = /^(20\d{2})Q[1-4]$/;

/** A quarter code (2021Q1) from 2016 up to the current quarter: the quarters a summary can exist for. */
export function isReportQuarter(q: string): boolean {
  return QUARTER_RE.test(q) && q >= "2016Q1" && q <= quarterOfDate(todayIso());
}

/** ?v=2 → 2; anything else → null (the current version). */
export function parseVersion(v: string | null | undefined): number | null {
  return v && /^\d{1,6}$/.test(v) ? Number(v) : null;
}
