import { describe, expect, it } from "vitest";
import { targetStatus } from "@/features/kpi/ranking";
import { closeGaps, type IndicatorRow } from "@/features/reports/model";
import { shiftPeriod } from "@/lib/kpi/period";
import { chooseBoardPeriod, MAX_CANDIDATES } from "@/lib/kpi/period-choice";

const complete =
  (...qs: string[]) =>
  (q: string) =>
    qs.includes(q);

describe("the board's default period", () => {
  it("skips a quarter that is only partly entered", () => {
    // One value was entered for 2021Q2: 2021Q1 (complete) is still the default.
    const p = chooseBoardPeriod({
      closed: [],
      withData: ["2021Q2", "2021Q1", "2020Q4"],
      isComplete: complete("2021Q1", "2020Q4"),
      fallback: "2026Q4",
    });
    expect(p).toBe("2021Q1");
  });

  it("opens on the latest closed quarter when no later one is complete", () => {
    const p = chooseBoardPeriod({
      closed: ["2020Q4", "2020Q3"],
      withData: ["2021Q2", "2021Q1", "2020Q4"],
      isComplete: complete(),
      fallback: "2026Q4",
    });
    expect(p).toBe("2020Q4");
  });

  it("a complete quarter later than the latest closed one wins (a closed quarter is never newer data)", () => {
    const p = chooseBoardPeriod({
      closed: ["2020Q2"],
      withData: ["2021Q2", "2021Q1", "2020Q2"],
      isComplete: complete("2021Q1"),
      fallback: "2026Q4",
    });
    expect(p).toBe("2021Q1");
  });

  it("does not look at quarters before the latest closed one for completeness", () => {
    const asked: string[] = [];
    chooseBoardPeriod({
      closed: ["2021Q1"],
      withData: ["2021Q2", "2021Q1", "2020Q4", "2020Q3"],
      isComplete: (q) => {
        asked.push(q);
        return false;
      },
      fallback: "2026Q4",
    });
    expect(asked).toEqual(["2021Q2"]);
  });

  it("tries at most MAX_CANDIDATES quarters, newest first", () => {
    const withData = Array.from({ length: 20 }, (_, i) => shiftPeriod("2021Q1", -i));
    const asked: string[] = [];
    const p = chooseBoardPeriod({
      closed: [],
      withData,
      isComplete: (q) => {
        asked.push(q);
        return false;
      },
      fallback: "2026Q4",
    });
    expect(asked).toEqual(withData.slice(0, MAX_CANDIDATES));
    // Nothing complete and nothing closed: the newest quarter with data (the board then lists what is missing).
    expect(p).toBe("2021Q1");
  });

  it("falls back when there is no data at all, and ignores years and duplicates", () => {
    expect(chooseBoardPeriod({ closed: [], withData: [], isComplete: complete(), fallback: "2026Q4" })).toBe("2026Q4");
    expect(
      chooseBoardPeriod({
        closed: ["2020"],
        withData: ["2020", "2020Q1", "2020Q1"],
        isComplete: complete("2020Q1"),
        fallback: "2026Q4",
      }),
    ).toBe("2020Q1");
  });
});

describe("missing data is not a missed target", () => {
  it("a card with a value but no ranking is 待录入 (no_data), not missed", () => {
    const base = { direction: "higher" as const, targetRank: 1, targetValue: null, leadOverSecondPct: null };
    expect(targetStatus({ ...base, rank: null, value: 10 })).toBe("no_data");
    expect(targetStatus({ ...base, rank: 2, value: 10 })).toBe("missed");
  });
});

describe("封账 checks", () => {
  const row = (key: string, value: number | null) => ({ key, name: key, dataPeriod: "2021Q1", value }) as IndicatorRow;
  it("lists an empty narrative and every indicator without Yubei's value", () => {
    const gaps = closeGaps({ summaryText: " ", planText: "计划", indicators: [row("a", 1), row("b", null)] });
    expect(gaps.map((g) => g.code)).toEqual(["summaryText", "indicator:b"]);
  });
  it("finds nothing when all is filled in", () => {
    expect(closeGaps({ summaryText: "总结", planText: "计划", indicators: [row("a", 0)] })).toEqual([]);
  });
});
