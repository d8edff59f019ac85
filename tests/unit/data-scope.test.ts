import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { incubatorRegistry, tenancyRegistry } from "@/features/incubators/registry";
import { institutionRegistry } from "@/features/institutions/registry";
import { institutionWrites } from "@/features/institutions/writes";
import type { RegistryDefinition } from "@/features/registry/define";
import { createRecord, loadStored, RuleError, setRecordDeleted, Writer } from "@/features/registry/write";
import { seedDictionaries } from "@/features/seed";
import { talentRegistry } from "@/features/talents/registry";
import { ActionError } from "@/lib/action-error";
import { makeCreditCode } from "@/lib/credit-code";
import { type DataScope, FULL_SCOPE, scopeOf, scopeSql } from "@/lib/scope";

// The scope predicate each registry declares, evaluated on a small database: which rows each scope reaches, and
// the write path refusing what lies outside (not found) or would leave the scope (a field error).

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-scope-"));
const sqlite = openSqlite(path.join(dir, "scope.db"));
runMigrations(drizzle(sqlite, { schema }));
seedDictionaries(drizzle(sqlite, { schema }) as never);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dict = (kind: string, code: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?").pluck().get(kind, code) as number;
const XT = dict("street", "xiantao");
const LX = dict("street", "longxi");
const KG = dict("park", "konggang_industrial_park");
const user = (name: string) =>
  Number(
    sqlite
      .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, 'staff', 'x')")
      .run(name, name).lastInsertRowid,
  );
const alice = user("alice");
const bob = user("bob");
let seq = 0;
const ins = (sql: string, ...p: unknown[]) => Number(sqlite.prepare(sql).run(...p).lastInsertRowid);
const enterprise = (street: number, park: number | null, by: number) =>
  ins(
    `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, park_id, created_by)
     VALUES (?, ?, '王', '2015-01-01', 100, ?, ?, ?)`,
    `企业${++seq}`,
    makeCreditCode("91", "500112", `MA7QC${String(seq).padStart(4, "0")}`),
    street,
    park,
    by,
  );
const typeOf = (kind: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? LIMIT 1").pluck().get(kind) as number;

// 仙桃街道 + 空港 (bob), 仙桃街道 (alice), 龙溪街道 + 空港 (alice), 龙溪街道 (bob).
const eXtKg = enterprise(XT, KG, bob);
const eXt = enterprise(XT, null, alice);
const eLxKg = enterprise(LX, KG, alice);
const eLx = enterprise(LX, null, bob);
const inst = (host: number | null, by: number) =>
  ins(
    "INSERT INTO institutions (name, type_id, level, host_enterprise_id, recognised_date, created_by) VALUES (?, ?, 'district', ?, '2020-01-01', ?)",
    `机构${++seq}`,
    typeOf("institution_type"),
    host,
    by,
  );
const iXt = inst(eXt, bob);
const iLx = inst(eLx, alice);
const iNoneAlice = inst(null, alice);
const iNoneBob = inst(null, bob);
const talent = (employer: number | null, by: number) =>
  ins(
    "INSERT INTO talents (name, category_id, employer_enterprise_id, recognised_year, created_by) VALUES (?, ?, ?, 2020, ?)",
    `人才${++seq}`,
    typeOf("talent_category"),
    employer,
    by,
  );
const tXtKg = talent(eXtKg, alice);
const tLx = talent(eLx, alice);
const tNoneBob = talent(null, bob);
const incubator = (street: number | null, by: number) =>
  ins(
    "INSERT INTO incubators (name, type_id, level, operator, street_id, created_by) VALUES (?, ?, 'district', '运营方', ?, ?)",
    `孵化器${++seq}`,
    typeOf("incubator_type"),
    street,
    by,
  );
const cXt = incubator(XT, bob);
const cLx = incubator(LX, alice);
const qual = (e: number) =>
  ins(
    "INSERT INTO enterprise_qualifications (enterprise_id, type_id, awarded_date, created_by) VALUES (?, ?, '2020-01-01', ?)",
    e,
    typeOf("qualification_type"),
    bob,
  );
const qXt = qual(eXt);
const qLx = qual(eLx);
const annual = (e: number) =>
  ins("INSERT INTO enterprise_annual_figures (enterprise_id, year, created_by) VALUES (?, 2020, ?)", e, bob);
const aXtKg = annual(eXtKg);
const aLx = annual(eLx);
const tenancy = (c: number, e: number) =>
  ins(
    "INSERT INTO incubator_tenants (incubator_id, enterprise_id, move_in_date, created_by) VALUES (?, ?, '2020-01-01', ?)",
    c,
    e,
    bob,
  );
const nXt = tenancy(cXt, eLx);
const nLx = tenancy(cLx, eXt);

const street: DataScope = { kind: "unit", unit: "street", unitId: XT, userId: alice };
const park: DataScope = { kind: "unit", unit: "park", unitId: KG, userId: alice };
const own: DataScope = { kind: "own", userId: alice };

function reached(def: RegistryDefinition, table: string, scope: DataScope): number[] {
  const p = scopeSql(def.scope.where, `"${table}"`, scope);
  return sqlite
    .prepare(`SELECT id FROM "${table}"${p ? ` WHERE ${p}` : ""} ORDER BY id`)
    .pluck()
    .all() as number[];
}

describe("each registry's scope predicate", () => {
  const cases: [string, RegistryDefinition, string, Record<"street" | "park" | "own", number[]>][] = [
    [
      "enterprises: by 所属镇街 / 所属园区 / creator",
      enterpriseRegistry,
      "enterprises",
      {
        street: [eXtKg, eXt],
        park: [eXtKg, eLxKg],
        own: [eXt, eLxKg],
      },
    ],
    [
      "institutions: by the host enterprise, else the creator",
      institutionRegistry,
      "institutions",
      {
        street: [iXt, iNoneAlice],
        park: [iNoneAlice],
        own: [iLx, iNoneAlice],
      },
    ],
    [
      "talents: by the employer enterprise, else the creator",
      talentRegistry,
      "talents",
      {
        street: [tXtKg],
        park: [tXtKg],
        own: [tXtKg, tLx],
      },
    ],
    [
      "incubators: by 所属镇街; a 园区 (no park column) and 仅本人录入 by the creator",
      incubatorRegistry,
      "incubators",
      {
        street: [cXt],
        park: [cLx],
        own: [cLx],
      },
    ],
    [
      "qualifications: through their enterprise",
      qualificationRegistry,
      "enterprise_qualifications",
      {
        street: [qXt],
        park: [],
        own: [qXt],
      },
    ],
    [
      "annual figures: through their enterprise",
      annualRegistry,
      "enterprise_annual_figures",
      {
        street: [aXtKg],
        park: [aXtKg],
        own: [],
      },
    ],
    [
      "tenancies: through their incubator",
      tenancyRegistry,
      "incubator_tenants",
      {
        street: [nXt],
        park: [nLx],
        own: [nLx],
      },
    ],
  ];
  for (const [name, def, table, want] of cases) {
    it(name, () => {
      expect(reached(def, table, street)).toEqual(want.street);
      expect(reached(def, table, park)).toEqual(want.park);
      expect(reached(def, table, own)).toEqual(want.own);
      // 全区 reaches every row.
      expect(reached(def, table, FULL_SCOPE)).toHaveLength(
        sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number,
      );
    });
  }
  void [iNoneBob, tNoneBob, aLx, qLx];
});

describe("a users row's scope", () => {
  it("全区, 本单位 with a 镇街/园区, and fails closed (仅本人录入) for 本单位 without one", () => {
    expect(scopeOf({ id: 1, dataScope: "all", unitKind: "street", unitId: XT })).toEqual(FULL_SCOPE);
    expect(scopeOf({ id: 1, dataScope: "unit", unitKind: "park", unitId: KG })).toEqual({
      kind: "unit",
      unit: "park",
      unitId: KG,
      userId: 1,
    });
    expect(scopeOf({ id: 1, dataScope: "unit", unitKind: "department", unitId: 3 })).toEqual({
      kind: "own",
      userId: 1,
    });
    expect(scopeOf({ id: 1, dataScope: "unit", unitKind: null, unitId: null })).toEqual({ kind: "own", userId: 1 });
  });
});

describe("the write path in a scope", () => {
  const run = <T>(fn: (w: Writer) => T): T | unknown => {
    let out: unknown;
    try {
      sqlite.transaction(() => {
        out = fn(new Writer(sqlite, alice, undefined, street));
        throw new Error("rollback");
      })();
    } catch (err) {
      if ((err as Error).message !== "rollback") return err;
    }
    return out;
  };

  it("does not find a row outside the scope (delete refused as not found, nothing written)", () => {
    expect(run((w) => loadStored(w, enterpriseWrites, eLx))).toBeUndefined();
    expect(run((w) => loadStored(w, enterpriseWrites, eXt))).toMatchObject({ id: eXt });
    const err = run((w) => setRecordDeleted(w, enterpriseWrites, { id: eLx }, true, "enterprise.delete"));
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).message).toBe("registry.notFound");
    expect(sqlite.prepare("SELECT deleted_at FROM enterprises WHERE id = ?").pluck().get(eLx)).toBeNull();
  });

  it("refuses a create in another 镇街 under 所属镇街, and a child of an out-of-scope parent as not found", () => {
    const values = {
      name: "新企业",
      creditCode: makeCreditCode("91", "500112", "MA7QC9999"),
      legalRepresentative: "王",
      foundedDate: "2015-01-01",
      registeredCapital: 100,
      streetId: LX,
      status: "active",
    };
    const err = run((w) => createRecord(w, enterpriseWrites, values));
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).refusals).toEqual([{ field: "streetId", reason: "registry.outOfScope" }]);
    expect(run((w) => createRecord(w, enterpriseWrites, { ...values, streetId: XT }))).toMatchObject({
      id: expect.any(Number),
    });
    const q = { enterpriseId: eLx, typeId: typeOf("qualification_type"), awardedDate: "2021-01-01" };
    const qErr = run((w) => createRecord(w, qualificationWrites, q));
    expect((qErr as ActionError).message).toBe("registry.notFound");
    expect(run((w) => createRecord(w, qualificationWrites, { ...q, enterpriseId: eXt }))).toMatchObject({
      id: expect.any(Number),
    });
  });

  it("refuses linking an enterprise outside the scope (an institution's host)", () => {
    const v = { name: "新机构", typeId: typeOf("institution_type"), level: "district", recognisedDate: "2020-01-01" };
    const err = run((w) => createRecord(w, institutionWrites, { ...v, hostEnterpriseId: eLx }));
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).refusals.map((r) => r.reason)).toContain("registry.outOfScope");
    expect(run((w) => createRecord(w, institutionWrites, { ...v, hostEnterpriseId: eXt }))).toMatchObject({
      id: expect.any(Number),
    });
  });
});
