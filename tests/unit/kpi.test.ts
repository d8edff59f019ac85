import { describe, expect, it } from "vitest";
import {
  change,
  competitionRanks,
  computeStanding,
  firstPlaceStreak,
  round,
  targetProgress,
  targetStatus,
} from "@/features/kpi/ranking";
import {
  comparePeriods,
  formatPeriod,
  periodEnd,
  periodRange,
  periodStart,
  previousPeriod,
  quarterOfDate,
  samePeriodLastYear,
  shiftPeriod,
} from "@/lib/kpi/period";

describe("quarter arithmetic", () => {
  it("shifts across year boundaries", () => {
    expect(shiftPeriod("2021Q1", -1)).toBe("2020Q4");
    expect(shiftPeriod("2020Q4", 1)).toBe("2021Q1");
    expect(shiftPeriod("2021Q1", -16)).toBe("2017Q1");
    expect(previousPeriod("2020")).toBe("2019");
    expect(samePeriodLastYear("2021Q1")).toBe("2020Q1");
    expect(samePeriodLastYear("2020")).toBe("2019");
  });
  it("knows period bounds", () => {
    expect(periodEnd("2021Q1")).toBe("2021-03-31");
    expect(periodEnd("2020Q2")).toBe("2020-06-30");
    expect(periodEnd("2019")).toBe("2019-12-31");
    expect(periodStart("2021Q4")).toBe("2021-10-01");
    expect(quarterOfDate("2021-03-31")).toBe("2021Q1");
    expect(quarterOfDate("2021-04-01")).toBe("2021Q2");
  });
  it("ranges and ordering", () => {
    expect(periodRange("2021Q1", 3)).toEqual(["2020Q3", "2020Q4", "2021Q1"]);
    expect(periodRange("2020", 2)).toEqual(["2019", "2020"]);
    expect(comparePeriods("2020Q4", "2021Q1")).toBeLessThan(0);
    expect(comparePeriods("2020", "2020Q4")).toBeGreaterThan(0);
  });
  it("formats in Chinese and English", () => {
    expect(formatPeriod("2021Q1")).toBe("2021年第一季度");
    expect(formatPeriod("2020")).toBe("2020年");
    expect(formatPeriod("2021Q4", "en")).toBe("2021 Q4");
  });
});

const v = (pairs: [string, number | null][]) => pairs.map(([district, value]) => ({ district, value }));

describe("competition ranking", () => {
  it("ties share a rank and the next one skips (1224)", () => {
    const r = competitionRanks(
      v([
        ["a", 10],
        ["b", 8],
        ["c", 8],
        ["d", 5],
      ]),
      "higher",
    );
    expect([...r.entries()]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });
  it("lower is better for rank-type indicators", () => {
    const r = competitionRanks(
      v([
        ["a", 3],
        ["b", 1],
        ["c", 2],
      ]),
      "lower",
    );
    expect(r.get("b")).toBe(1);
    expect(r.get("a")).toBe(3);
  });
  it("districts without a value are not ranked", () => {
    const r = competitionRanks(
      v([
        ["a", 3],
        ["b", null],
      ]),
      "higher",
    );
    expect(r.has("b")).toBe(false);
  });
});

describe("standing", () => {
  const all = ["渝北区", "江北区", "九龙坡区", "南岸区"];
  it("first: lead over #2, share of the published city total", () => {
    const s = computeStanding(
      v([
        ["渝北区", 12],
        ["江北区", 9],
        ["九龙坡区", 7],
        ["南岸区", 4],
      ]),
      "渝北区",
      "higher",
      {
        cityTotal: 54,
        allDistricts: all,
      },
    );
    expect(s.rank).toBe(1);
    expect(s.leadOverSecond).toBe(3);
    expect(round(s.leadOverSecondPct as number)).toBe(33.33);
    expect(s.gapToFirst).toBeNull();
    expect(round(s.sharePct as number)).toBe(22.22);
    expect(s.shareBase).toBe("published");
  });
  it("not first: gap to #1; share from the sum of districts when no city total", () => {
    const s = computeStanding(
      v([
        ["渝北区", 6],
        ["江北区", 9],
        ["九龙坡区", 5],
      ]),
      "渝北区",
      "higher",
      { allDistricts: all },
    );
    expect(s.rank).toBe(2);
    expect(s.gapToFirst).toBe(3);
    expect(round(s.gapToFirstPct as number)).toBe(33.33);
    expect(s.leadOverSecond).toBeNull();
    expect(round(s.sharePct as number)).toBe(30);
    expect(s.shareBase).toBe("sum");
    expect(s.missing).toEqual(["南岸区"]);
  });
  it("a tie for first: rank 1 with zero lead", () => {
    const s = computeStanding(
      v([
        ["渝北区", 9],
        ["江北区", 9],
      ]),
      "渝北区",
      "higher",
    );
    expect(s.rank).toBe(1);
    expect(s.leadOverSecond).toBe(0);
    expect(s.leaders).toEqual(["渝北区", "江北区"]);
  });
  it("lower is better: lead is how much smaller we are", () => {
    const s = computeStanding(
      v([
        ["渝北区", 1],
        ["江北区", 3],
      ]),
      "渝北区",
      "lower",
      { shareable: false },
    );
    expect(s.rank).toBe(1);
    expect(s.leadOverSecond).toBe(2);
    expect(s.sharePct).toBeNull();
  });
  it("our value missing: no rank, no share", () => {
    const s = computeStanding(v([["江北区", 3]]), "渝北区", "higher", { allDistricts: all });
    expect(s.rank).toBeNull();
    expect(s.value).toBeNull();
    expect(s.sharePct).toBeNull();
    expect(s.missing).toContain("渝北区");
  });
  it("zero totals give no share instead of dividing by zero", () => {
    const s = computeStanding(
      v([
        ["渝北区", 0],
        ["江北区", 0],
      ]),
      "渝北区",
      "higher",
      { cityTotal: 0 },
    );
    expect(s.sharePct).toBeNull();
    const t = computeStanding(
      v([
        ["渝北区", 0],
        ["江北区", 0],
      ]),
      "渝北区",
      "higher",
    );
    expect(t.sharePct).toBeNull();
    expect(t.leadOverSecondPct).toBeNull();
  });
  it("reproduces the published shares from the seeded city totals", () => {
    expect(round((12 / 54) * 100)).toBe(22.22);
    expect(round((12 / 34) * 100)).toBe(35.29);
    expect(round((133 / 847) * 100, 1)).toBe(15.7);
    expect(round((9 / 46) * 100)).toBe(19.57);
    expect(round((4 / 10) * 100)).toBe(40);
  });
});

describe("change, targets, streaks", () => {
  it("change vs a base", () => {
    expect(change(198, 120)).toEqual({ abs: 78, pct: 65 });
    expect(change(5, 0)).toEqual({ abs: 5, pct: null });
    expect(change(null, 3)).toBeNull();
  });
  it("target status", () => {
    const base = { direction: "higher" as const, targetRank: 1, targetValue: null, leadHistory: [] };
    expect(targetStatus({ ...base, rank: 1, value: 10, leadOverSecondPct: 20 })).toBe("met");
    expect(targetStatus({ ...base, rank: 1, value: 10, leadOverSecondPct: 4.9 })).toBe("warning");
    expect(targetStatus({ ...base, rank: 1, value: 10, leadOverSecondPct: 20, leadHistory: [5, 4, 3] })).toBe(
      "warning",
    );
    expect(targetStatus({ ...base, rank: 1, value: 10, leadOverSecondPct: 20, leadHistory: [3, 4, 3] })).toBe("met");
    expect(targetStatus({ ...base, rank: 2, value: 10, leadOverSecondPct: null })).toBe("missed");
    expect(targetStatus({ ...base, rank: 1, value: 10, targetValue: 12, leadOverSecondPct: 20 })).toBe("missed");
    expect(targetStatus({ ...base, rank: null, value: null, leadOverSecondPct: null })).toBe("no_data");
  });
  it("progress to a target value", () => {
    expect(targetProgress(75.46, 80, "higher")).toBeCloseTo(94.325);
    expect(targetProgress(2, 1, "lower")).toBe(50);
    expect(targetProgress(5, null, "higher")).toBeNull();
  });
  it("first-place streak counts back from the newest period", () => {
    expect(firstPlaceStreak([2, 1, 1, 1])).toBe(3);
    expect(firstPlaceStreak([1, 1, 2])).toBe(0);
    expect(firstPlaceStreak(Array(17).fill(1))).toBe(17);
  });
});
