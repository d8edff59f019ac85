import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import {
  checkPasswordPolicy,
  generateOneTimePassword,
  hashPassword,
  hashPasswordSync,
  needsRehash,
  SCRYPT,
  verifyPassword,
} from "@/lib/password";

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
  it("refuses input a legacy bcrypt hash would silently truncate", () => {
    expect(checkPasswordPolicy(`Aa1!${"x".repeat(80)}`, "u")).toContain("tooLong");
  });
  it("one-time passwords always satisfy the policy", () => {
    for (let i = 0; i < 200; i++) expect(checkPasswordPolicy(generateOneTimePassword(), "admin")).toEqual([]);
  });
});

describe("password hashing", () => {
  it("hashes with scrypt in a self-describing format and verifies", async () => {
    const hash = await hashPassword("Yubei@2021");
    expect(hash).toMatch(
      new RegExp(`^scrypt\\$${SCRYPT.N}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`),
    );
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(await verifyPassword("Yubei@2021", hash)).toBe(true);
    expect(await verifyPassword("Yubei@2022", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });
  it("the same password gets a different salt each time; the sync variant is interchangeable", async () => {
    const a = await hashPassword("Yubei@2021");
    const b = hashPasswordSync("Yubei@2021");
    expect(a).not.toBe(b);
    expect(await verifyPassword("Yubei@2021", b)).toBe(true);
  });
  it("hashes with older parameters still verify and are marked for re-hashing", async () => {
    const old = (await hashPassword("Yubei@2021")).replace(/^scrypt\$\d+\$/, "scrypt$16384$");
    // Changing N changes the derived key, so only the format is checked here.
    expect(needsRehash(old)).toBe(true);
  });
  it("legacy bcrypt hashes verify and are marked for re-hashing", async () => {
    const legacy = bcrypt.hashSync("Yubei@2021", 4);
    expect(await verifyPassword("Yubei@2021", legacy)).toBe(true);
    expect(await verifyPassword("Yubei@2022", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });
  it("garbage or absurd parameters never verify", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$AAAA$AAAA")).toBe(false);
  });
  it("hashing runs off the event loop: a timer still fires while several hashes are under way", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await Promise.all(Array.from({ length: 4 }, () => hashPassword("Yubei@2021")));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
