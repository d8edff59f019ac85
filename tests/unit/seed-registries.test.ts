import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { countRegistry, countRegistryMany, REGISTRY_RULES } from "@/features/kpi/count-queries";
import { seedDictionaries } from "@/features/seed";
import {
  idNumberCheckChar,
  REAL_INCUBATOR_NAME,
  type SeedRegistriesResult,
  seedRegistries,
} from "@/features/seed/registries";
import { validateCreditCode } from "@/lib/credit-code";
import { todayIso } from "@/lib/time";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-seed-"));
const opened: Database.Database[] = [];
afterAll(() => {
  for (const s of opened) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function seededDb(name: string, today?: Date) {
  const sqlite = openSqlite(path.join(dir, name));
  opened.push(sqlite);
  const db = drizzle(sqlite, { schema });
  runMigrations(db);
  seedDictionaries(db);
  const result = seedRegistries(db, today);
  return { sqlite, db, result };
}

const AS_OF = "2021-03-31";

// ───────────── the count definitions the board uses ─────────────

/** Live, active enterprises holding a valid 市级科技型企业 qualification on `date`. */
const MUNICIPAL_TECH = `
  SELECT count(DISTINCT e.id) FROM enterprises e
  JOIN enterprise_qualifications q ON q.enterprise_id = e.id AND q.deleted_at IS NULL
  JOIN dictionary_items d ON d.id = q.type_id AND d.kind = 'qualification_type' AND d.code = 'municipal_tech_enterprise'
  WHERE e.deleted_at IS NULL AND e.status = 'active'
    AND q.awarded_date <= @date AND (q.expiry_date IS NULL OR q.expiry_date >= @date)
    AND q.awarded_date >= @from`;

const INSTITUTIONS = `
  SELECT count(*) FROM institutions i
  JOIN dictionary_items d ON d.id = i.type_id AND d.kind = 'institution_type' AND d.code = @type
  WHERE i.deleted_at IS NULL AND i.status = 'active' AND i.level LIKE @level
    AND i.recognised_date <= @date AND i.recognised_date >= @from`;

const TALENTS = `
  SELECT count(*) FROM talents t
  JOIN dictionary_items d ON d.id = t.category_id AND d.kind = 'talent_category'
  WHERE t.deleted_at IS NULL AND t.kind = @kind AND d.code IN (SELECT value FROM json_each(@codes))`;

describe("seedRegistries", () => {
  let sqlite: Database.Database;
  let result: SeedRegistriesResult;
  const today = todayIso();

  beforeAll(() => {
    ({ sqlite, result } = seededDb("main.db"));
  });

  const one = (sql: string, params: Record<string, unknown> = {}) => sqlite.prepare(sql).pluck().get(params) as number;
  const municipal = (date: string, from = "0000-00-00") => one(MUNICIPAL_TECH, { date, from });
  const inst = (type: string, level: string, date = AS_OF, from = "0000-00-00") =>
    one(INSTITUTIONS, { type, level, date, from });

  it("seeds every registry, all rows flagged as sample data", () => {
    expect(result.enterprises).toBeGreaterThan(3500);
    expect(result.enterprises).toBeLessThan(3700);
    for (const t of [
      "enterprises",
      "enterprise_qualifications",
      "enterprise_annual_figures",
      "institutions",
      "incubators",
      "incubator_tenants",
      "talents",
    ]) {
      expect(one(`SELECT count(*) FROM ${t}`)).toBeGreaterThan(0);
      expect(one(`SELECT count(*) FROM ${t} WHERE is_sample IS NOT 1`)).toBe(0);
    }
    expect(one("SELECT count(*) FROM enterprises")).toBe(result.enterprises);
    expect(one("SELECT count(*) FROM enterprise_qualifications")).toBe(result.qualifications);
    expect(one("SELECT count(*) FROM talents")).toBe(result.talents);
  });

  it("synthetic names are marked 示例· (except the one real incubator)", () => {
    expect(one("SELECT count(*) FROM enterprises WHERE name NOT LIKE '示例·%'")).toBe(0);
    expect(one("SELECT count(*) FROM institutions WHERE name NOT LIKE '示例·%'")).toBe(0);
    expect(sqlite.prepare("SELECT name FROM incubators WHERE name NOT LIKE '示例·%'").pluck().all()).toEqual([
      REAL_INCUBATOR_NAME,
    ]);
    expect(one("SELECT count(*) FROM talents WHERE kind = 'team' AND name NOT LIKE '示例·%'")).toBe(0);
    expect(one("SELECT count(DISTINCT name) FROM enterprises")).toBe(result.enterprises);
  });

  it("3137 市级科技型企业 as of 2021-03-31 and today, 232 of them new in 2021Q1", () => {
    expect(municipal(AS_OF)).toBe(3137);
    expect(municipal(today)).toBe(3137);
    expect(municipal(AS_OF, "2021-01-01")).toBe(232);
    expect(municipal("2020-12-31")).toBe(3137 - 232);
    // Earliest awards 2015, none after the quarter.
    expect(one("SELECT min(awarded_date) >= '2015-01-01' FROM enterprise_qualifications")).toBe(1);
    expect(municipal("2014-12-31")).toBe(0);
  });

  it("decoys make sloppy counts wrong", () => {
    const base = `FROM enterprises e JOIN enterprise_qualifications q ON q.enterprise_id = e.id
      JOIN dictionary_items d ON d.id = q.type_id AND d.code = 'municipal_tech_enterprise'`;
    // Forgetting the status filter.
    const inactive = one(`SELECT count(DISTINCT e.id) ${base}
      WHERE e.deleted_at IS NULL AND e.status <> 'active' AND q.deleted_at IS NULL AND q.expiry_date IS NULL`);
    expect(inactive).toBeGreaterThanOrEqual(20);
    expect(one("SELECT count(*) FROM enterprises WHERE status <> 'active' AND status_changed_at IS NULL")).toBe(0);
    // Forgetting the soft delete (enterprise or qualification) or the validity dates.
    expect(one(`SELECT count(DISTINCT e.id) ${base} WHERE e.deleted_at IS NOT NULL`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) ${base} WHERE q.deleted_at IS NOT NULL`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) ${base} WHERE q.expiry_date < '${AS_OF}'`)).toBeGreaterThan(0);
    expect(one(`SELECT count(DISTINCT e.id) ${base}`)).toBeGreaterThan(3137 + 20);
    // Municipal qualifications of the counted enterprises have no fixed expiry.
    expect(
      one(`SELECT count(*) ${base} WHERE e.deleted_at IS NULL AND e.status = 'active' AND q.deleted_at IS NULL
        AND q.expiry_date IS NULL`),
    ).toBe(3137);
  });

  it("other qualifications: 国家高新 (3-year), 科技型中小企业 (yearly), 专精特新, 小巨人", () => {
    const byType = (code: string) =>
      one(
        `SELECT count(*) FROM enterprise_qualifications q JOIN dictionary_items d ON d.id = q.type_id
         WHERE d.code = '${code}' AND q.deleted_at IS NULL`,
      );
    expect(byType("national_high_tech")).toBe(906);
    expect(byType("tech_sme")).toBeGreaterThanOrEqual(1150);
    expect(byType("tech_sme")).toBeLessThanOrEqual(1250);
    expect(byType("specialised_sme")).toBe(150);
    expect(byType("little_giant")).toBe(15);
    const nht = sqlite
      .prepare(
        `SELECT certificate_no, awarded_date, expiry_date FROM enterprise_qualifications q
         JOIN dictionary_items d ON d.id = q.type_id WHERE d.code = 'national_high_tech'`,
      )
      .all() as { certificate_no: string; awarded_date: string; expiry_date: string }[];
    for (const q of nht) {
      expect(q.certificate_no).toMatch(new RegExp(`^GR${q.awarded_date.slice(0, 4)}500\\d{5}$`));
      const expected = new Date(`${q.awarded_date}T00:00:00Z`);
      expected.setUTCFullYear(expected.getUTCFullYear() + 3);
      expected.setUTCDate(expected.getUTCDate() - 1);
      expect(q.expiry_date).toBe(expected.toISOString().slice(0, 10));
    }
    expect(new Set(nht.map((q) => q.certificate_no)).size).toBe(nht.length);
    expect(
      one(`SELECT count(*) FROM enterprise_qualifications q JOIN dictionary_items d ON d.id = q.type_id
           WHERE d.code = 'tech_sme' AND q.expiry_date <> substr(q.awarded_date, 1, 4) || '-12-31'`),
    ).toBe(0);
    // No qualification predates the enterprise.
    expect(
      one(`SELECT count(*) FROM enterprise_qualifications q JOIN enterprises e ON e.id = q.enterprise_id
           WHERE q.awarded_date < e.founded_date`),
    ).toBe(0);
  });

  it("exactly 6 certificates expire within the next 90 days (also for another 'today')", () => {
    const expiring = (t: string) =>
      one(
        `SELECT count(*) FROM enterprise_qualifications q
         JOIN enterprises e ON e.id = q.enterprise_id AND e.deleted_at IS NULL AND e.status = 'active'
         WHERE q.deleted_at IS NULL AND q.expiry_date > @t AND q.expiry_date <= date(@t, '+90 days')`,
        { t },
      );
    expect(expiring(today)).toBe(6);
    const other = seededDb("other-today.db", new Date("2030-06-15T04:00:00Z"));
    expect(
      other.sqlite
        .prepare(
          `SELECT count(*) FROM enterprise_qualifications q JOIN dictionary_items d ON d.id = q.type_id
           WHERE d.code = 'national_high_tech' AND q.expiry_date > '2030-06-15' AND q.expiry_date <= '2030-09-13'`,
        )
        .pluck()
        .get(),
    ).toBe(6);
  });

  it("annual figures 2018–2020 for every active enterprise; latest_* = 2020", () => {
    expect(
      one(`SELECT count(*) FROM enterprises e WHERE e.deleted_at IS NULL AND e.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM enterprise_annual_figures f
             WHERE f.enterprise_id = e.id AND f.year = 2020 AND f.deleted_at IS NULL)`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM enterprises e WHERE substr(e.founded_date, 1, 4) <= '2018' AND e.deleted_at IS NULL
           AND e.status = 'active' AND (SELECT count(*) FROM enterprise_annual_figures f
             WHERE f.enterprise_id = e.id AND f.deleted_at IS NULL) <> 3`),
    ).toBe(0);
    expect(one("SELECT count(*) FROM enterprise_annual_figures WHERE year NOT IN (2018, 2019, 2020)")).toBe(0);
    expect(
      one(`SELECT count(*) FROM enterprise_annual_figures
           WHERE rd_expense < revenue * 0.01 OR rd_expense > revenue * 0.08 OR rd_staff > employees OR rd_staff < 1`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM enterprises e JOIN enterprise_annual_figures f ON f.enterprise_id = e.id AND f.year = 2020
           WHERE e.latest_rd_expense IS NOT f.rd_expense OR e.latest_revenue IS NOT f.revenue`),
    ).toBe(0);
    expect(
      one("SELECT count(*) FROM enterprises WHERE founded_date < '1995-01-01' OR founded_date > '2020-12-31'"),
    ).toBe(0);
    expect(one("SELECT count(*) FROM enterprises WHERE registered_capital < 50 OR registered_capital > 50000")).toBe(0);
    expect(one("SELECT count(*) FROM enterprises WHERE round(registered_capital, 2) <> registered_capital")).toBe(0);
  });

  it("enterprises spread over all streets, parks and the five industry chains", () => {
    const spread = (col: string, kind: string) =>
      one(`SELECT count(DISTINCT d.code) FROM enterprises e JOIN dictionary_items d ON d.id = e.${col}
           WHERE d.kind = '${kind}'`);
    expect(spread("street_id", "street")).toBe(one("SELECT count(*) FROM dictionary_items WHERE kind = 'street'"));
    expect(spread("park_id", "park")).toBe(6);
    expect(spread("industry_chain_id", "industry_chain")).toBe(5);
    expect(one("SELECT count(*) FROM enterprises WHERE park_id IS NULL")).toBeGreaterThan(0);
    const xiantao = one(`SELECT count(*) FROM enterprises e JOIN dictionary_items d ON d.id = e.park_id
                         WHERE d.code = 'xiantao_data_valley'`);
    expect(xiantao).toBeGreaterThan(600);
    expect(one("SELECT count(*) FROM enterprises WHERE is_above_scale = 1")).toBeGreaterThan(300);
  });

  it("credit codes are valid (GB 32100), 渝北区 and unique; personal data looks right", () => {
    const codes = sqlite.prepare("SELECT credit_code FROM enterprises").pluck().all() as string[];
    for (const c of codes) {
      expect(validateCreditCode(c)).toEqual({ ok: true, code: c });
      expect(c.slice(0, 8)).toBe("91500112");
    }
    expect(new Set(codes).size).toBe(codes.length);
    const persons = sqlite.prepare("SELECT name, phone, id_number FROM talents WHERE kind = 'person'").all() as {
      name: string;
      phone: string;
      id_number: string;
    }[];
    for (const p of persons) {
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.id_number).toMatch(/^500112(19[5-9]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/);
      expect(idNumberCheckChar(p.id_number.slice(0, 17))).toBe(p.id_number[17]);
      expect(p.name.length).toBeGreaterThanOrEqual(2);
    }
    expect(
      one(
        "SELECT count(*) FROM enterprises WHERE contact_phone NOT GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'",
      ),
    ).toBe(0);
  });

  it("R&D institutions reproduce the published counts", () => {
    expect(inst("new_rd_institution", "municipal")).toBe(12);
    expect(inst("new_rd_institution", "municipal", AS_OF, "2021-01-01")).toBe(9);
    expect(inst("new_rd_institution", "%")).toBe(24);
    expect(inst("new_rd_institution", "municipal", today)).toBe(12);
    expect(inst("new_high_end_rd_institution", "municipal")).toBe(12);
    expect(inst("new_high_end_rd_institution", "municipal", AS_OF, "2021-01-01")).toBe(4);
    expect(inst("enterprise_tech_center", "municipal")).toBe(133);
    expect(inst("enterprise_tech_center", "national")).toBe(3);
    expect(inst("industrial_internal_rd", "%", "2018-12-31")).toBe(120);
    expect(inst("industrial_internal_rd", "%", "2019-12-31")).toBe(198);
    expect(inst("industrial_internal_rd", "%", AS_OF)).toBe(198);
    expect(inst("industrial_internal_rd", "%", today)).toBe(198);
    expect(inst("academician_workstation", "municipal")).toBe(1);
    expect(inst("academician_workstation", "%")).toBe(1);
    expect(inst("postdoc_workstation", "%")).toBe(47);
    expect(inst("postdoc_workstation", "national")).toBe(14);
    expect(inst("postdoc_workstation", "municipal")).toBe(33);
    expect(inst("key_laboratory", "%")).toBeGreaterThan(0);
    expect(inst("engineering_center", "%")).toBeGreaterThan(0);
    // Decoys: 2 revoked + 1 soft-deleted municipal 新型研发机构.
    expect(
      one(`SELECT count(*) FROM institutions i JOIN dictionary_items d ON d.id = i.type_id
           WHERE d.code = 'new_rd_institution' AND i.level = 'municipal'`),
    ).toBe(15);
    expect(one("SELECT count(*) FROM institutions WHERE recognised_date > '2021-03-31'")).toBe(0);
    // Internal R&D organisations and tech centres sit in above-scale enterprises.
    expect(
      one(`SELECT count(*) FROM institutions i JOIN dictionary_items d ON d.id = i.type_id
           LEFT JOIN enterprises e ON e.id = i.host_enterprise_id
           WHERE d.code IN ('industrial_internal_rd', 'enterprise_tech_center') AND (e.id IS NULL OR e.is_above_scale = 0)`),
    ).toBe(0);
    expect(
      one("SELECT count(*) FROM institutions WHERE host_enterprise_id IS NULL AND host_organisation IS NULL"),
    ).toBe(0);
  });

  it("威瑞众创空间 as published; every incubator has 3–20 tenants", () => {
    const w = sqlite
      .prepare(
        `SELECT i.level, i.incubated_total, i.ip_items, i.high_tech_cultivated, i.graduated_total,
                t.code AS type, s.code AS street
         FROM incubators i JOIN dictionary_items t ON t.id = i.type_id JOIN dictionary_items s ON s.id = i.street_id
         WHERE i.name = ?`,
      )
      .get(REAL_INCUBATOR_NAME) as Record<string, unknown>;
    expect(w).toMatchObject({
      type: "tech_incubator",
      level: "municipal",
      street: "longxi",
      incubated_total: 180,
      ip_items: 300,
      high_tech_cultivated: 5,
    });
    expect(w.graduated_total).toBeGreaterThan(0);
    expect(w.graduated_total as number).toBeLessThan(180);
    expect(one("SELECT count(DISTINCT t.code) FROM incubators i JOIN dictionary_items t ON t.id = i.type_id")).toBe(3);
    expect(one("SELECT count(DISTINCT level) FROM incubators")).toBe(3);
    expect(one("SELECT count(*) FROM incubators")).toBeGreaterThanOrEqual(16);
    const perIncubator = sqlite
      .prepare(
        "SELECT count(t.id) FROM incubators i LEFT JOIN incubator_tenants t ON t.incubator_id = i.id GROUP BY i.id",
      )
      .pluck()
      .all() as number[];
    for (const n of perIncubator) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(20);
    }
    expect(one("SELECT count(*) FROM incubator_tenants WHERE move_out_date IS NOT NULL")).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM incubator_tenants WHERE move_out_date <= move_in_date")).toBe(0);
  });

  it("talents: 617 + 54 = 671 high-level, 54 leading, 6 teams", () => {
    expect(one(TALENTS, { kind: "person", codes: JSON.stringify(["high_level"]) })).toBe(617);
    expect(one(TALENTS, { kind: "person", codes: JSON.stringify(["leading_talent"]) })).toBe(54);
    expect(one(TALENTS, { kind: "person", codes: JSON.stringify(["high_level", "leading_talent"]) })).toBe(671);
    expect(one(TALENTS, { kind: "team", codes: JSON.stringify(["startup_demo_team"]) })).toBe(6);
    expect(one("SELECT count(*) FROM talents WHERE deleted_at IS NOT NULL")).toBe(2);
    expect(one("SELECT count(*) FROM talents WHERE recognised_year NOT BETWEEN 2015 AND 2021")).toBe(0);
    expect(one("SELECT count(*) FROM talents WHERE kind = 'person' AND (phone IS NULL OR id_number IS NULL)")).toBe(0);
    expect(one("SELECT count(*) FROM talents WHERE employer_enterprise_id IS NOT NULL")).toBeGreaterThan(
      one("SELECT count(*) FROM talents") * 0.7,
    );
  });

  it("is deterministic: a second fresh database gets identical rows (bar the 6 date-relative certificates)", () => {
    const other = seededDb("again.db", new Date("2030-06-15T04:00:00Z"));
    const dump = (s: Database.Database, sql: string) => s.prepare(sql).raw().all();
    const tables: Record<string, string> = {
      enterprises: `SELECT id, name, credit_code, legal_representative, founded_date, registered_capital, street_id, park_id,
        industry_chain_id, is_above_scale, contact_name, contact_phone, status, status_changed_at, latest_rd_expense,
        latest_revenue, deleted_at FROM enterprises ORDER BY id`,
      qualifications: `SELECT enterprise_id, type_id, certificate_no, awarded_date, expiry_date, note, deleted_at
        FROM enterprise_qualifications WHERE NOT (certificate_no LIKE 'GR%' AND expiry_date > '2024-01-01') ORDER BY id`,
      expiringHolders: `SELECT enterprise_id, type_id FROM enterprise_qualifications
        WHERE certificate_no LIKE 'GR%' AND expiry_date > '2024-01-01' ORDER BY id`,
      figures: `SELECT id, enterprise_id, year, revenue, rd_expense, employees, rd_staff, invention_patents, deleted_at
        FROM enterprise_annual_figures ORDER BY id`,
      institutions: `SELECT id, name, type_id, level, host_enterprise_id, host_organisation, recognised_date, field, staff_count,
        status, deleted_at FROM institutions ORDER BY id`,
      incubators: `SELECT id, name, type_id, level, operator, street_id, address, area, incubated_total, graduated_total,
        ip_items, high_tech_cultivated, recognised_date FROM incubators ORDER BY id`,
      tenants: "SELECT incubator_id, enterprise_id, move_in_date, move_out_date FROM incubator_tenants ORDER BY id",
      talents: `SELECT kind, name, category_id, employer_enterprise_id, employer_name, field, recognised_year, programme,
        phone, id_number, deleted_at FROM talents ORDER BY id`,
    };
    for (const [name, sql] of Object.entries(tables)) {
      const a = dump(sqlite, sql);
      expect(a.length, name).toBeGreaterThan(0);
      expect(dump(other.sqlite, sql), name).toEqual(a);
    }
    expect(dump(sqlite, tables.expiringHolders)).toHaveLength(6);
  });

  it("counts many periods in one pass exactly as one count per period, for every registry rule", () => {
    const periods = ["2019Q4", "2020Q1", "2020Q4", "2021Q1", "2021Q2", "2020", "2021", todayIso().slice(0, 4)];
    for (const rule of Object.keys(REGISTRY_RULES)) {
      const many = countRegistryMany(sqlite, rule, periods);
      for (const p of periods) expect(many.get(p), `${rule}@${p}`).toBe(countRegistry(sqlite, rule, p));
    }
  });

  it("does not seed twice", () => {
    const before = one("SELECT count(*) FROM enterprises");
    expect(seedRegistries(drizzle(sqlite, { schema }))).toEqual({
      enterprises: 0,
      qualifications: 0,
      annualFigures: 0,
      institutions: 0,
      incubators: 0,
      incubatorTenants: 0,
      talents: 0,
    });
    expect(one("SELECT count(*) FROM enterprises")).toBe(before);
    expect(municipal(AS_OF)).toBe(3137);
  });
});
