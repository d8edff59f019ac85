import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM loaded with `node --import`; its types come from JSDoc
import { resolveClientIp, rewriteForwardedHeaders, trustedHops } from "@/scripts/client-ip.mjs";

describe("client IP", () => {
  it("without TRUST_PROXY the TCP peer is the client, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("6.6.6.6", "::ffff:10.0.0.5", 0)).toBe("10.0.0.5");
    expect(resolveClientIp(undefined, "127.0.0.1", 0)).toBe("127.0.0.1");
  });
  it("with TRUST_PROXY=1 the address the one proxy appended is the client", () => {
    expect(resolveClientIp("6.6.6.6, 203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(resolveClientIp("203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
  });
  it("with TRUST_PROXY=2 it reads two hops back, and never further than the chain", () => {
    expect(resolveClientIp("6.6.6.6, 203.0.113.9, 10.0.0.2", "10.0.0.1", 2)).toBe("203.0.113.9");
    expect(resolveClientIp("", "10.0.0.1", 2)).toBe("10.0.0.1");
  });
  it("garbage in the header is not an address", () => {
    expect(resolveClientIp("<script>, 10.0.0.9", "10.0.0.1", 2)).toBe("10.0.0.1");
  });
  it("TRUST_PROXY must be a positive hop count", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("true")).toBe(0);
    expect(trustedHops("0")).toBe(0);
    expect(trustedHops("2")).toBe(2);
  });
  it("rewrites the request headers the app reads, dropping client-sent forwarding headers", () => {
    const prev = process.env.TRUST_PROXY;
    delete process.env.TRUST_PROXY;
    const req = {
      headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", "x-forwarded-host": "evil.example" },
      socket: { remoteAddress: "::ffff:192.0.2.4" },
    } as unknown as IncomingMessage;
    rewriteForwardedHeaders(req);
    expect(req.headers).toEqual({ "x-forwarded-for": "192.0.2.4", "x-bureau-client-ip-checked": "1" });
    if (prev !== undefined) process.env.TRUST_PROXY = prev;
  });
});
