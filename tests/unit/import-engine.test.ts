import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedDictionaries } from "@/db/seed";
import { makeCreditCode } from "@/lib/credit-code";
import { applyPlan, planImport } from "@/lib/import/engine";
import { REGISTRY_SPECS } from "@/lib/import/registries";
import { templateHeader } from "@/lib/import/template";
import { readWorkbook } from "@/lib/import/workbook";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-import-"));
const sqlite = openSqlite(path.join(dir, "import.db"));
const db = drizzle(sqlite, { schema });
runMigrations(db);
seedDictionaries(db as never);
const userId = Number(
  sqlite
    .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES ('u', 'u', 'staff', 'x')")
    .run().lastInsertRowid,
);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const [ENT, QUAL, ANNUAL] = REGISTRY_SPECS.enterprise.sheets;
const A = makeCreditCode("91", "500112", "MA7UT0001");
const B = makeCreditCode("91", "500112", "MA7UT0002");
const BAD = `${A.slice(0, 17)}${A[17] === "0" ? "1" : "0"}`;

const enterpriseRow = (name: string, code: string, capital: number | { formula: string; result?: number } = 100) => [
  name,
  code,
  "王测试",
  new Date(Date.UTC(2015, 5, 1)),
  capital,
  "龙溪街道",
  "仙桃国际大数据谷",
  "软件信息",
  "否",
  null,
  "13800138000",
  "在册",
];

async function workbook(rows: unknown[][], quals: unknown[][] = [], annual: unknown[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const add = (spec: typeof ENT, data: unknown[][]) => {
    const ws = wb.addWorksheet(spec.sheet === ENT.sheet ? "企业" : spec.sheet === QUAL.sheet ? "资质" : "年度数据");
    ws.addRow(spec.columns.map(templateHeader));
    for (const r of data) ws.addRow(r);
  };
  add(ENT, rows);
  add(QUAL, quals);
  add(ANNUAL, annual);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const run = async (buf: Buffer) => planImport(sqlite, "enterprise", await readWorkbook(buf));

describe("enterprise import", () => {
  it("plans, writes, and is idempotent on re-import", async () => {
    const buf = await workbook(
      [enterpriseRow("单测企业甲", A), enterpriseRow("单测企业乙", B)],
      [[A, "国家高新技术企业", "GR1", "2026-01-05", "2029-01-04", null]],
      [[B, 2024, 1000, 50, 20, 5, 1]],
    );
    const plan = await run(buf);
    expect(plan.errors).toEqual([]);
    expect(plan.totals).toEqual({ new: 4, updated: 0, unchanged: 0, invalid: 0 });
    sqlite.transaction(() => applyPlan(sqlite, plan, { userId, now: new Date().toISOString() }))();
    const a = sqlite.prepare("SELECT * FROM enterprises WHERE credit_code = ?").get(A) as Record<string, unknown>;
    expect(a).toMatchObject({ name: "单测企业甲", founded_date: "2015-06-01", is_above_scale: 0, version: 1 });
    expect(
      sqlite.prepare("SELECT count(*) FROM enterprise_qualifications WHERE enterprise_id = ?").pluck().get(a.id),
    ).toBe(1);
    const b = sqlite.prepare("SELECT latest_revenue FROM enterprises WHERE credit_code = ?").get(B);
    expect(b).toEqual({ latest_revenue: 1000 });

    const again = await run(buf);
    expect(again.totals).toEqual({ new: 0, updated: 0, unchanged: 4, invalid: 0 });
    expect(applyPlan(sqlite, again, { userId, now: new Date().toISOString() }).written).toBe(0);

    const changed = await run(await workbook([enterpriseRow("单测企业甲（更名）", A)]));
    expect(changed.totals).toEqual({ new: 0, updated: 1, unchanged: 0, invalid: 0 });
    const { logs } = sqlite.transaction(() => applyPlan(sqlite, changed, { userId, now: new Date().toISOString() }))();
    expect(logs[0]).toMatchObject({
      action: "enterprise.update",
      before: { name: "单测企业甲" },
      after: { name: "单测企业甲（更名）" },
    });
    expect(sqlite.prepare("SELECT version, updated_by FROM enterprises WHERE credit_code = ?").get(A)).toEqual({
      version: 2,
      updated_by: userId,
    });
  });

  it("reports each bad row with its Excel row number, column header and reason", async () => {
    const plan = await run(
      await workbook(
        [
          enterpriseRow("单测好企业", makeCreditCode("91", "500112", "MA7UT0003")),
          enterpriseRow("单测坏企业", BAD),
          enterpriseRow("单测公式企业", makeCreditCode("91", "500112", "MA7UT0004"), { formula: "1+1" }),
          enterpriseRow("单测重复", makeCreditCode("91", "500112", "MA7UT0003")),
        ],
        [[makeCreditCode("91", "500112", "MA7UT0009"), "专精特新企业", null, "2026-01-05", null, null]],
      ),
    );
    expect(plan.totals).toMatchObject({ new: 1, invalid: 4 });
    const byRow = (sheet: string, row: number) => plan.errors.filter((e) => e.sheet === sheet && e.row === row);
    expect(byRow("企业", 3)).toEqual([
      expect.objectContaining({ column: "统一社会信用代码", value: BAD, message: expect.stringContaining("校验位") }),
    ]);
    expect(byRow("企业", 4)[0]).toMatchObject({ column: "注册资本（万元）", message: "import.cell.formulaNoResult" });
    expect(byRow("企业", 5)[0].message).toMatch(/^import\.row\.duplicateInFile\|row=2/);
    expect(byRow("资质", 2)[0].message).toMatch(/^import\.row\.parentMissing/);
  });

  it("refuses a file whose header lacks a column", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("企业").addRow(["企业名称", "统一社会信用代码"]);
    wb.getWorksheet("企业")?.addRow(["x", A]);
    const sheets = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(() => planImport(sqlite, "enterprise", sheets)).toThrow(/import\.refuse\.missingColumns/);
  });
});
