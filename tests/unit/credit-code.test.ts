import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_ERROR_MESSAGES,
  type CreditCodeError,
  computeCheckChar,
  makeCreditCode,
  validateCreditCode,
} from "@/lib/credit-code";
import { type MessageKey, makeT } from "@/lib/i18n/core";

// Publicly printed on business licences; independent of our own algorithm.
const KNOWN_VALID = ["91350100M000100Y43", "91110000600037341L"];

function reasonOf(input: string): CreditCodeError | "ok" {
  const r = validateCreditCode(input);
  return r.ok ? "ok" : r.reason;
}

describe("computeCheckChar", () => {
  it("reproduces the check char of known public codes", () => {
    for (const code of KNOWN_VALID) {
      expect(computeCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it("maps a remainder of 0 to '0' rather than an out-of-range 31", () => {
    // All zeros: sum = 0 → 31 - 0 = 31 → 0.
    expect(computeCheckChar("0".repeat(17))).toBe("0");
  });

  it("matches a hand-computed value", () => {
    // 9*1 + 1*3 + 5*9 + 0*27 + 0*19 + 1*26 + 1*16 + 2*17 = 133; 133 mod 31 = 9; 31 - 9 = 22 → "N"
    expect(computeCheckChar("91500112000000000")).toBe("N");
  });

  it("rejects malformed input", () => {
    expect(() => computeCheckChar("9150011200000000")).toThrow(RangeError);
    expect(() => computeCheckChar("9150011200000000I")).toThrow(RangeError);
  });
});

describe("validateCreditCode", () => {
  it.each(KNOWN_VALID)("accepts known public code %s", (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
  });

  it("accepts codes built with makeCreditCode", () => {
    for (const [p, r, b] of [
      ["91", "500112", "MA5U1234X"],
      ["12", "500000", "450012345"],
      ["52", "500112", "ABCDEFGHJ"],
      ["Y1", "110105", "KLMNPQRTU"],
    ] as const) {
      const code = makeCreditCode(p, r, b);
      expect(code).toHaveLength(18);
      expect(validateCreditCode(code)).toEqual({ ok: true, code });
    }
  });

  it("normalises lower case and surrounding whitespace", () => {
    expect(validateCreditCode("91350100m000100y43")).toEqual({ ok: true, code: "91350100M000100Y43" });
    expect(validateCreditCode("  91110000600037341L\t\n")).toEqual({ ok: true, code: "91110000600037341L" });
    expect(validateCreditCode(" 91110000600037341l ")).toEqual({ ok: true, code: "91110000600037341L" });
  });

  it("rejects empty and whitespace-only input", () => {
    expect(reasonOf("")).toBe("empty");
    expect(reasonOf("   ")).toBe("empty");
  });

  it("rejects wrong lengths", () => {
    expect(reasonOf("91350100M000100Y4")).toBe("length");
    expect(reasonOf("91350100M000100Y433")).toBe("length");
  });

  it.each(["I", "O", "S", "V", "Z"])("rejects the excluded letter %s", (letter) => {
    const code = `91350100M000100${letter}43`;
    expect(reasonOf(code)).toBe("charset");
  });

  it("rejects punctuation and full-width characters", () => {
    expect(reasonOf("91350100M000100-43")).toBe("charset");
    expect(reasonOf("91350100Ｍ000100Y43")).toBe("charset");
  });

  it("rejects a non-digit region code", () => {
    const code = makeCreditCode("91", "500112", "MA5U1234X").replace("500112", "5001A2");
    expect(reasonOf(code)).toBe("region");
  });

  it("rejects a wrong check char", () => {
    for (const code of KNOWN_VALID) {
      const wrong = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
      expect(reasonOf(wrong)).toBe("checksum");
    }
  });

  it("rejects a single transposed/altered body character", () => {
    expect(reasonOf("91350100M000101Y43")).toBe("checksum");
  });

  it("does not enforce the GB 11714 check digit of the body", () => {
    // Body "000000000" has GB 11714 check "0"; replacing it by "1" breaks GB 11714 only.
    const code = makeCreditCode("91", "500112", "000000001");
    expect(validateCreditCode(code).ok).toBe(true);
  });
});

describe("makeCreditCode", () => {
  it("throws on bad parts", () => {
    expect(() => makeCreditCode("9", "500112", "MA5U1234X")).toThrow(RangeError);
    expect(() => makeCreditCode("91", "50011A", "MA5U1234X")).toThrow(RangeError);
    expect(() => makeCreditCode("91", "500112", "MA5U1234")).toThrow(RangeError);
    expect(() => makeCreditCode("91", "500112", "MA5U1234O")).toThrow(RangeError);
  });
});

describe("CREDIT_CODE_ERROR_MESSAGES", () => {
  it("has a Chinese and an English message for every reason", () => {
    const reasons: CreditCodeError[] = ["empty", "length", "charset", "region", "checksum"];
    const zh = makeT("zh-CN");
    const en = makeT("en");
    for (const r of reasons) {
      expect(zh(CREDIT_CODE_ERROR_MESSAGES[r] as MessageKey)).toMatch(/统一社会信用代码/);
      expect(en(CREDIT_CODE_ERROR_MESSAGES[r] as MessageKey)).toMatch(/unified social credit code/);
    }
    expect(zh(CREDIT_CODE_ERROR_MESSAGES.checksum as MessageKey)).toBe("统一社会信用代码校验位错误，请核对后重新输入");
    expect(zh(CREDIT_CODE_ERROR_MESSAGES.length as MessageKey)).toBe("统一社会信用代码应为18位");
  });

  it("charset excludes exactly I, O, S, V, Z", () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const c of "IOSVZ") expect(CREDIT_CODE_CHARSET).not.toContain(c);
  });
});
