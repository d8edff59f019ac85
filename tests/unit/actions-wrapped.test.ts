import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWrappedAction } from "@/lib/action";

/** Server-action modules are found by their "use server" directive, whatever the file is called. */
function findActionModules(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findActionModules(p));
    else if (/\.tsx?$/.test(entry.name) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(p, "utf8")))
      out.push(p);
  }
  return out;
}

const modules = ["app", "features", "lib", "components"].flatMap((d) => findActionModules(path.resolve(d)));

describe("every server action is built by the one wrapper", () => {
  it("finds the action modules", () => {
    expect(modules.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of modules) {
    it(path.relative(process.cwd(), file), async () => {
      const mod = await import(file);
      const exported = Object.entries(mod);
      expect(exported.length).toBeGreaterThan(0);
      for (const [name, value] of exported) {
        expect(isWrappedAction(value), `${name} in ${file} must be built with defineAction`).toBe(true);
      }
    });
  }
});
