import { describe, expect, it } from "vitest";
import {
  buildNameIndex,
  nameVariants,
  type PasteDistrict,
  parseCell,
  parseDistrictPaste,
  previewChanges,
} from "@/features/kpi/district-paste";
import districtsFile from "@/features/seed/chongqing-districts.json";

const LABELS = [...districtsFile.districts, ...districtsFile.counties, ...districtsFile.autonomous_counties];
const ALL: PasteDistrict[] = LABELS.map((label, i) => ({ id: 100 + i, label }));
const idOf = (label: string) => (ALL.find((d) => d.label === label) as PasteDistrict).id;
const byLabel = (values: Map<number, string>) =>
  Object.fromEntries([...values].map(([id, v]) => [ALL.find((d) => d.id === id)?.label, v]));

describe("district names", () => {
  it("knows each district by its label, without 区/县, and an autonomous county by its place name", () => {
    expect(nameVariants("渝北区")).toEqual(["渝北区", "渝北"]);
    expect(nameVariants("忠县")).toEqual(["忠县", "忠"]);
    expect(nameVariants("石柱土家族自治县")).toEqual(expect.arrayContaining(["石柱", "石柱县", "石柱自治县"]));
    expect(nameVariants("彭水苗族土家族自治县")).toEqual(expect.arrayContaining(["彭水", "彭水县"]));
    expect(nameVariants("两江新区")).toEqual(expect.arrayContaining(["两江新区", "两江"]));
  });

  it("every variant of the 38 districts points to one district only", () => {
    const index = buildNameIndex(ALL);
    for (const d of ALL) for (const v of nameVariants(d.label)) expect(index.get(v)).toBe(d.id);
  });

  it("a shortened name two units share is ambiguous, never guessed", () => {
    const index = buildNameIndex([
      { id: 1, label: "甲区" },
      { id: 2, label: "甲县" },
    ]);
    expect(index.get("甲")).toBeNull();
    expect(index.get("甲区")).toBe(1);
  });
});

describe("parseDistrictPaste: two columns by name", () => {
  it("puts each value on its named district, in any row order, name first", () => {
    const r = parseDistrictPaste("渝北区\t1200\n万州区\t370\n黔江\t15.5", ALL);
    expect(r.errors).toEqual([]);
    expect(r.mode).toBe("pairs");
    expect(byLabel(r.values)).toEqual({ 渝北区: "1200", 万州区: "370", 黔江区: "15.5" });
  });

  it("accepts value first and skips a header row", () => {
    const r = parseDistrictPaste("数值\t区县名称\n370\t万州区\n1,200\t重庆市渝北区\n8\t石柱县\n", ALL);
    expect(r.errors).toEqual([]);
    expect(r.headerSkipped).toBe(true);
    expect(byLabel(r.values)).toEqual({ 万州区: "370", 渝北区: "1,200", 石柱土家族自治县: "8" });
  });

  it("a header whose value column is titled with a year is still skipped", () => {
    const r = parseDistrictPaste("区县\t2021\n万州区\t370", ALL);
    expect(r.errors).toEqual([]);
    expect(r.headerSkipped).toBe(true);
    expect(byLabel(r.values)).toEqual({ 万州区: "370" });
  });

  it("accepts space-separated text as typed", () => {
    const r = parseDistrictPaste("万州区 370\n渝北 12", ALL);
    expect(byLabel(r.values)).toEqual({ 万州区: "370", 渝北区: "12" });
  });

  it("a name with an empty value clears that district", () => {
    const r = parseDistrictPaste("万州区\t370\n渝北区\t", ALL);
    expect(byLabel(r.values)).toEqual({ 万州区: "370", 渝北区: "" });
  });

  it("refuses unknown and duplicate names row by row, and fills nothing", () => {
    const r = parseDistrictPaste("区县\t数值\n万州区\t1\n万洲区\t2\n渝北\t3\n渝北区\t4\n江北区\tabc", ALL);
    expect(r.values.size).toBe(0);
    expect(r.errors).toEqual([
      { line: 3, key: "kpi.paste.unknownName", params: { name: "万洲区" } },
      { line: 5, key: "kpi.paste.duplicateName", params: { name: "渝北区", label: "渝北区", first: 4 } },
      { line: 6, key: "kpi.paste.invalidValue", params: { name: "江北区", value: "abc" } },
    ]);
  });

  it("refuses a row with more than two columns or without a name", () => {
    const r = parseDistrictPaste("万州区\t1\t2\n5\t6", ALL);
    expect(r.errors.map((e) => [e.line, e.key])).toEqual([
      [1, "kpi.paste.tooManyColumns"],
      [2, "kpi.paste.noName"],
    ]);
  });

  it("ignores a district that is shown but not entered here (our computed value)", () => {
    const editable = ALL.filter((d) => d.label !== "渝北区");
    const r = parseDistrictPaste("渝北区\t3137\n万州区\t370", editable, ALL);
    expect(r.errors).toEqual([]);
    expect(r.ignored).toEqual(["渝北区"]);
    expect(byLabel(r.values)).toEqual({ 万州区: "370" });
  });
});

describe("parseDistrictPaste: one column in the order shown", () => {
  const column = ALL.map((_, i) => String(i + 1));
  it("fills by position", () => {
    const r = parseDistrictPaste(column.join("\n"), ALL);
    expect(r.mode).toBe("column");
    expect(r.values.get(idOf("万州区"))).toBe("1");
    expect(r.values.get(idOf("彭水苗族土家族自治县"))).toBe("38");
  });

  it("skips a header and keeps a blank line as a district without data", () => {
    const withBlank = [...column];
    withBlank[1] = "";
    const r = parseDistrictPaste(`2021Q1数值\n${withBlank.join("\n")}`, ALL);
    expect(r.errors).toEqual([]);
    expect(r.headerSkipped).toBe(true);
    expect(r.values.get(idOf("黔江区"))).toBe("");
    expect(r.values.size).toBe(38);
  });

  it("refuses a column of the wrong length", () => {
    const r = parseDistrictPaste(column.slice(1).join("\n"), ALL);
    expect(r.errors).toEqual([{ line: null, key: "kpi.paste.countMismatch", params: { got: 37, n: 38 } }]);
  });
});

describe("previewChanges and parseCell", () => {
  it("shows before → after and marks the unchanged ones", () => {
    const rows = [
      { id: 1, label: "万州区", loaded: 10 },
      { id: 2, label: "黔江区", loaded: 5 },
      { id: 3, label: "涪陵区", loaded: null },
    ];
    const p = previewChanges(
      rows,
      new Map([
        [1, "370"],
        [2, "5.0"],
        [3, ""],
      ]),
    );
    expect(p.invalid).toEqual([]);
    expect(p.rows.map((r) => [r.label, r.before, r.after, r.changed])).toEqual([
      ["万州区", 10, 370, true],
      ["黔江区", 5, 5, false],
      ["涪陵区", null, null, false],
    ]);
  });

  it("parses numbers with separators and refuses negatives and words", () => {
    expect(parseCell(" 1,234.5 ")).toBe(1234.5);
    expect(parseCell("")).toBeNull();
    expect(parseCell("-1")).toBe("invalid");
    expect(parseCell("十")).toBe("invalid");
  });
});
