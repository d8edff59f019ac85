import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/safe-redirect";

const OWN = "http://127.0.0.1:3000";

describe("safeRedirectPath", () => {
  it("keeps paths on our own origin, with query and hash", () => {
    expect(safeRedirectPath("/enterprises?q=%E6%B8%9D&page=2#top", OWN)).toBe("/enterprises?q=%E6%B8%9D&page=2#top");
    expect(safeRedirectPath("/", OWN)).toBe("/");
    expect(safeRedirectPath("reports", OWN)).toBe("/reports");
    expect(safeRedirectPath(`${OWN}/indicators`, OWN)).toBe("/indicators");
  });

  // Each of these is a value a browser would send to another host (or run as script) if used as a Location.
  const hostile = [
    "//evil.example",
    "///evil.example",
    "////evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\u0000/evil.example",
    "/\u001f/evil.example",
    "/\u007f/evil.example",
    "\u0085//evil.example",
    "/.//evil.example",
    "/./..//evil.example",
    "https://evil.example",
    "http://evil.example/",
    "HTTPS://evil.example",
    "https:evil.example",
    "http:\\\\evil.example",
    "//127.0.0.1:3000@evil.example",
    "http://127.0.0.1:3000@evil.example/",
    "http://user:pass@127.0.0.1:3000/",
    "https://127.0.0.1:3000/",
    "http://127.0.0.1:3001/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/%2F..",
    "//％65vil.example",
    "/%09/evil.example".replace("%09", "\t"),
    `/${"a".repeat(3000)}`,
  ];
  for (const value of hostile) {
    it(`refuses ${JSON.stringify(value).slice(0, 60)}`, () => {
      const out = safeRedirectPath(value, OWN);
      expect(out.startsWith("/")).toBe(true);
      expect(out.startsWith("//")).toBe(false);
      // What the browser would make of the result, resolved against a page on our origin:
      expect(new URL(out, `${OWN}/login`).origin).toBe(OWN);
      expect(out).toBe("/");
    });
  }

  it("percent-encoded and scheme-relative tricks stay paths on our origin", () => {
    for (const v of [
      "http:/evil.example",
      "/%09/evil.example",
      "/%5Cevil.example",
      "/%2F%2Fevil.example",
      "/%0d%0aLocation:%20x",
    ]) {
      const out = safeRedirectPath(v, OWN);
      expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
      expect(new URL(out, OWN).origin).toBe(OWN);
    }
  });

  it("non-strings and empty values give the fallback", () => {
    expect(safeRedirectPath(undefined, OWN)).toBe("/");
    expect(safeRedirectPath(["/a", "//evil"], OWN)).toBe("/");
    expect(safeRedirectPath("", OWN)).toBe("/");
  });
});
