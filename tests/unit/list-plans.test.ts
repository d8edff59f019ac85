import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Every sortable column of every registry list, in both directions, is read through an index (no sort of the whole
// filter), and the page the server reads in two steps from the nearer end of that index (registryPage) is exactly
// the page a plain `ORDER BY … LIMIT … OFFSET …` returns — on a seeded database full of ties, NULLs, deleted
// rows, pending records and several units, under every kind of data scope.

const dir = vi.hoisted(() => {
  const d = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "bureau-plans-"));
  process.env.DATABASE_URL = require("node:path").join(d, "plans.db");
  return d as string;
});
vi.mock("@/lib/request-info", () => ({ getRequestInfo: async () => ({ ip: "127.0.0.1", userAgent: "vitest" }) }));

import { closeDb, getConn, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { incubatorBinding } from "@/features/incubators/queries";
import { incubatorRegistry } from "@/features/incubators/registry";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { institutionBinding } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import type { RegistryDefinition } from "@/features/registry/define";
import {
  pageWindow,
  type RegistryBinding,
  registryCountQuery,
  registryListQuery,
  registryPage,
  registryPageIdsQuery,
} from "@/features/registry/query";
import { sortKeys } from "@/features/registry/search";
import { seedDictionaries } from "@/features/seed";
import { talentBinding } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { loadTalentSearch } from "@/features/talents/validations";
import { makeCreditCode } from "@/lib/credit-code";
import type { DataScope } from "@/lib/scope";

type Search = Record<string, unknown> & { page: number; perPage: number; sort: string; q: string; deleted: boolean };
const REGISTRIES: { def: RegistryDefinition; binding: RegistryBinding; load: (p: URLSearchParams) => Search }[] = [
  { def: enterpriseRegistry, binding: enterpriseBinding, load: loadEnterpriseSearch as never },
  { def: institutionRegistry, binding: institutionBinding, load: loadInstitutionSearch as never },
  { def: incubatorRegistry, binding: incubatorBinding, load: loadIncubatorSearch as never },
  { def: talentRegistry, binding: talentBinding, load: loadTalentSearch as never },
];

let scopes: Record<string, DataScope> = {};
let filters: Record<string, string[]> = {};

beforeAll(() => {
  const db = getDb();
  runMigrations(db);
  seedDictionaries(db as never);
  const sqlite = getConn().sqlite;
  const ids = (kind: string) =>
    sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? ORDER BY id LIMIT 3").pluck().all(kind) as number[];
  const [s1, s2, s3] = ids("street");
  const [p1, p2] = ids("park");
  const [c1, c2] = ids("industry_chain");
  const [instType] = ids("institution_type");
  const [incType] = ids("incubator_type");
  const [cat] = ids("talent_category");
  const user = (name: string) =>
    Number(
      sqlite
        .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, 'staff', 'x')")
        .run(name, name).lastInsertRowid,
    );
  const alice = user("alice");
  const bob = user("bob");
  scopes = {
    all: { kind: "all" },
    approvedOnly: { kind: "all", approvedOnly: true },
    street: { kind: "unit", unit: "street", unitId: s1, userId: alice },
    park: { kind: "unit", unit: "park", unitId: p1, userId: alice },
    own: { kind: "own", userId: bob },
  };
  filters = {
    enterprise: ["", `chain=${c1}&street=${s1}`, "q=科技", `park=${p2}`],
    institution: ["", "status=active", "q=中心"],
    incubator: ["", "status=active", "q=空间"],
    talent: ["", "q=张"],
  };
  // Few distinct values per column (long runs of ties), NULLs, deleted and pending rows, rows in several units.
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length];
  const stamp = (i: number) => `2024-0${1 + (i % 3)}-1${i % 5} 08:00:00`;
  const ent = sqlite.prepare(
    `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id,
     park_id, industry_chain_id, status, latest_rd_expense, latest_revenue, created_at, created_by, deleted_at,
     review_state) VALUES (?, ?, '王', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entIds: number[] = [];
  for (let i = 0; i < 230; i++)
    entIds.push(
      Number(
        ent.run(
          pick(["重庆甲科技有限公司", "重庆乙科技有限公司", "重庆丙有限公司"], i),
          makeCreditCode("91", "500112", `MA5T${String(i).padStart(5, "0")}`),
          pick(["2015-01-01", "2018-06-30", "2020-12-31"], i),
          pick([100, 500, 500, 1000], i),
          pick([s1, s2, s3], i),
          pick([p1, p2, null], i),
          pick([c1, c2, null, c1], i),
          pick(["active", "active", "deregistered"], i),
          pick([null, 10, 20, 20], i),
          pick([null, 100, 200], i),
          stamp(i),
          pick([alice, bob, null], i),
          i % 17 === 0 ? "2024-05-01 00:00:00" : null,
          pick(["approved", "approved", "approved", "pending", "returned"], i),
        ).lastInsertRowid,
      ),
    );
  const inst = sqlite.prepare(
    `INSERT INTO institutions (name, type_id, level, host_enterprise_id, recognised_date, staff_count, status,
     created_at, created_by, deleted_at, review_state) VALUES (?, ?, 'district', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const inc = sqlite.prepare(
    `INSERT INTO incubators (name, type_id, level, operator, street_id, incubated_total, ip_items, high_tech_cultivated,
     status, created_at, created_by, deleted_at, review_state) VALUES (?, ?, 'district', '运营方', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tal = sqlite.prepare(
    `INSERT INTO talents (name, category_id, employer_enterprise_id, employer_name, recognised_year, created_at,
     created_by, deleted_at, review_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 130; i++) {
    const deleted = i % 13 === 0 ? "2024-05-01 00:00:00" : null;
    const state = pick(["approved", "approved", "pending"], i);
    const by = pick([alice, bob, null], i);
    inst.run(
      pick(["创新中心", "研发中心", "实验室"], i),
      instType,
      pick([...entIds, null], i * 7),
      pick(["2019-01-01", "2021-01-01"], i),
      pick([null, 5, 5, 30], i),
      pick(["active", "revoked"], i),
      stamp(i),
      by,
      deleted,
      state,
    );
    inc.run(
      pick(["众创空间", "孵化器"], i),
      incType,
      pick([s1, s2, null], i),
      pick([0, 10, 10], i),
      pick([0, 3], i),
      pick([1, 1, 2], i),
      pick(["active", "revoked"], i),
      stamp(i),
      by,
      deleted,
      state,
    );
    tal.run(
      pick(["张三", "李四", "张伟"], i),
      cat,
      pick([...entIds.slice(0, 40), null], i * 3),
      "重庆大学",
      pick([2019, 2020, 2020, 2023], i),
      stamp(i),
      by,
      deleted,
      state,
    );
  }
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sql = (q: { toSQL(): { sql: string; params: unknown[] } }) => q.toSQL();
function planOf(q: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql: text, params } = sql(q);
  return (
    getConn()
      .sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`)
      .all(...params) as { detail: string }[]
  ).map((r) => r.detail);
}

describe("every sortable column, both directions, is read through an index", () => {
  for (const { def, binding, load } of REGISTRIES) {
    it(def.key, () => {
      const table = (binding.table as unknown as { [k: symbol]: string })[Symbol.for("drizzle:Name")];
      for (const key of sortKeys(def))
        for (const dir of ["asc", "desc"] as const)
          for (const [scopeName, scope] of Object.entries(scopes))
            for (const deleted of [false, true])
              for (const reverse of [false, true]) {
                const s = load(new URLSearchParams(`sort=${key}.${dir}`));
                const plan = planOf(registryPageIdsQuery(getDb(), def, binding, s, deleted, scope, reverse));
                const where = `${def.key} ${key}.${dir} ${scopeName}${deleted ? " 已删除" : ""}${reverse ? " reverse" : ""}`;
                if (scope.kind === "own") {
                  // 仅本人录入: the user's own rows by their index, then those few sorted (never a walk of an index).
                  expect(plan[0], where).toMatch(
                    new RegExp(`USING (COVERING )?INDEX ${table}_created_by_idx \\(created_by=\\?`),
                  );
                  continue;
                }
                if (deleted) {
                  // 已删除: only the soft-deleted rows (a range of the index's first column), few, then sorted.
                  expect(plan[0], where).toMatch(/deleted_at>\?\)/);
                  continue;
                }
                expect(plan.join(" | "), where).not.toMatch(/TEMP B-TREE/);
                // A seek into an index that delivers the order: the column's own sort index, or (the default order
                // under a unit's scope) the unit's own index ending with created_at.
                expect(plan[0], where).toMatch(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX ${table}_`));
                // 全区: the column's own index, read alone (the page's ids never touch the table).
                const column = (binding.table as unknown as Record<string, { name: string }>)[key].name;
                if (scope.kind === "all")
                  expect(plan[0], where).toMatch(new RegExp(`USING COVERING INDEX ${table}_sort_${column}_idx`));
              }
    });
  }
});

describe("a page read in two steps from the nearer end equals OFFSET from the front", () => {
  for (const { def, binding, load } of REGISTRIES) {
    it(def.key, () => {
      const db = getDb();
      let pages = 0;
      for (const key of sortKeys(def))
        for (const dir of ["asc", "desc"] as const)
          for (const scope of Object.values(scopes))
            for (const filter of filters[def.key])
              for (const perPage of [20]) {
                const s = load(new URLSearchParams(`sort=${key}.${dir}&${filter}`));
                const total = registryCountQuery(db, def, binding, s, false, scope).all()[0].n;
                const last = Math.ceil(total / perPage);
                for (let page = 1; page <= last + 1; page++) {
                  const offset = (page - 1) * perPage;
                  const expected = registryListQuery(db, def, binding, s, false, scope)
                    .limit(perPage)
                    .offset(offset)
                    .all();
                  const got = registryPage(db, def, binding, s, false, scope, { offset, perPage, total });
                  expect(got, `${def.key} ${key}.${dir} ${filter} ${JSON.stringify(scope)} p${page}/${last}`).toEqual(
                    expected,
                  );
                  pages++;
                }
              }
      // The seeded data really pages (not a vacuous comparison of empty lists).
      expect(pages).toBeGreaterThan(100);
    }, 120_000);
  }

  it("pageWindow reads the back half backwards and never past either end", () => {
    expect(pageWindow(0, 20, 100)).toEqual({ reverse: false, offset: 0, limit: 20 });
    expect(pageWindow(40, 20, 100)).toEqual({ reverse: false, offset: 40, limit: 20 });
    expect(pageWindow(60, 20, 100)).toEqual({ reverse: true, offset: 20, limit: 20 });
    expect(pageWindow(80, 20, 90)).toEqual({ reverse: true, offset: 0, limit: 10 });
    expect(pageWindow(100, 20, 100)).toEqual({ reverse: false, offset: 100, limit: 20 });
    expect(pageWindow(0, 20, 0)).toEqual({ reverse: false, offset: 0, limit: 20 });
  });
});
