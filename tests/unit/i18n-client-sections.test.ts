// The browser's zh-CN catalogue holds the shell's sections; a page section (zhPageSections) reaches the browser
// only where a client module imports lib/i18n/page-sections/<section> (lib/i18n/client-catalogue.ts). A client
// module that uses a key of such a section without that import would show the raw key: this test walks the client
// module graph (every "use client" module and what it imports) and finds every module naming a key of a page
// section. A server action module ("use server") runs on the server, but the keys it returns are shown by the
// client modules importing it, so those must import the section.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zhPageSections } from "@/lib/i18n/messages/zh-CN";

const root = path.resolve(__dirname, "../..");
const dirs = ["app", "components", "features", "lib"];

function walk(d: string, out: string[]): string[] {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

const files = dirs.flatMap((d) => walk(path.join(root, d), []));
// Comments removed (a comment naming a module or a key is not a use of it).
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[\s;{}()])\/\/.*$/gm, "$1");
const src = new Map(files.map((f) => [f, withoutComments(fs.readFileSync(f, "utf8"))]));
const directive = (s: string, d: string) =>
  new RegExp(`^\\s*(?:(?://[^\\n]*\\n)|(?:/\\*[\\s\\S]*?\\*/))*\\s*["']${d}["']`).test(s);

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (src.has(c)) return c;
  return null;
}

/** Modules a module imports at run time (type-only imports excluded), static or dynamic. */
function imports(f: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s+(?!type\b)[^'";]*?from\s+["']([^"']+)["']|import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of (src.get(f) ?? "").matchAll(re)) {
    const r = resolve(f, m[1] ?? m[2] ?? m[3]);
    if (r) out.push(r);
  }
  return out;
}

const isServerAction = (f: string) => directive(src.get(f) ?? "", "use server");

/** The modules reachable from `start` (a server action module's imports are not followed unless `throughActions`). */
function closure(start: string[], throughActions: boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const f = stack.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    if (throughActions || !isServerAction(f)) stack.push(...imports(f));
  }
  return seen;
}

// The browser's modules: every "use client" module and what it imports; a server action module is only referenced.
const graph = closure(
  files.filter((f) => directive(src.get(f) ?? "", "use client")),
  false,
);

const sectionModules = new Map<string, string>();
for (const f of walk(path.join(root, "lib/i18n/page-sections"), [])) {
  const m = /addZhSections\(\{\s*(\w+):/.exec(src.get(f) ?? "");
  if (m) sectionModules.set(m[1], f);
}

describe("zh-CN page sections in the browser", () => {
  it("every page section has its module in lib/i18n/page-sections", () => {
    expect([...sectionModules.keys()].sort()).toEqual(Object.keys(zhPageSections).sort());
  });

  it("the client graph is found (the walk is not vacuous)", () => {
    expect(graph.has(path.join(root, "lib/i18n/client.tsx"))).toBe(true);
    expect(graph.has(path.join(root, "components/kpi/board-mode.tsx"))).toBe(true);
  });

  it("no browser module imports a whole catalogue (English only on demand, from lib/i18n/client.tsx)", () => {
    const whole = ["lib/i18n/core.ts", "lib/i18n/messages/zh-CN.ts", "lib/i18n/messages/en.ts"].map((f) =>
      path.join(root, f),
    );
    const staticImports = (f: string) =>
      [
        ...(src.get(f) ?? "").matchAll(
          /(?:import|export)\s+(?!type\b)[^'";]*?from\s+["']([^"']+)["']|import\s+["']([^"']+)["']/g,
        ),
      ]
        .map((m) => resolve(f, m[1] ?? m[2]))
        .filter((r): r is string => r !== null);
    const offenders = [...graph].filter((f) => !isServerAction(f) && staticImports(f).some((i) => whole.includes(i)));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  for (const section of Object.keys(zhPageSections)) {
    it(`every client module using ${section}.* imports lib/i18n/page-sections for it`, () => {
      const reg = sectionModules.get(section) as string;
      const key = new RegExp(`["'\`]${section}\\.[A-Za-z$]`);
      const missing: string[] = [];
      const uses = (f: string) => !f.startsWith(path.join(root, "lib/i18n/")) && key.test(src.get(f) ?? "");
      for (const f of graph) {
        // A server action returns keys from anything it runs (validations, engines): the client modules calling
        // it show them.
        const users = isServerAction(f)
          ? [...closure([f], true)].some(uses)
            ? [...graph].filter((g) => !isServerAction(g) && imports(g).includes(f))
            : []
          : uses(f)
            ? [f]
            : [];
        for (const u of users) if (!imports(u).includes(reg)) missing.push(path.relative(root, u));
      }
      expect([...new Set(missing)].sort()).toEqual([]);
    });
  }
});
