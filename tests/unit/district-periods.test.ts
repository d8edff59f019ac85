import { describe, expect, it } from "vitest";
import type { PasteDistrict } from "@/features/kpi/district-paste";
import { columnName, parseDistrictPeriods, parsePeriodHeader } from "@/features/kpi/district-periods";
import districtsFile from "@/features/seed/chongqing-districts.json";

const LABELS = [...districtsFile.districts, ...districtsFile.counties, ...districtsFile.autonomous_counties];
const ALL: PasteDistrict[] = LABELS.map((label, i) => ({ id: 100 + i, label }));
const idOf = (label: string) => (ALL.find((d) => d.label === label) as PasteDistrict).id;
const rows = (...r: string[][]) => r.map((cells, i) => ({ rowNumber: i + 2, cells }));
const yearly = { periodType: "year" as const, latest: "2026", editable: ALL };
const keys = (r: ReturnType<typeof parseDistrictPeriods>) => r.errors.map((e) => [e.line, e.key]);

describe("period column titles", () => {
  it("reads years and quarters in the ways a spreadsheet writes them", () => {
    expect(parsePeriodHeader("2023")).toBe("2023");
    expect(parsePeriodHeader("2023年")).toBe("2023");
    expect(parsePeriodHeader("2023.0")).toBe("2023");
    expect(parsePeriodHeader("2024Q1")).toBe("2024Q1");
    expect(parsePeriodHeader("2024q3")).toBe("2024Q3");
    expect(parsePeriodHeader("2024-Q2")).toBe("2024Q2");
    expect(parsePeriodHeader("2024年第4季度")).toBe("2024Q4");
    expect(parsePeriodHeader("2024年一季度")).toBe("2024Q1");
    expect(parsePeriodHeader("数值")).toBeNull();
    expect(parsePeriodHeader("2024Q5")).toBeNull();
    expect(columnName(0)).toBe("A");
    expect(columnName(27)).toBe("AB");
  });
});

describe("a districts × periods sheet", () => {
  it("reads every district's value per period, by name as the single-period paste matches it", () => {
    const r = parseDistrictPeriods(
      ["区县名称", "2023", "2024"],
      rows(["渝北区", "120.5", "130"], ["重庆市江北区", "1,200", ""], ["石柱县", "3", "4"]),
      yearly,
    );
    expect(r.errors).toEqual([]);
    expect(r.periods).toEqual(["2023", "2024"]);
    expect(Object.fromEntries(r.values.get("2023") ?? [])).toEqual({
      [idOf("渝北区")]: "120.5",
      [idOf("江北区")]: "1,200",
      [idOf("石柱土家族自治县")]: "3",
    });
    // A blank cell leaves that value as it is: not in the map.
    expect(r.values.get("2024")?.has(idOf("江北区"))).toBe(false);
    expect(r.values.get("2024")?.get(idOf("渝北区"))).toBe("130");
  });

  it("orders the periods oldest first whatever the column order, and drops a column without values", () => {
    const r = parseDistrictPeriods(["区县", "2024Q2", "2023Q4", "2024Q1"], rows(["渝北", "2", "1", ""]), {
      ...yearly,
      periodType: "quarter",
      latest: "2026Q4",
    });
    expect(r.errors).toEqual([]);
    expect(r.periods).toEqual(["2023Q4", "2024Q2"]);
  });

  it("refuses the whole file for any bad title, period type, period range, name or value (all or nothing)", () => {
    const r = parseDistrictPeriods(
      ["区县名称", "2015", "2024", "2024", "2024Q1", "2030", "备注"],
      rows(
        ["渝北区", "1", "2", "3", "4", "5", "x"],
        ["不存在区", "1", "1", "1", "1", "1", ""],
        ["渝北", "1", "1", "1", "1", "1", ""],
        ["江北区", "1", "-5", "1", "1", "1", ""],
        ["", "", "7", "", "", "", ""],
      ),
      yearly,
    );
    expect(keys(r)).toEqual([
      [1, "kpi.periods.tooEarly"],
      [1, "kpi.periods.duplicatePeriod"],
      [1, "kpi.periods.needYear"],
      [1, "kpi.periods.future"],
      [1, "kpi.periods.badHeader"],
      [3, "kpi.paste.unknownName"],
      [4, "kpi.paste.duplicateName"],
      [5, "kpi.periods.invalidValue"],
      [6, "kpi.periods.noName"],
    ]);
    expect(r.values.size).toBe(0);
    expect(r.periods).toEqual([]);
    expect(r.errors.find((e) => e.key === "kpi.periods.invalidValue")?.params).toEqual({
      name: "江北区",
      period: "2024",
      value: "-5",
    });
  });

  it("a quarterly indicator refuses a year column; a sheet without period columns or values is refused", () => {
    const q = parseDistrictPeriods(["区县", "2024"], rows(["渝北区", "1"]), {
      ...yearly,
      periodType: "quarter",
      latest: "2026Q4",
    });
    expect(keys(q)).toEqual([[1, "kpi.periods.needQuarter"]]);
    expect(keys(parseDistrictPeriods(["区县名称"], rows(["渝北区"]), yearly))).toEqual([[1, "kpi.periods.noPeriods"]]);
    expect(keys(parseDistrictPeriods(["区县名称", "2024"], rows(["渝北区", ""]), yearly))).toEqual([
      [null, "kpi.paste.empty"],
    ]);
  });

  it("names a computed district (not entered here) as ignored instead of refusing it", () => {
    const editable = ALL.filter((d) => d.label !== "渝北区");
    const r = parseDistrictPeriods(["区县名称", "2023"], rows(["渝北区", "99"], ["江北区", "5"]), {
      ...yearly,
      editable,
      all: ALL,
    });
    expect(r.errors).toEqual([]);
    expect(r.ignored).toEqual(["渝北区"]);
    expect([...(r.values.get("2023")?.keys() ?? [])]).toEqual([idOf("江北区")]);
  });
});
