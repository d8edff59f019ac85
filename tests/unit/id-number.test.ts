import { describe, expect, it } from "vitest";
import { idCheckChar, validateIdNumber } from "@/lib/id-number";

const TODAY = "2026-12-01";

describe("居民身份证号 (GB 11643)", () => {
  it("computes the MOD 11-2 check character, X included", () => {
    // The standard's own example.
    expect(idCheckChar("11010519491231002")).toBe("X");
    expect(idCheckChar("50011219900101123")).toBe("9");
  });

  it("accepts a valid number, normalising a lower-case x, spaces and dashes", () => {
    expect(validateIdNumber("11010519491231002x", TODAY)).toEqual({ ok: true, value: "11010519491231002X" });
    expect(validateIdNumber("500112 19900101 1239", TODAY)).toEqual({ ok: true, value: "500112199001011239" });
    expect(validateIdNumber("500112-19900101-1239", TODAY)).toEqual({ ok: true, value: "500112199001011239" });
  });

  it("names the reason of each refusal", () => {
    const reason = (v: string) => {
      const r = validateIdNumber(v, TODAY);
      return r.ok ? "ok" : r.reason;
    };
    expect(reason("50011219900101123")).toBe("length");
    expect(reason("5001121990010112390")).toBe("length");
    expect(reason("5001121990010112A9")).toBe("chars");
    expect(reason("X00112199001011239")).toBe("chars");
    // 00, 99 and 24 are no province.
    expect(reason(`00011219900101123${idCheckChar("00011219900101123")}`)).toBe("region");
    expect(reason(`99011219900101123${idCheckChar("99011219900101123")}`)).toBe("region");
    expect(reason(`24011219900101123${idCheckChar("24011219900101123")}`)).toBe("region");
    // 30 February, month 13, before 1900.
    expect(reason(`50011219900230123${idCheckChar("50011219900230123")}`)).toBe("birth");
    expect(reason(`50011219901301123${idCheckChar("50011219901301123")}`)).toBe("birth");
    expect(reason(`50011218991231123${idCheckChar("50011218991231123")}`)).toBe("birth");
    // 29 February only in a leap year.
    expect(reason(`50011220000229123${idCheckChar("50011220000229123")}`)).toBe("ok");
    expect(reason(`50011219990229123${idCheckChar("50011219990229123")}`)).toBe("birth");
    // Born tomorrow.
    expect(reason(`50011220261202123${idCheckChar("50011220261202123")}`)).toBe("future");
    expect(reason(`50011220261201123${idCheckChar("50011220261201123")}`)).toBe("ok");
    // One wrong digit.
    expect(reason("500112199001011234")).toBe("checksum");
    expect(reason("500112199001011239")).toBe("ok");
  });
});
