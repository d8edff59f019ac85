import { describe, expect, it } from "vitest";
import {
  boundDetail,
  boundMessage,
  inputBytes,
  inputFingerprint,
  MAX_DETAIL_BYTES,
  MAX_MESSAGE_CHARS,
} from "@/lib/log-bounds";

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");

describe("what a refused request may write into the operation log", () => {
  it("keeps a small detail as it is", () => {
    const d = { fieldErrors: { name: ["registry.required"] } };
    expect(boundDetail(d)).toEqual(d);
  });

  it("replaces a 3 MB detail by its size, hash and a short preview", () => {
    const huge = { input: { username: "x".repeat(3 * 1024 * 1024) } };
    const out = boundDetail(huge) as { truncated: boolean; bytes: number; sha256: string };
    expect(bytes(out)).toBeLessThanOrEqual(MAX_DETAIL_BYTES);
    expect(out.truncated).toBe(true);
    expect(out.bytes).toBeGreaterThan(3 * 1024 * 1024);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("bounds multi-byte text without splitting a character", () => {
    const out = boundDetail({ name: "科".repeat(100_000) }) as { preview: string };
    expect(bytes(out)).toBeLessThanOrEqual(MAX_DETAIL_BYTES);
    expect(out.preview).not.toContain("\uFFFD");
  });

  it("fingerprints an input by its byte size and SHA-256, files by name and size only", () => {
    const file = new File([new Uint8Array(2048)], "a.xlsx");
    const fp = inputFingerprint({ registry: "enterprise", file });
    expect(fp.inputBytes).toBe(inputBytes({ registry: "enterprise", file }));
    expect(fp.inputBytes).toBeGreaterThanOrEqual(2048);
    expect(fp.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(inputFingerprint({ registry: "enterprise", file }).inputSha256).toBe(fp.inputSha256);
    expect(inputFingerprint({ registry: "talent", file }).inputSha256).not.toBe(fp.inputSha256);
  });

  it("counts UTF-8 bytes of keys and values", () => {
    expect(inputBytes({ ab: "科" })).toBe(2 + 3);
    expect(inputBytes({ a: ["x", "yy"] })).toBe(1 + 3);
  });

  it("caps the message", () => {
    expect(boundMessage("m".repeat(10_000))?.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
    expect(boundMessage(null)).toBeNull();
  });
});
