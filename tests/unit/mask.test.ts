import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone } from "@/lib/mask";

describe("maskPhone", () => {
  it("masks a mainland mobile as 3 + **** + 4", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
  });

  it("keeps first 3 and last 4 of a landline, masking the middle per char", () => {
    expect(maskPhone("023-67891234")).toBe("023*****1234");
    expect(maskPhone("67891234")).toBe("678*1234");
  });

  it("masks all but the last 2 of short values", () => {
    expect(maskPhone("1234567")).toBe("*****67");
    expect(maskPhone("12")).toBe("12");
  });

  it("trims before masking", () => {
    expect(maskPhone(" 13800138000 ")).toBe("138****8000");
  });

  it("returns empty for null, undefined and empty", () => {
    expect(maskPhone(null)).toBe("");
    expect(maskPhone(undefined)).toBe("");
    expect(maskPhone("")).toBe("");
  });
});

describe("maskIdNumber", () => {
  it("masks an 18-char ID as 6 + 8 stars + 4", () => {
    expect(maskIdNumber("500112199001011234")).toBe("500112********1234");
    expect(maskIdNumber("50011219900101123X")).toBe("500112********123X");
  });

  it("masks a 15-char ID as 6 + 5 stars + 4", () => {
    expect(maskIdNumber("500112900101123")).toBe("500112*****1123");
  });

  it("keeps first 2 and last 2 of other documents", () => {
    expect(maskIdNumber("E12345678")).toBe("E1*****78");
  });

  it("masks very short values completely", () => {
    expect(maskIdNumber("1234")).toBe("****");
  });

  it("returns empty for null, undefined and empty", () => {
    expect(maskIdNumber(null)).toBe("");
    expect(maskIdNumber(undefined)).toBe("");
    expect(maskIdNumber("")).toBe("");
  });
});

describe("maskName", () => {
  it("keeps the first character and masks the rest per char", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("李小龙")).toBe("李**");
    expect(maskName("欧阳娜娜")).toBe("欧***");
  });

  it("leaves a single character unchanged", () => {
    expect(maskName("张")).toBe("张");
  });

  it("treats a non-BMP character as one character", () => {
    expect(maskName("𠀾小明")).toBe("𠀾**");
    expect(maskName("王𠀾")).toBe("王*");
  });

  it("returns empty for null, undefined and empty", () => {
    expect(maskName(null)).toBe("");
    expect(maskName(undefined)).toBe("");
    expect(maskName("")).toBe("");
  });
});
