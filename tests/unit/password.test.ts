import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, generateOneTimePassword, hashPassword, verifyPassword } from "@/lib/password";

describe("password policy", () => {
  it("accepts 8+ chars with 3 of 4 classes", () => {
    expect(checkPasswordPolicy("Yubei@2021", "staff")).toEqual([]);
    expect(checkPasswordPolicy("abcdef12!", "staff")).toEqual([]);
    expect(checkPasswordPolicy("ABCDEF12a", "staff")).toEqual([]);
  });
  it("refuses short passwords", () => {
    expect(checkPasswordPolicy("Ab1!", "staff")).toContain("length");
  });
  it("refuses fewer than 3 classes", () => {
    expect(checkPasswordPolicy("abcdefgh12", "staff")).toEqual(["classes"]);
    expect(checkPasswordPolicy("ABCDEFGHIJ", "staff")).toEqual(["classes"]);
  });
  it("refuses a password containing the username, case-insensitively", () => {
    expect(checkPasswordPolicy("Xiaoming@2026", "xiaoming")).toEqual(["containsUsername"]);
  });
  it("refuses input bcrypt would silently truncate", () => {
    expect(checkPasswordPolicy(`Aa1!${"x".repeat(80)}`, "u")).toContain("tooLong");
  });
  it("one-time passwords always satisfy the policy", () => {
    for (let i = 0; i < 200; i++) expect(checkPasswordPolicy(generateOneTimePassword(), "admin")).toEqual([]);
  });
  it("hashes with bcrypt cost ≥ 12 and verifies", async () => {
    const hash = await hashPassword("Yubei@2021");
    expect(hash).toMatch(/^\$2[aby]\$1[2-9]\$/);
    expect(await verifyPassword("Yubei@2021", hash)).toBe(true);
    expect(await verifyPassword("Yubei@2022", hash)).toBe(false);
  });
});
