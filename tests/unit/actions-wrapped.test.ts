import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWrappedAction } from "@/lib/action";

function findActionModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findActionModules(p));
    else if (/^actions\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

const modules = findActionModules(path.resolve("app"));

describe("every server action is built by the one wrapper", () => {
  it("finds the action modules", () => {
    expect(modules.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of modules) {
    it(path.relative(process.cwd(), file), async () => {
      const src = fs.readFileSync(file, "utf8");
      expect(src.trimStart().startsWith('"use server"')).toBe(true);
      const mod = await import(file);
      const exported = Object.entries(mod);
      expect(exported.length).toBeGreaterThan(0);
      for (const [name, value] of exported) {
        expect(isWrappedAction(value), `${name} in ${file} must be built with defineAction`).toBe(true);
      }
    });
  }
});
