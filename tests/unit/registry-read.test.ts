import fs from "node:fs";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The read side of each registry — list columns, filters and their URL parsers, sort keys, detail fields, the
// CSV/xlsx export and its masking — is derived from the definitions. These tests pin that it cannot drift from them.

const dir = vi.hoisted(() => {
  const d = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "bureau-read-"));
  process.env.DATABASE_URL = require("node:path").join(d, "read.db");
  return d as string;
});
vi.mock("@/lib/request-info", () => ({ getRequestInfo: async () => ({ ip: "127.0.0.1", userAgent: "vitest" }) }));

import { closeDb, getDb } from "@/db";
import { iterateQuery } from "@/db/export-reader";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { incubatorBinding } from "@/features/incubators/queries";
import { incubatorRegistry } from "@/features/incubators/registry";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { institutionBinding } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { columnOf, type RegistryDefinition } from "@/features/registry/define";
import { exportColumns, exportRow } from "@/features/registry/export";
import { listRow } from "@/features/registry/list";
import { type RegistryBinding, registryExportQuery } from "@/features/registry/query";
import { facetKeys, filterParams, sortKeys } from "@/features/registry/search";
import { seedDictionaries } from "@/features/seed";
import { talentBinding } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { loadTalentSearch } from "@/features/talents/validations";
import { maskForLog } from "@/lib/audit";
import { makeT } from "@/lib/i18n/core";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { registryExportResponse } from "@/lib/registry/export";
import { baseListParsers } from "@/lib/registry/search-params";
import { FULL_SCOPE } from "@/lib/scope";

const zh = makeT("zh-CN");
const REGISTRIES: {
  def: RegistryDefinition;
  binding: RegistryBinding;
  table: SQLiteTable;
  load: (p: URLSearchParams) => Record<string, unknown>;
  /** URL keys the registry's own query reads besides the declared filters. */
  bespoke: string[];
}[] = [
  {
    def: enterpriseRegistry,
    binding: enterpriseBinding,
    table: schema.enterprises,
    load: loadEnterpriseSearch,
    bespoke: ["expiring", "kpi", "period", "area"],
  },
  {
    def: institutionRegistry,
    binding: institutionBinding,
    table: schema.institutions,
    load: loadInstitutionSearch,
    bespoke: ["kpi", "period", "area"],
  },
  {
    def: incubatorRegistry,
    binding: incubatorBinding,
    table: schema.incubators,
    load: loadIncubatorSearch,
    bespoke: [],
  },
  {
    def: talentRegistry,
    binding: talentBinding,
    table: schema.talents,
    load: loadTalentSearch,
    bespoke: ["kpi", "period", "area"],
  },
];

const PHONE = "13912345678";
const ID_NUMBER = "500112199001011234";

beforeAll(() => {
  const db = getDb();
  runMigrations(db);
  seedDictionaries(db as never);
  const street = db.$client.prepare("SELECT id FROM dictionary_items WHERE kind = 'street' LIMIT 1").pluck().get();
  const category = db.$client
    .prepare("SELECT id FROM dictionary_items WHERE kind = 'talent_category' LIMIT 1")
    .pluck()
    .get();
  db.$client
    .prepare(
      `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id,
       contact_name, contact_phone) VALUES ('读侧测试企业', '915001129560572123', '王测试', '2015-06-01', 1000, ?, '李四', ?)`,
    )
    .run(street, PHONE);
  db.$client
    .prepare(
      `INSERT INTO talents (kind, name, category_id, employer_name, recognised_year, phone, id_number)
       VALUES ('person', '读侧测试人才', ?, '重庆大学', 2020, ?, ?)`,
    )
    .run(category, PHONE, ID_NUMBER);
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("every read-side column comes from a declared field", () => {
  for (const { def, load, bespoke } of REGISTRIES) {
    it(def.key, () => {
      for (const view of [def.list, def.export, def.detail, def.filters]) {
        expect(view?.length, `${def.key} declares the view`).toBeGreaterThan(0);
        for (const key of view ?? []) expect(() => columnOf(def, key), `${def.key}.${key}`).not.toThrow();
      }
      // A toolbar filter is a field or column that declares `filter`, and every declared filter is in the toolbar's order.
      for (const key of def.filters ?? []) expect(columnOf(def, key).filter, `${def.key}.${key}`).toBeDefined();
      const declared = Object.entries({ ...def.fields, ...def.columns }).filter(([, c]) => c.filter);
      expect(new Set(def.filters)).toEqual(new Set(declared.map(([k]) => k)));
      // The URL parsers are exactly the shared table state, the declared filters and the registry's bespoke keys.
      const parsed = Object.keys(load(new URLSearchParams()));
      expect(new Set(parsed)).toEqual(new Set([...Object.keys(baseListParsers), ...facetKeys(def), ...bespoke]));
      expect(facetKeys(def)).toEqual(declared.flatMap(([, c]) => filterParams(c.filter!)));
      // No two filters share a URL key.
      expect(new Set(facetKeys(def)).size).toBe(facetKeys(def).length);
    });
  }
});

describe("the export follows the definition", () => {
  for (const { def, binding } of REGISTRIES) {
    it(`${def.key}: header order is the definition's order, and the SQL selects exactly those columns`, () => {
      const cols = exportColumns(def, zh, new Map());
      expect(cols.map((c) => c.header)).toEqual((def.export ?? []).map((k) => zh(columnOf(def, k).label)));
      const { sql } = registryExportQuery(getDb(), def, binding, baseSearch(), false, FULL_SCOPE).toSQL();
      expect(getDb().$client.prepare(sql).columns()).toHaveLength(cols.length);
    });
  }

  it("keeps the exported headers and cell types of every registry", () => {
    const shape = Object.fromEntries(
      REGISTRIES.map(({ def }) => [def.key, exportColumns(def, zh, new Map()).map((c) => `${c.header} | ${c.type}`)]),
    );
    expect(shape).toMatchSnapshot();
  });
});

function baseSearch() {
  return { page: 1, perPage: 20, sort: "", q: "", deleted: false };
}

/** A definition whose export lists the same columns in another order. */
function reordered(def: RegistryDefinition, order: (keys: string[]) => string[]): RegistryDefinition {
  return { ...def, export: order([...(def.export ?? [])]) };
}

async function exportBody(def: RegistryDefinition, binding: RegistryBinding, format: "csv" | "xlsx") {
  const columns = exportColumns(def, zh, getDictionaryLabels());
  const query = registryExportQuery(getDb(), def, binding, baseSearch(), false, FULL_SCOPE);
  const res = await registryExportResponse({
    format,
    user: { id: 1, username: "tester", role: "staff" } as never,
    filename: "test",
    sheet: "test",
    columns,
    rows: iterateQuery(query, exportRow(columns)),
    objectType: def.objectType,
    filter: {},
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (format === "csv") {
    const lines = body
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    return lines.map((l) => l.split(","));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v))));
  });
  // The sheet's title rows (if any) come before the header row.
  return rows.slice(rows.findIndex((r) => r.includes(columns[0].header)));
}

describe("personal data is masked by field, whatever the column order", () => {
  const orders: [string, (k: string[]) => string[]][] = [
    ["as declared", (k) => k],
    ["reversed", (k) => k.reverse()],
    [
      "personal data first",
      (k) => [...k.filter((x) => /phone|idNumber/i.test(x)), ...k.filter((x) => !/phone|idNumber/i.test(x))],
    ],
  ];
  for (const { def, binding } of [REGISTRIES[0], REGISTRIES[3]]) {
    for (const [name, order] of orders) {
      for (const format of ["csv", "xlsx"] as const) {
        it(`${def.key} ${format}, ${name}`, async () => {
          const d = reordered(def, order);
          const rows = await exportBody(d, binding, format);
          const header = rows[0];
          expect(header).toEqual((d.export ?? []).map((k) => zh(columnOf(d, k).label)));
          const text = rows.slice(1).flat().join("|");
          expect(rows.length).toBeGreaterThan(1);
          expect(text).not.toContain(PHONE);
          expect(text).not.toContain(ID_NUMBER);
          // The masked value sits in the personal-data column, wherever it is.
          for (const [i, key] of (d.export ?? []).entries()) {
            const c = columnOf(d, key);
            if (c.mask === "phone") expect(rows[1][i]).toContain("139****5678");
            if (c.mask === "idNumber") expect(rows[1][i]).toContain("*");
          }
        });
      }
    }
  }
});

describe("list rows", () => {
  it("mask personal data and show dictionary labels by field, whatever the column order", () => {
    for (const order of [(k: string[]) => k, (k: string[]) => k.reverse()]) {
      const def = { ...talentRegistry, list: order([...(talentRegistry.list ?? [])]) };
      const row = listRow(
        def,
        new Map([[7, "海内外高层次人才"]]),
      )({
        id: 1,
        isSample: false,
        deletedAt: null,
        phone: PHONE,
        idNumber: ID_NUMBER,
        categoryId: 7,
      });
      expect(row.phone).toBe("139****5678");
      expect(String(row.idNumber)).not.toContain("19900101");
      expect(row.categoryId).toBe("海内外高层次人才");
      expect(JSON.stringify(row)).not.toContain(PHONE);
    }
  });
});

describe("sorting", () => {
  for (const { def, table } of REGISTRIES) {
    it(`${def.key}: every sortable column has an index led by deleted_at behind it`, () => {
      const indexes = getTableConfig(table).indexes.map((i) =>
        i.config.columns.map((c) => (c as { name: string }).name),
      );
      const columns = getTableConfig(table).columns;
      for (const key of sortKeys(def)) {
        const col = columns.find((c) => c.name === (table as unknown as Record<string, { name: string }>)[key]?.name);
        expect(col, `${def.key}.${key} is a column of the table`).toBeDefined();
        expect(
          indexes.some((cols) => cols[0] === "deleted_at" && cols[1] === col!.name),
          `${def.key}.${key}: index (deleted_at, ${col!.name})`,
        ).toBe(true);
      }
    });
  }

  it("keeps the sort values the lists have always had", () => {
    expect(Object.fromEntries(REGISTRIES.map(({ def }) => [def.key, sortKeys(def)]))).toEqual({
      enterprise: ["name", "foundedDate", "registeredCapital", "latestRdExpense", "createdAt"],
      institution: ["name", "recognisedDate", "staffCount", "createdAt"],
      incubator: ["name", "incubatedTotal", "ipItems", "highTechCultivated", "createdAt"],
      talent: ["name", "recognisedYear", "createdAt"],
    });
  });
});

describe("the operation log masks the fields the definitions declare personal", () => {
  it("masks phone, contact phone and ID number wherever they appear, and nothing undeclared", () => {
    const logged = maskForLog({
      contactPhone: PHONE,
      rows: [{ phone: PHONE, idNumber: ID_NUMBER, name: "张三" }],
      password: "secret",
      note: PHONE,
    }) as Record<string, unknown>;
    expect(logged).toEqual({
      contactPhone: "139****5678",
      rows: [{ phone: "139****5678", idNumber: expect.not.stringContaining("19900101"), name: "张三" }],
      // A free-text note is not a declared personal field (and secrets are dropped).
      note: PHONE,
    });
    const declared = [enterpriseRegistry, talentRegistry].flatMap((d) =>
      Object.entries(d.fields).flatMap(([k, f]) => (f.mask ? [k] : [])),
    );
    expect(declared.sort()).toEqual(["contactPhone", "idNumber", "phone"]);
  });
});
