import { describe, expect, it } from "vitest";
import { createEnterpriseSchema, enterpriseFields } from "@/features/enterprises/validations";
import { parseCell, targetSchema } from "@/features/indicators/validations";
import { narrativeSchema } from "@/features/reports/validations";
import { dateStr, optAmount, optText, reqAmount, reqText, year } from "@/lib/registry/fields";
import { normaliseText, parseDecimal, textProblem } from "@/lib/zod";

const issue = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? null : (r.error?.issues[0]?.message ?? "?");
};

describe("text hygiene", () => {
  it("refuses NUL and other control characters in single-line text", () => {
    expect(issue(reqText(100), "重庆\u0000科技")).toBe("registry.controlChars");
    expect(issue(reqText(100), "重庆\u0007科技")).toBe("registry.controlChars");
    expect(issue(reqText(100), "重庆\u009b科技")).toBe("registry.controlChars");
    expect(issue(reqText(100), "重庆\n科技")).toBe("registry.controlChars");
    expect(issue(reqText(100), "重庆\t科技")).toBe("registry.controlChars");
    expect(issue(optText(100), "a\u202Eb")).toBe("registry.controlChars");
  });
  it("allows tab and line breaks only where the field is multi-line", () => {
    expect(issue(reqText(100, { multiline: true }), "第一行\n\t第二行")).toBeNull();
    expect(issue(reqText(100, { multiline: true }), "第一行\u0000")).toBe("registry.controlChars");
  });
  it("refuses lone surrogates but keeps real astral characters", () => {
    expect(issue(reqText(100), "企业\uD800")).toBe("registry.brokenChars");
    expect(issue(reqText(100), "\uDC00企业")).toBe("registry.brokenChars");
    expect(issue(reqText(100), "𠀀企业😀")).toBeNull();
  });
  it("treats a zero-width-only value as empty", () => {
    expect(issue(reqText(100), "\u200B\u200C\uFEFF ")).toBe("registry.required");
    expect(optText(100).parse("\u200B\u2060")).toBeNull();
    expect(normaliseText("\u200B重庆科技\u200D")).toBe("重庆科技");
    expect(reqText(100).parse(" 重庆科技 ")).toBe("重庆科技");
  });
  it("names the problem with a catalogue key, or none", () => {
    expect(textProblem("正常文本")).toBeNull();
    expect(textProblem("a\u0000")).toBe("registry.controlChars");
  });
});

describe("numbers: decimal notation only", () => {
  it("refuses hex, binary, octal, exponents, Infinity and misplaced separators", () => {
    for (const v of ["0x10", "0b11", "0o17", "1e3", "Infinity", "1,2,3", "12,34", "1,2345", ".5", "5.", "1 000"]) {
      expect(issue(optAmount(1_000_000), v), v).toBe("registry.decimalThousands");
    }
    expect(issue(year(1990, 2100), "0x7e4")).toBe("registry.decimalOnly");
    expect(issue(year(1990, 2100), "2,020")).toBe("registry.decimalOnly");
  });
  it("accepts plain decimals and correctly grouped thousands where the field allows them", () => {
    expect(reqAmount(1_000_000).parse("1,234.5")).toBe(1234.5);
    expect(reqAmount(1_000_000).parse("1234.5")).toBe(1234.5);
    expect(reqAmount(1_000_000).parse(" 500 ")).toBe(500);
    expect(optAmount(1_000_000).parse("")).toBeNull();
    expect(reqAmount(1_000_000).parse(42)).toBe(42);
    expect(year(1990, 2100).parse("2020")).toBe(2020);
    expect(parseDecimal("1,234", { thousands: false })).toEqual({ ok: false, message: "registry.decimalOnly" });
  });
  it("applies to other forms' numbers too", () => {
    const r = targetSchema.safeParse({ indicatorKey: "rd_expense", year: "2021", targetRank: "0x1", targetValue: "" });
    expect(r.success).toBe(false);
    expect(parseCell("0x10")).toBe("invalid");
    expect(parseCell("1,2,3")).toBe("invalid");
    expect(parseCell("1e3")).toBe("invalid");
    expect(parseCell("75,460.5")).toBe(75460.5);
    expect(parseCell(" ")).toBeNull();
  });
});

describe("dates: plausible ranges", () => {
  it("refuses a founding date before 1900 and accepts 1900-01-01", () => {
    expect(issue(enterpriseFields.foundedDate, "0001-01-01")).toBe("registry.dateTooEarly|min=1900-01-01");
    expect(issue(enterpriseFields.foundedDate, "1899-12-31")).toBe("registry.dateTooEarly|min=1900-01-01");
    expect(issue(enterpriseFields.foundedDate, "1900-01-01")).toBeNull();
  });
  it("refuses future recognition and award dates, and far-future expiry dates", () => {
    expect(issue(dateStr({ notFuture: true }), "2999-01-01")).toBe("registry.dateFuture");
    expect(issue(dateStr(), "2999-01-01")).toBe("registry.dateTooLate|max=2100-12-31");
    expect(issue(dateStr(), "2030-06-30")).toBeNull();
  });
});

describe("the shared schemas reach every registry", () => {
  it("an enterprise with a NUL in its name, a hex capital and a year-1 founding is refused on each field", () => {
    const r = createEnterpriseSchema.safeParse({
      name: "渝北\u0000科技",
      creditCode: "91500112MA5U0001X0",
      legalRepresentative: "\u200B",
      foundedDate: "0001-01-01",
      registeredCapital: "0x10",
      streetId: "0x1",
    });
    expect(r.success).toBe(false);
    const paths = new Map(r.error?.issues.map((i) => [String(i.path[0]), i.message]));
    expect(paths.get("name")).toBe("registry.controlChars");
    expect(paths.get("legalRepresentative")).toBe("registry.required");
    expect(paths.get("foundedDate")).toBe("registry.dateTooEarly|min=1900-01-01");
    expect(paths.get("registeredCapital")).toBe("registry.decimalThousands");
    expect(paths.get("streetId")).toBe("registry.invalidOption");
  });
  it("multi-line report text keeps its line breaks but not NUL", () => {
    const narrative = narrativeSchema.shape.summaryText;
    expect(narrative.safeParse("一、总体情况\n二、下季度计划").success).toBe(true);
    expect(narrative.safeParse("一、\u0000").success).toBe(false);
  });
});
