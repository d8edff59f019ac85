// District ranking maths for the KPI board. Pure functions, unit-tested; no database here.

export type Direction = "higher" | "lower";

export type DistrictValue = { district: string; value: number | null | undefined };

/**
 * Competition ranking ("1224"): equal values share a rank and the next rank skips. Districts without a
 * value are not ranked. Direction-aware: for "lower" (e.g. a rank-type indicator) the smallest is first.
 */
export function competitionRanks(values: DistrictValue[], direction: Direction): Map<string, number> {
  const present = values.filter(
    (v): v is { district: string; value: number } => typeof v.value === "number" && Number.isFinite(v.value),
  );
  const sorted = [...present].sort((a, b) => (direction === "higher" ? b.value - a.value : a.value - b.value));
  const ranks = new Map<string, number>();
  sorted.forEach((v, i) => {
    const prev = sorted[i - 1];
    ranks.set(v.district, prev && prev.value === v.value ? (ranks.get(prev.district) as number) : i + 1);
  });
  return ranks;
}

export type Standing = {
  value: number | null;
  rank: number | null;
  /** How many districts have a value. */
  ranked: number;
  /** Districts without a value for the period. */
  missing: string[];
  /** When first: our value minus the best other district (≥ 0; 0 on a tie). */
  leadOverSecond: number | null;
  leadOverSecondPct: number | null;
  /** When not first: the distance to the first district (≥ 0). */
  gapToFirst: number | null;
  gapToFirstPct: number | null;
  /** Share of the city total, in %, from the published total or else the sum of districts. */
  sharePct: number | null;
  shareBase: "published" | "sum" | null;
  /** Name(s) of the first district(s). */
  leaders: string[];
};

function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/**
 * Our standing among the districts for one indicator and period. `us` is our district's name; its value in
 * `values` is used (the caller puts the live registry count there for registry-count indicators).
 */
export function computeStanding(
  values: DistrictValue[],
  us: string,
  direction: Direction,
  opts: { cityTotal?: number | null; allDistricts?: string[]; shareable?: boolean } = {},
): Standing {
  const ranks = competitionRanks(values, direction);
  const byName = new Map(values.map((v) => [v.district, v.value]));
  const ours = byName.get(us);
  const value = typeof ours === "number" && Number.isFinite(ours) ? ours : null;
  const present = values.filter((v) => typeof v.value === "number" && Number.isFinite(v.value)) as {
    district: string;
    value: number;
  }[];
  const missing = (opts.allDistricts ?? values.map((v) => v.district)).filter((d) => {
    const v = byName.get(d);
    return !(typeof v === "number" && Number.isFinite(v));
  });
  const rank = ranks.get(us) ?? null;
  const leaders = present.filter((v) => ranks.get(v.district) === 1).map((v) => v.district);
  const better = (a: number, b: number) => (direction === "higher" ? a - b : b - a);

  let leadOverSecond: number | null = null;
  let leadOverSecondPct: number | null = null;
  let gapToFirst: number | null = null;
  let gapToFirstPct: number | null = null;
  if (value !== null && rank !== null) {
    const others = present.filter((v) => v.district !== us);
    if (rank === 1 && others.length) {
      const second = others.reduce((best, v) => (better(v.value, best.value) > 0 ? v : best));
      leadOverSecond = better(value, second.value);
      leadOverSecondPct = pct(leadOverSecond, Math.abs(second.value));
    } else if (rank > 1) {
      const first = present.find((v) => ranks.get(v.district) === 1) as { value: number };
      gapToFirst = better(first.value, value);
      gapToFirstPct = pct(gapToFirst, Math.abs(first.value));
    }
  }

  let sharePct: number | null = null;
  let shareBase: Standing["shareBase"] = null;
  if (value !== null && opts.shareable !== false) {
    if (typeof opts.cityTotal === "number" && Number.isFinite(opts.cityTotal)) {
      sharePct = pct(value, opts.cityTotal);
      shareBase = sharePct === null ? null : "published";
    } else if (present.length) {
      sharePct = pct(
        value,
        present.reduce((s, v) => s + v.value, 0),
      );
      shareBase = sharePct === null ? null : "sum";
    }
  }

  return {
    value,
    rank,
    ranked: present.length,
    missing,
    leadOverSecond,
    leadOverSecondPct,
    gapToFirst,
    gapToFirstPct,
    sharePct,
    shareBase,
    leaders,
  };
}

export type Change = { abs: number; pct: number | null } | null;

/** Change of a value against an earlier one (null when either is missing; pct null when the base is 0). */
export function change(current: number | null | undefined, base: number | null | undefined): Change {
  if (current == null || base == null) return null;
  return { abs: current - base, pct: base === 0 ? null : ((current - base) / Math.abs(base)) * 100 };
}

export type TargetStatus = "met" | "warning" | "missed" | "no_data";

/**
 * 达标 / 预警 / 未达标. Missed: not at the target rank, or below the target value. Warning: at target but
 * the lead over #2 is under 5% or has shrunk two periods in a row.
 */
export function targetStatus(input: {
  rank: number | null;
  value: number | null;
  direction: Direction;
  targetRank: number | null;
  targetValue: number | null;
  leadOverSecondPct: number | null;
  /** Lead over #2 for the last periods, oldest first, ending with the current one. */
  leadHistory?: (number | null)[];
}): TargetStatus {
  const { rank, value, targetRank, targetValue, direction } = input;
  if (value === null) return "no_data";
  // No ranking entered is missing data (待录入), not a missed target.
  if (targetRank !== null && rank === null) return "no_data";
  if (targetRank !== null && (rank === null || rank > targetRank)) return "missed";
  if (targetValue !== null && (direction === "higher" ? value < targetValue : value > targetValue)) return "missed";
  if (rank === 1) {
    if (input.leadOverSecondPct !== null && input.leadOverSecondPct < 5) return "warning";
    const h = input.leadHistory ?? [];
    if (h.length >= 3) {
      const [a, b, c] = h.slice(-3);
      if (a !== null && b !== null && c !== null && b < a && c < b) return "warning";
    }
  }
  return "met";
}

/** Progress towards a target value in % (direction-aware), null without a target value. */
export function targetProgress(value: number | null, targetValue: number | null, direction: Direction): number | null {
  if (value === null || targetValue === null) return null;
  if (direction === "higher") return targetValue === 0 ? null : (value / targetValue) * 100;
  return value === 0 ? null : (targetValue / value) * 100;
}

/** Consecutive periods, counting back from the newest, in which the rank was 1 (values oldest first). */
export function firstPlaceStreak(ranks: (number | null)[]): number {
  let n = 0;
  for (let i = ranks.length - 1; i >= 0 && ranks[i] === 1; i--) n++;
  return n;
}

/** Rounds half away from zero to `digits` decimals, avoiding binary artefacts (22.222… → 22.22). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON * f)) / f;
}
