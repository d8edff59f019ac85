import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { cityTotals, dictionaryItems, districtValues, type Indicator, indicators, indicatorTargets } from "@/db/schema";
import {
  comparePeriods,
  isQuarter,
  isYear,
  makeQuarter,
  type Period,
  periodRange,
  previousPeriod,
  quarterOfDate,
  samePeriodLastYear,
  yearOf,
} from "@/lib/kpi/period";
import { chooseBoardPeriod } from "@/lib/kpi/period-choice";
import { todayIso } from "@/lib/time";
import {
  type Change,
  change,
  computeStanding,
  firstPlaceStreak,
  type Standing,
  type TargetStatus,
  targetProgress,
  targetStatus,
} from "./ranking";
import {
  anyDataVersion,
  boardInputsVersion,
  prefetchRegistryCounts,
  registryCount,
  registryMembershipCount,
} from "./registry-counts";

/**
 * The board's inputs other than the registries (district values, city totals, targets, the indicator list, the
 * districts, data periods), kept across registry writes: a registry write then rebuilds the board from cached
 * inputs and the write-adjusted counts instead of re-reading everything. Keyed by boardInputsVersion, which any
 * write to those tables on this connection, or any commit elsewhere, moves.
 */
const inputs = globalThis as unknown as { __boardInputs?: { version: string; values: Map<string, unknown> } };
function remember<T>(key: string, fn: () => T): T {
  const version = boardInputsVersion();
  if (!inputs.__boardInputs || inputs.__boardInputs.version !== version || inputs.__boardInputs.values.size > 5000)
    inputs.__boardInputs = { version, values: new Map() };
  const c = inputs.__boardInputs.values;
  if (c.has(key)) return c.get(key) as T;
  const v = fn();
  c.set(key, v);
  return v;
}

export const OUR_DISTRICT = "渝北区";

export type District = { id: number; label: string };

export function getDistricts(): District[] {
  return getDb()
    .select({ id: dictionaryItems.id, label: dictionaryItems.label })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.kind, "district"), eq(dictionaryItems.enabled, true)))
    .orderBy(asc(dictionaryItems.sortOrder), asc(dictionaryItems.id))
    .all();
}

export function getIndicatorList(): Indicator[] {
  return getDb().select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.id)).all();
}

/** The newest quarter with any district data (the indicator pages' default period). */
export function latestDataQuarter(): Period {
  const row = getDb()
    .$client.prepare("SELECT max(period) FROM district_values WHERE period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'")
    .pluck()
    .get() as string | null;
  return row ?? quarterOfDate(todayIso());
}

/**
 * The board's default period: the latest closed quarter, or a later quarter in which every board indicator has
 * Yubei's value (see chooseBoardPeriod). A quarter still being entered opens only when asked for.
 */
export function defaultBoardPeriod(): Period {
  const sqlite = getDb().$client;
  const withData = sqlite
    .prepare(
      "SELECT DISTINCT period FROM district_values WHERE period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]' ORDER BY period DESC LIMIT 40",
    )
    .pluck()
    .all() as string[];
  const closed = sqlite
    .prepare("SELECT quarter FROM quarterly_reports WHERE status = 'closed'")
    .pluck()
    .all() as string[];
  return chooseBoardPeriod({
    closed,
    withData,
    isComplete: (q) => {
      const p = getBoard(q).progress;
      return p.total > 0 && p.entered === p.total;
    },
    fallback: quarterOfDate(todayIso()),
  });
}

/**
 * Which period an indicator's card shows on a board for `board`: quarterly indicators the quarter itself (a
 * year board: its Q4); yearly ones the latest complete year with data (figures are released with a lag).
 */
export function dataPeriodFor(ind: Indicator, board: Period, ourDistrictId: number): Period {
  if (ind.periodType === "quarter") return isQuarter(board) ? board : makeQuarter(yearOf(board), 4);
  const maxYear = isYear(board) ? yearOf(board) : yearOf(board) - 1;
  const sqlite = getDb().$client;
  const sql =
    ind.source === "reported"
      ? "SELECT max(period) FROM district_values WHERE indicator_id = ? AND district_id = ? AND period GLOB '[0-9][0-9][0-9][0-9]' AND period <= ?"
      : "SELECT max(period) FROM district_values WHERE indicator_id = ? AND district_id <> ? AND period GLOB '[0-9][0-9][0-9][0-9]' AND period <= ?";
  const found =
    ind.compareDistricts || ind.source === "reported"
      ? (sqlite.prepare(sql).pluck().get(ind.id, ourDistrictId, String(maxYear)) as string | null)
      : null;
  return found ?? String(maxYear);
}

type PeriodData = {
  values: Map<string, Map<string, { value: number; isSample: boolean }>>; // period → district → value
  totals: Map<string, number>;
};

function loadPeriodData(ind: Indicator, periods: Period[]): PeriodData {
  const db = getDb();
  const rows = db
    .select({
      period: districtValues.period,
      district: dictionaryItems.label,
      value: districtValues.value,
      isSample: districtValues.isSample,
    })
    .from(districtValues)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, districtValues.districtId))
    .where(and(eq(districtValues.indicatorId, ind.id), inArray(districtValues.period, periods)))
    .all();
  const values: PeriodData["values"] = new Map();
  for (const r of rows) {
    const m = values.get(r.period) ?? new Map();
    m.set(r.district, { value: r.value, isSample: r.isSample });
    values.set(r.period, m);
  }
  const totals = new Map(
    db
      .select({ period: cityTotals.period, value: cityTotals.value })
      .from(cityTotals)
      .where(and(eq(cityTotals.indicatorId, ind.id), inArray(cityTotals.period, periods)))
      .all()
      .map((t) => [t.period, t.value]),
  );
  return { values, totals };
}

/** Our value: the live registry count for registry indicators, else what staff entered for our district. */
function ourValue(ind: Indicator, period: Period, data: PeriodData): number | null {
  if (ind.source === "registry_count" && ind.registryRule) return registryCount(ind.registryRule, period);
  return data.values.get(period)?.get(OUR_DISTRICT)?.value ?? null;
}

function standingFor(ind: Indicator, period: Period, data: PeriodData, districts: District[]): Standing {
  const m = data.values.get(period) ?? new Map();
  const ours = ourValue(ind, period, data);
  const hasOthers = [...m.keys()].some((d) => d !== OUR_DISTRICT);
  const list = districts
    .map((d) => ({ district: d.label, value: d.label === OUR_DISTRICT ? ours : (m.get(d.label)?.value ?? null) }))
    .filter((v) => hasOthers || v.district === OUR_DISTRICT);
  if (ind.valueKind === "rank") {
    // The value is the rank itself.
    const s = computeStanding(list, OUR_DISTRICT, "lower", {
      shareable: false,
      allDistricts: districts.map((d) => d.label),
    });
    return {
      ...s,
      rank: ours,
      leadOverSecond: ours === 1 ? 1 : null,
      leadOverSecondPct: null,
      gapToFirst: ours && ours > 1 ? ours - 1 : null,
      gapToFirstPct: null,
    };
  }
  const s = computeStanding(list, OUR_DISTRICT, ind.direction, {
    cityTotal: data.totals.get(period) ?? null,
    allDistricts: districts.map((d) => d.label),
    shareable: ind.additive,
  });
  if (!hasOthers)
    return {
      ...s,
      rank: null,
      leadOverSecond: null,
      leadOverSecondPct: null,
      gapToFirst: null,
      gapToFirstPct: null,
      sharePct: data.totals.has(period) ? s.sharePct : null,
      shareBase: data.totals.has(period) ? s.shareBase : null,
    };
  return s;
}

export type TrendPoint = { period: Period; value: number | null; target: number | null; rank: number | null };

export type Card = {
  indicator: Pick<
    Indicator,
    | "id"
    | "key"
    | "name"
    | "unit"
    | "periodType"
    | "direction"
    | "source"
    | "valueKind"
    | "decimals"
    | "additive"
    | "compareDistricts"
    | "registryRule"
  >;
  period: Period;
  value: number | null;
  standing: Standing;
  districtCount: number;
  target: { rank: number | null; value: number | null; progress: number | null } | null;
  status: TargetStatus | null;
  /** 待录入: Yubei's value, or (for a ranked indicator) the districts' ranking, is not entered yet. */
  pending: boolean;
  previous: Change;
  yearOnYear: Change;
  trend: TrendPoint[];
  streak: number | null;
  sampleBased: boolean;
  /** Per district for the data period, best first (for the comparison chart). */
  comparison: { district: string; value: number; isUs: boolean }[];
};

function targetFor(indicatorId: number, year: number) {
  return getDb()
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.year, year)))
    .get();
}

function targetsByYear(indicatorId: number): Map<number, { rank: number | null; value: number | null }> {
  return new Map(
    getDb()
      .select()
      .from(indicatorTargets)
      .where(eq(indicatorTargets.indicatorId, indicatorId))
      .all()
      .map((t) => [t.year, { rank: t.targetRank, value: t.targetValue }]),
  );
}

/** Everything the board shows for one indicator in one board period. */
export function computeCard(
  ind: Indicator,
  board: Period,
  districts: District[],
  ourDistrictId: number,
  /** Show exactly this data period instead of the one the board would pick. */
  pinned?: Period,
): Card {
  const period =
    pinned ?? remember(`period:${ind.id}:${board}:${ourDistrictId}`, () => dataPeriodFor(ind, board, ourDistrictId));
  const trendPeriods = periodRange(period, ind.periodType === "quarter" ? 8 : 5);
  const prev = previousPeriod(period);
  const yoy = samePeriodLastYear(period);
  const needed = [...new Set([...trendPeriods, prev, yoy])];
  if (ind.source === "registry_count" && ind.registryRule) prefetchRegistryCounts(ind.registryRule, needed);
  const data = remember(`data:${ind.id}:${needed.join(",")}`, () => loadPeriodData(ind, needed));
  const standing = standingFor(ind, period, data, districts);
  const targets = remember(`targets:${ind.id}`, () => targetsByYear(ind.id));
  const t = targets.get(yearOf(period)) ?? null;

  const trend: TrendPoint[] = trendPeriods.map((p) => {
    const tp = targets.get(yearOf(p));
    const v = ourValue(ind, p, data);
    const s = ind.compareDistricts ? standingFor(ind, p, data, districts) : null;
    return {
      period: p,
      value: v,
      target: ind.valueKind === "rank" ? (tp?.rank ?? null) : (tp?.value ?? null),
      rank: s?.rank ?? null,
    };
  });
  const leadHistory = trendPeriods
    .slice(-3)
    .map((p) => (ind.compareDistricts ? standingFor(ind, p, data, districts).leadOverSecond : null));

  const status = t
    ? targetStatus({
        rank: standing.rank,
        value: standing.value,
        direction: ind.valueKind === "rank" ? "lower" : ind.direction,
        targetRank: t.rank,
        targetValue: t.value,
        leadOverSecondPct: ind.valueKind === "rank" ? null : standing.leadOverSecondPct,
        leadHistory: ind.valueKind === "rank" ? [] : leadHistory,
      })
    : null;

  let streak: number | null = null;
  if (ind.valueKind === "rank") {
    const ours = remember(`ours:${ind.id}:${ourDistrictId}`, () =>
      getDb()
        .select({ period: districtValues.period, value: districtValues.value })
        .from(districtValues)
        .where(and(eq(districtValues.indicatorId, ind.id), eq(districtValues.districtId, ourDistrictId)))
        .all(),
    )
      .filter((r) => comparePeriods(r.period, period) <= 0)
      .sort((a, b) => comparePeriods(a.period, b.period));
    // Only an unbroken run of consecutive periods counts.
    const ranks: (number | null)[] = [];
    let expected = period;
    for (let i = ours.length - 1; i >= 0; i--) {
      if (ours[i].period !== expected) break;
      ranks.unshift(ours[i].value);
      expected = previousPeriod(expected);
    }
    streak = firstPlaceStreak(ranks);
  }

  const m = data.values.get(period) ?? new Map();
  const sampleBased = [...m.entries()].some(([d, v]) => d !== OUR_DISTRICT && v.isSample);
  const comparison = ind.compareDistricts
    ? districts
        .map((d) => ({
          district: d.label,
          value: d.label === OUR_DISTRICT ? standing.value : (m.get(d.label)?.value ?? null),
          isUs: d.label === OUR_DISTRICT,
        }))
        .filter((x): x is { district: string; value: number; isUs: boolean } => x.value !== null)
        .sort((a, b) =>
          (ind.valueKind === "rank" ? "lower" : ind.direction) === "higher" ? b.value - a.value : a.value - b.value,
        )
    : [];

  return {
    indicator: ind,
    period,
    value: standing.value,
    standing,
    districtCount: districts.length,
    target: t
      ? {
          rank: t.rank,
          value: t.value,
          progress: targetProgress(standing.value, t.value, ind.valueKind === "rank" ? "lower" : ind.direction),
        }
      : null,
    status,
    pending: standing.value === null || (ind.compareDistricts && standing.rank === null),
    previous: change(standing.value, ourValue(ind, prev, data)),
    yearOnYear: change(standing.value, ourValue(ind, yoy, data)),
    trend,
    streak,
    sampleBased,
    comparison,
  };
}

export type Alerts = {
  offTarget: { key: string; name: string; status: TargetStatus }[];
  expiringHighTech: { count: number; href: string };
  missing: { key: string; name: string; missing: number; ourMissing: boolean; period: Period }[];
};

/** 本期数据录入进度: how many board indicators have Yubei's value, and which do not. */
export type Progress = { entered: number; total: number; missing: { key: string; name: string; period: Period }[] };

function expiringHighTech(): { count: number; href: string } {
  const type = remember(
    "national_high_tech",
    () =>
      getDb()
        .$client.prepare(
          "SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = 'national_high_tech'",
        )
        .pluck()
        .get() as number | undefined,
  );
  if (!type) return { count: 0, href: "/enterprises" };
  const today = todayIso();
  const until = new Date(`${today}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + 90);
  const last = until.toISOString().slice(0, 10);
  // Live, active, approved enterprises holding a live, approved certificate expiring in the window: counted once a
  // day, then kept current by the registry writes' deltas like the rule counts.
  const count = registryMembershipCount(`expiring-high-tech:${type}:${today}:${last}`, "e", (from) => [
    `"enterprises"."deleted_at" IS NULL AND "enterprises"."status" = 'active' AND "enterprises"."review_state" = 'approved'
      AND "enterprises"."id" IN (SELECT q.enterprise_id FROM ${from.qualifications} q WHERE q.type_id = `,
    { value: type },
    " AND q.deleted_at IS NULL AND q.review_state = 'approved' AND q.expiry_date BETWEEN ",
    { value: today },
    " AND ",
    { value: last },
    ")",
  ]);
  return { count, href: `/enterprises?qual=${type}&expiring=90&status=active` };
}

export type Board = { period: Period; cards: Card[]; alerts: Alerts; progress: Progress; ourDistrict: string };

type BoardCache = { version: string; boards: Map<string, Board> };
const boardCache = globalThis as unknown as { __boardCache?: BoardCache };

/**
 * The board for a period, computed once per state of the data: cached until any action commits or another
 * connection writes (anyDataVersion), and per day (expiry alerts count from today). Always equals a fresh computation.
 */
export function getBoard(board: Period): Board {
  const version = `${anyDataVersion()}:${todayIso()}`;
  if (!boardCache.__boardCache || boardCache.__boardCache.version !== version) {
    boardCache.__boardCache = { version, boards: new Map() };
  }
  const boards = boardCache.__boardCache.boards;
  const hit = boards.get(board);
  if (hit) return hit;
  const fresh = computeBoard(board);
  if (boards.size >= 16) boards.delete(boards.keys().next().value as string);
  boards.set(board, fresh);
  return fresh;
}

/** Everything the board shows for a period, straight from the database (registry counts via their own cache). */
export function computeBoard(board: Period): Board {
  const districts = remember("districts", getDistricts);
  const us = districts.find((d) => d.label === OUR_DISTRICT);
  if (!us) throw new Error(`no district ${OUR_DISTRICT} in the dictionary`);
  const list = remember("indicators", getIndicatorList).filter((i) => i.onBoard);
  const cards = list.map((ind) => computeCard(ind, board, districts, us.id));
  const alerts: Alerts = {
    offTarget: cards
      .filter((c) => c.status === "missed" || c.status === "warning")
      .map((c) => ({ key: c.indicator.key, name: c.indicator.name, status: c.status as TargetStatus })),
    expiringHighTech: expiringHighTech(),
    missing: cards
      .filter((c) => c.value === null || (c.indicator.compareDistricts && c.standing.missing.length > 0))
      .map((c) => ({
        key: c.indicator.key,
        name: c.indicator.name,
        missing: c.indicator.compareDistricts ? c.standing.missing.length : 0,
        ourMissing: c.value === null,
        period: c.period,
      })),
  };
  const missingValue = cards.filter((c) => c.value === null);
  const progress: Progress = {
    entered: cards.length - missingValue.length,
    total: cards.length,
    missing: missingValue.map((c) => ({ key: c.indicator.key, name: c.indicator.name, period: c.period })),
  };
  return { period: board, cards, alerts, progress, ourDistrict: OUR_DISTRICT };
}

export function getIndicatorByKey(key: string): Indicator | undefined {
  return getDb().select().from(indicators).where(eq(indicators.key, key)).get();
}

export function getTarget(indicatorId: number, year: number) {
  return targetFor(indicatorId, year);
}
