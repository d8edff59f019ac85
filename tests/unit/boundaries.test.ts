import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Client components run in the browser: they may take enums and types from the database layer, never the module that
// builds the drizzle tables (its values would pull drizzle into the bundle) nor zod schemas built for the server.
const roots = ["app", "components", "features"];
function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield p;
  }
}

describe("client components' imports", () => {
  const clientFiles = roots
    .flatMap((r) => [...sources(r)])
    .filter((f) => /^["']use client["']/m.test(fs.readFileSync(f, "utf8")));

  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it("take values from @/db/enums, only types from @/db/schema, and nothing from drizzle or @/db", () => {
    const offenders: string[] = [];
    for (const f of clientFiles) {
      const src = fs.readFileSync(f, "utf8");
      for (const m of src.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)) {
        const [, typeOnly, spec] = m;
        if (spec === "@/db/schema" && !typeOnly) offenders.push(`${f}: value import from @/db/schema`);
        if (spec === "@/db" || spec.startsWith("drizzle-orm")) offenders.push(`${f}: imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
