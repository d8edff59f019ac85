import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { applyPlan, planImport } from "@/features/import/engine";
import { IMPORT_REGISTRIES, REGISTRY_SPECS } from "@/features/import/registries";
import { buildTemplate, templateHeader } from "@/features/import/template";
import { seedDictionaries } from "@/features/seed";
import { makeCreditCode } from "@/lib/credit-code";
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
  "www.example-unit.cn",
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
    expect(a).toMatchObject({
      name: "单测企业甲",
      founded_date: "2015-06-01",
      is_above_scale: 0,
      website: "https://www.example-unit.cn",
      version: 1,
    });
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
      expect.objectContaining({ column: "统一社会信用代码", value: BAD, message: "registry.creditCode.checksum" }),
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

const labels = (kind: string) =>
  sqlite
    .prepare("SELECT label FROM dictionary_items WHERE kind = ? AND enabled = 1 ORDER BY sort_order, id")
    .pluck()
    .all(kind) as string[];

async function fromTemplate(registry: (typeof IMPORT_REGISTRIES)[number], rows: Record<string, unknown>[]) {
  const kinds = [
    "street",
    "park",
    "industry_chain",
    "qualification_type",
    "institution_type",
    "incubator_type",
    "talent_category",
  ];
  const tpl = await buildTemplate(registry, Object.fromEntries(kinds.map((k) => [k, labels(k)])));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl as unknown as ArrayBuffer, { ignoreNodes: ["dataValidations"] });
  const ws = wb.worksheets.find(
    (w) =>
      w.name ===
      ({ enterprise: "企业", institution: "研发机构", incubator: "孵化载体", talent: "人才" } as const)[registry],
  );
  if (!ws) throw new Error("sheet");
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => {
    cols.set(String(c.value).replace(/^\*/, ""), n);
  });
  rows.forEach((r, i) => {
    for (const [h, v] of Object.entries(r))
      ws.getRow(i + 2).getCell(cols.get(h) as number).value = v as ExcelJS.CellValue;
  });
  return readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("every registry's template", () => {
  for (const registry of IMPORT_REGISTRIES) {
    it(`${registry}: the downloaded headers bind, and an empty template says there is nothing to import`, async () => {
      const sheets = await fromTemplate(registry, []);
      expect(sheets.map((s) => s.name)).toContain("字典");
      expect(() => planImport(sqlite, registry, sheets)).toThrow("import.refuse.noRows");
    });
  }
  it("institution, incubator and talent rows import and re-import as unchanged", async () => {
    const cases = [
      [
        "institution",
        {
          机构名称: "单测研究院",
          机构类型: "重点实验室",
          级别: "区级",
          依托单位名称: "重庆大学",
          认定日期: "2026/1/5",
        },
      ],
      [
        "incubator",
        {
          载体名称: "单测众创空间",
          载体类型: "众创空间",
          级别: "区级",
          运营主体: "单测运营公司",
          "累计孵化企业（家）": 10,
          "累计毕业企业（家）": 2,
          "知识产权（件）": 3,
          "培育高新技术企业（家）": 1,
        },
      ],
      [
        "talent",
        {
          类型: "个人",
          "姓名/团队名称": "单测人才",
          人才类别: "海内外高层次人才",
          工作单位: "重庆大学",
          认定年份: 2025,
          联系电话: 13900139000,
        },
      ],
    ] as const;
    for (const [registry, row] of cases) {
      const sheets = await fromTemplate(registry, [row]);
      const plan = planImport(sqlite, registry, sheets);
      expect(plan.errors, registry).toEqual([]);
      expect(plan.totals).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 0 });
      applyPlan(sqlite, plan, { userId, now: new Date().toISOString() });
      expect(planImport(sqlite, registry, sheets).totals).toEqual({ new: 0, updated: 0, unchanged: 1, invalid: 0 });
    }
    expect(sqlite.prepare("SELECT phone FROM talents WHERE name = '单测人才'").pluck().get()).toBe("13900139000");
  });
});
