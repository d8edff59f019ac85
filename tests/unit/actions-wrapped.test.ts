import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionMeta, isWrappedAction } from "@/lib/action";
import { REGISTRY_KEYS } from "@/lib/committed-writes";

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
        // Caches hear of a write only through what the action declares: a registry's writes name that registry,
        // and reads (reveals, previews) are declared read-only so they never invalidate anything.
        const meta = actionMeta(value);
        const registry = REGISTRY_KEYS.find((r) => meta?.name.startsWith(`${r}.`));
        if (/\.(reveal|preview|read[A-Z])/.test(meta?.name ?? "")) {
          expect(meta?.readOnly, `${meta?.name} reads only`).toBe(true);
        } else if (registry) {
          expect(meta?.registries, `${meta?.name} declares the registry it writes`).toContain(registry);
        }
        if (meta?.name === "import.commit" || meta?.name.startsWith("dictionary."))
          expect([...(meta?.registries ?? [])].sort()).toEqual([...REGISTRY_KEYS].sort());
      }
    });
  }
});
