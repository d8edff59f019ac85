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
import { REGISTRY_SPECS } from "@/features/import/registries";
import { templateHeader } from "@/features/import/template";
import { countRegistry } from "@/features/kpi/count-queries";
import { seedDictionaries } from "@/features/seed";
import { makeCreditCode } from "@/lib/credit-code";
import { readWorkbook } from "@/lib/import/workbook";

// First day in production: a bureau imports its existing ledger, whose qualifications carry their real, historic
// award and expiry dates. Past periods must then count what was valid at each period's end.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-history-"));
const sqlite = openSqlite(path.join(dir, "history.db"));
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

const [ENT, QUAL] = REGISTRY_SPECS.enterprise.sheets;
const code = (n: number) => makeCreditCode("91", "500112", `MA7HT${String(n).padStart(4, "0")}`);
const enterprise = (name: string, c: string) => [
  name,
  c,
  "王测试",
  new Date(Date.UTC(2012, 0, 1)),
  100,
  "龙溪街道",
  null,
  "软件信息",
  "否",
  null,
  null,
  null,
  "在册",
];

async function ledger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ent = wb.addWorksheet("企业");
  ent.addRow(ENT.columns.map(templateHeader));
  ent.addRow(enterprise("历史企业甲", code(1)));
  ent.addRow(enterprise("历史企业乙", code(2)));
  ent.addRow(enterprise("历史企业丙", code(3)));
  const q = wb.addWorksheet("资质");
  q.addRow(QUAL.columns.map(templateHeader));
  // 甲: valid 2017-05-10 … 2020-05-09; 乙: from 2019-11-01, no expiry; 丙: from 2021-02-01 (Excel date cell).
  q.addRow([code(1), "市级科技型企业", "SJ-2017-001", "2017-05-10", "2020-05-09", null]);
  q.addRow([code(2), "市级科技型企业", "SJ-2019-002", "2019-11-01", null, null]);
  q.addRow([code(3), "市级科技型企业", "SJ-2021-003", new Date(Date.UTC(2021, 1, 1)), null, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("an imported ledger with historic qualification dates", () => {
  it("yields each past period's count as of that period's end", async () => {
    const plan = planImport(sqlite, "enterprise", await readWorkbook(await ledger()));
    expect(plan.errors).toEqual([]);
    expect(plan.totals).toEqual({ new: 6, updated: 0, unchanged: 0, invalid: 0 });
    sqlite.transaction(() => applyPlan(sqlite, plan, { userId, now: new Date().toISOString() }))();
    expect(
      sqlite.prepare("SELECT awarded_date FROM enterprise_qualifications ORDER BY awarded_date").pluck().all(),
    ).toEqual(["2017-05-10", "2019-11-01", "2021-02-01"]);

    const count = (period: string) => countRegistry(sqlite, "municipal_tech_enterprises", period);
    expect(count("2016")).toBe(0);
    expect(count("2017")).toBe(1);
    expect(count("2018Q4")).toBe(1);
    expect(count("2019Q3")).toBe(1);
    expect(count("2019")).toBe(2);
    // 甲 expired on 2020-05-09: at 2020Q1's end it still counts, at 2020Q2's end no longer.
    expect(count("2020Q1")).toBe(2);
    expect(count("2020Q2")).toBe(1);
    expect(count("2020")).toBe(1);
    expect(count("2021Q1")).toBe(2);
    // New entries (first qualification awarded in the period) come out per past period too.
    expect(countRegistry(sqlite, "new_municipal_tech_enterprises", "2017")).toBe(1);
    expect(countRegistry(sqlite, "new_municipal_tech_enterprises", "2018")).toBe(0);
    expect(countRegistry(sqlite, "new_municipal_tech_enterprises", "2019Q4")).toBe(1);
  });
});
