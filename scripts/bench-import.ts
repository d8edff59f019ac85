// `npm run bench:import [-- rows]`: times the Excel import of a generated enterprise workbook (default 10,000
// enterprises) on a throw-away copy of the seeded database: parse + validate + write in one transaction,
// then the same file again (everything unchanged). Run with the react-server condition (see package.json),
// which is what lets it load the server-only modules outside Next.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { applyPlan, planImport } from "@/features/import/engine";
import { writeRecordLogs } from "@/features/import/record-logs";
import { REGISTRY_SPECS } from "@/features/import/registries";
import { templateHeader } from "@/features/import/template";
import { makeCreditCode } from "@/lib/credit-code";
import { makeT } from "@/lib/i18n/core";
import { readWorkbook } from "@/lib/import/workbook";

const N = Number(process.argv[2] ?? 10_000);
const zh = makeT("zh-CN");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.DEMO = "1";
const { prepareDatabase } = await import("./prepare-db");
await prepareDatabase();
const { getConn } = await import("@/db");
const sqlite = getConn().sqlite;
const user = sqlite.prepare("SELECT id, username, role FROM users WHERE username = 'staff'").get() as {
  id: number;
  username: string;
  role: string;
};

const spec = REGISTRY_SPECS.enterprise.sheets[0];
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet(zh(spec.sheet));
ws.addRow(spec.columns.map(templateHeader));
const headers = spec.columns.map((c) => String(templateHeader(c)).replace(/^\*/, ""));
const BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
for (let i = 0; i < N; i++) {
  let body = "BN";
  for (let n = i, k = 0; k < 7; k++, n = Math.floor(n / BODY.length)) body += BODY[n % BODY.length];
  // Placed by header, so a column added to the template (企业官网 …) never shifts the values into the wrong cells.
  const row: Record<string, unknown> = {
    企业名称: `基准测试企业${i}`,
    统一社会信用代码: makeCreditCode("91", "500112", body),
    法定代表人: "王测试",
    成立日期: new Date(Date.UTC(2015, 5, 1)),
    "注册资本（万元）": 1000 + i,
    所属镇街: "龙溪街道",
    所属园区: "仙桃国际大数据谷",
    产业链: "软件信息",
    规上工业企业: i % 2 ? "是" : "否",
    联系人: "张三",
    联系电话: "13800138000",
    状态: "在册",
  };
  ws.addRow(headers.map((h) => row[h] ?? null));
}
const buf = Buffer.from(await wb.xlsx.writeBuffer());

async function run(label: string) {
  const t0 = performance.now();
  const sheets = await readWorkbook(buf);
  const t1 = performance.now();
  const result = sqlite.transaction(() => {
    const p = planImport(sqlite, "enterprise", sheets);
    const t2 = performance.now();
    const { logs } = applyPlan(sqlite, p, { userId: user.id, now: new Date().toISOString() });
    writeRecordLogs(
      sqlite,
      logs,
      { userId: user.id, username: user.username, role: user.role, ip: null },
      { importLogId: 0, file: "bench.xlsx" },
    );
    return { p, t2 };
  })();
  const t3 = performance.now();
  const { totals } = result.p;
  console.log(
    `${label}: ${N} rows (${(buf.byteLength / 1024).toFixed(0)} KB) — parse ${(t1 - t0).toFixed(0)} ms, validate ${(result.t2 - t1).toFixed(0)} ms, write ${(t3 - result.t2).toFixed(0)} ms; total ${(t3 - t0).toFixed(0)} ms = ${Math.round(N / ((t3 - t0) / 1000))} rows/s`,
    totals,
  );
}

await run("first import");
await run("same file again");
getConn().sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });
