import { it, vi } from "vitest";
vi.mock("@/lib/request-info", () => ({ getRequestInfo: async () => ({ ip: "127.0.0.1", userAgent: "vitest" }) }));
it("probe", async () => {
const { getDb, getConn } = await import("@/db/index");
const { enterpriseBinding } = await import("@/features/enterprises/list-query");
const { enterpriseRegistry } = await import("@/features/enterprises/registry");
const { institutionBinding } = await import("@/features/institutions/queries");
const { institutionRegistry } = await import("@/features/institutions/registry");
const { talentBinding } = await import("@/features/talents/queries");
const { talentRegistry } = await import("@/features/talents/registry");
const { incubatorBinding } = await import("@/features/incubators/queries");
const { incubatorRegistry } = await import("@/features/incubators/registry");
const { registryListQuery, registryCountQuery, pageWindow } = await import("@/features/registry/query");
const { sortKeys } = await import("@/features/registry/search");
const db = getDb(); const sqlite = getConn().sqlite;
const street = sqlite.prepare("select id from dictionary_items where kind='street' limit 1").pluck().get() as number;
const park = sqlite.prepare("select id from dictionary_items where kind='park' limit 1").pluck().get() as number;
const scopes: Record<string, unknown> = { all: { kind: "all" }, approved: { kind: "all", approvedOnly: true },
  street: { kind: "unit", unit: "street", unitId: street, userId: 3 }, park: { kind: "unit", unit: "park", unitId: park, userId: 3 }, own: {kind:"own", userId: 3} };
const regs = [[enterpriseRegistry, enterpriseBinding],[institutionRegistry, institutionBinding],[talentRegistry, talentBinding],[incubatorRegistry, incubatorBinding]] as const;
const only = process.env.ONLY;
const worst: [number, string][] = [];
for (const [def, b] of regs) {
  for (const [sname, scope] of Object.entries(scopes)) {
    for (const key of sortKeys(def)) for (const dir of ["asc", "desc"]) {
      const s = { page: 1, perPage: 20, sort: `${key}.${dir}`, q: "", deleted: false } as never;
      const count = registryCountQuery(db, def, b, s, false, scope as never);
      const c0 = performance.now(); const total = count.all()[0].n; const cms = performance.now() - c0;
      for (const page of [1, 200, Math.max(1, Math.ceil(total / 40)), Math.max(1, Math.ceil(total / 20))]) {
        const w = pageWindow((page - 1) * 20, 20, total);
        const q = registryListQuery(db, def, b, s, false, scope as never, w.reverse).limit(w.limit).offset(w.offset);
        const { sql, params } = q.toSQL();
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {detail:string}[]).map(r=>r.detail);
        const st = sqlite.prepare(sql); st.all(...params);
        const t0 = performance.now(); for (let i = 0; i < 3; i++) st.all(...params); const ms = (performance.now() - t0) / 3;
        const temp = plan.some((p) => p.includes("TEMP B-TREE"));
        const label = `${def.key} ${sname} ${key}.${dir} p${page}/${Math.ceil(total/20)}: ${ms.toFixed(1)} ms (+count ${cms.toFixed(1)})${temp ? " TEMP" : ""} ${plan.filter(p=>!p.includes("review_items")&&!p.includes("SCALAR")).join(" | ")}`;
        worst.push([ms + cms, label]);
        if (!only || label.includes(only)) if (ms + cms > 5 || temp) console.log(label);
      }
    }
  }
}
worst.sort((a, b) => b[0] - a[0]);
console.log("WORST:"); for (const w of worst.slice(0, 10)) console.log(w[1]);

}, 600000);
