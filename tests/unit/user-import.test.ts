import { describe, expect, it } from "vitest";
import { readUserRows, type UnitChoice, validateUserRows } from "@/features/setup/user-import";

const UNITS: UnitChoice[] = [
  { kind: "department", id: 1, label: "科技创新科", enabled: true },
  { kind: "street", id: 2, label: "仙桃街道", enabled: true },
  { kind: "park", id: 3, label: "空港工业园区", enabled: true },
  { kind: "street", id: 4, label: "旧街道", enabled: false },
  { kind: "street", id: 5, label: "同名", enabled: true },
  { kind: "park", id: 6, label: "同名", enabled: true },
];
const HEADERS = ["*姓名", "*用户名", "单位", "*角色", "数据范围"];
const sheet = (...r: string[][]) => r.map((cells, i) => ({ rowNumber: i + 2, cells }));
const check = (r: string[][], taken: string[] = ["admin"]) => {
  const read = readUserRows(HEADERS, sheet(...r));
  expect(read.errors).toEqual([]);
  return validateUserRows(read.rows, UNITS, new Set(taken));
};

describe("bulk user import: reading the sheet", () => {
  it("reads the columns by header (the * marker and any order), skipping blank rows", () => {
    const r = readUserRows(
      ["数据范围", "*角色", "单位", "用户名", "姓名"],
      sheet(["本单位", "业务人员", "仙桃街道", "xt_li", "李四"], ["", "", "", "", ""]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, displayName: "李四", username: "xt_li", unit: "仙桃街道", role: "业务人员", dataScope: "本单位" },
    ]);
  });

  it("refuses a file without a column, without rows, or with too many rows", () => {
    expect(readUserRows(["姓名", "用户名", "角色"], sheet(["a", "b", "c"])).errors).toEqual([
      { row: null, column: null, key: "setup.users.missingColumns", params: { columns: "单位、数据范围" } },
    ]);
    expect(readUserRows(HEADERS, []).errors[0].key).toBe("setup.users.empty");
    const many = Array.from({ length: 201 }, (_, i) => [`人${i}`, `user${i}`, "", "领导", ""]);
    expect(readUserRows(HEADERS, sheet(...many)).errors[0]).toMatchObject({
      key: "setup.users.tooMany",
      params: { n: 201, max: 200 },
    });
  });
});

describe("bulk user import: validating rows", () => {
  it("resolves a staff member, a street-scoped account and a leader", () => {
    const r = check([
      ["王科员", "wang_staff", "科技创新科", "业务人员", "全区"],
      ["李街道", "li_street", "仙桃街道", "业务人员", "本单位"],
      ["赵局长", "zhao_leader", "", "领导", ""],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.users).toEqual([
      {
        row: 2,
        displayName: "王科员",
        username: "wang_staff",
        role: "staff",
        unitKind: "department",
        unitId: 1,
        unitLabel: "科技创新科",
        dataScope: "all",
      },
      {
        row: 3,
        displayName: "李街道",
        username: "li_street",
        role: "staff",
        unitKind: "street",
        unitId: 2,
        unitLabel: "仙桃街道",
        dataScope: "unit",
      },
      {
        row: 4,
        displayName: "赵局长",
        username: "zhao_leader",
        role: "leader",
        unitKind: null,
        unitId: null,
        unitLabel: "",
        dataScope: "all",
      },
    ]);
  });

  it("lists every problem with its row and column, in Chinese keys, and creates nobody (all or nothing)", () => {
    const r = check(
      [
        ["好人", "good_one", "仙桃街道", "业务人员", "全区"],
        ["", "1bad", "火星街道", "审计员", "本单位"],
        ["重名", "Admin", "同名", "老板", "随便"],
        ["重复", "good_one", "科技创新科", "领导", "本单位"],
        ["停用", "old_unit", "旧街道", "staff", "own"],
        ["无单位", "no_unit", "", "业务人员", "本单位"],
      ],
      ["admin"],
    );
    expect(r.users).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [3, "姓名", "setup.users.nameRequired"],
      [3, "用户名", "setup.users.usernameFormat"],
      [3, "角色", "setup.users.auditorReserved"],
      [3, "单位", "setup.users.unitUnknown"],
      [4, "用户名", "setup.users.usernameTaken"],
      [4, "角色", "setup.users.roleUnknown"],
      [4, "单位", "setup.users.unitAmbiguous"],
      [4, "数据范围", "setup.users.scopeUnknown"],
      [5, "用户名", "setup.users.usernameRepeated"],
      [5, "数据范围", "setup.users.scopeNeedsArea"],
      [6, "单位", "setup.users.unitDisabled"],
      [7, "数据范围", "setup.users.scopeNeedsArea"],
    ]);
    expect(r.errors.find((e) => e.key === "setup.users.usernameRepeated")?.params).toEqual({
      value: "good_one",
      first: 2,
    });
  });

  it("refuses control characters and over-long names", () => {
    const r = check([
      ["坏\u202e名", "bad_chars", "", "领导", ""],
      ["长".repeat(51), "long_name", "", "领导", ""],
    ]);
    expect(r.errors.map((e) => e.key)).toEqual(["setup.users.badChars", "setup.users.nameTooLong"]);
  });

  it("every message key exists in both catalogues", async () => {
    const { zhCN } = await import("@/lib/i18n/messages/zh-CN");
    const { en } = await import("@/lib/i18n/messages/en");
    const keys = Object.keys(zhCN.setup.users);
    for (const k of ["nameRequired", "usernameTaken", "scopeNeedsArea", "unitAmbiguous", "auditorReserved"]) {
      expect(keys).toContain(k);
      expect(Object.keys(en.setup.users)).toContain(k);
    }
  });
});
