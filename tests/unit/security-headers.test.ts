import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
// @ts-expect-error plain ESM config without type declarations
import nextConfig from "@/next.config.mjs";

describe("security headers", () => {
  it("next.config sends the same static headers on every path", async () => {
    const rules = await nextConfig.headers();
    expect(rules).toHaveLength(1);
    expect(rules[0].source).toBe("/:path*");
    expect(Object.fromEntries(rules[0].headers.map((h: { key: string; value: string }) => [h.key, h.value]))).toEqual(
      STATIC_SECURITY_HEADERS,
    );
  });
  it("production CSP: nonce and strict-dynamic for scripts, no eval, no framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    // A nonce in style-src would make browsers ignore 'unsafe-inline' (React and recharts write style attributes).
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'(;|$)/);
  });
  it("development allows eval for React's tooling; HTTPS upgrades sub-requests", () => {
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
});
