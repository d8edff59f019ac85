import fs from "node:fs";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar } from "./fixtures/db";

// The test reads the project's copy of the published figures; it does not repeat the numbers.
const facts = JSON.parse(fs.readFileSync("features/seed/yubei-2020.json", "utf8"));

async function download(page: Page, linkName: string): Promise<{ filename: string; wb: ExcelJS.Workbook }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const file = await dl.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { filename: dl.suggestedFilename(), wb };
}

async function exportVia(context: BrowserContext, url: string) {
  const res = await context.request.get(url);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  return { res, wb };
}

/** Every row of a sheet as plain values (the header included), for comparing two exports. */
function sheetValues(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const out: unknown[][] = [];
  ws.eachRow((r) => {
    out.push((r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v)));
  });
  return out;
}

function coverValue(wb: ExcelJS.Workbook, label: string): ExcelJS.CellValue {
  const ws = wb.getWorksheet("封面");
  let found: ExcelJS.CellValue = null;
  ws?.eachRow((r) => {
    if (r.getCell(1).value === label) found = r.getCell(2).value;
  });
  return found;
}

const snapshotData = (quarter: string, version: number) =>
  JSON.parse(
    scalar<string>("SELECT data FROM report_snapshots WHERE quarter = ? AND snapshot_version = ?", quarter, version),
  );

test("staff closes 2021Q1; a later registry edit changes neither the summary nor its export; admin reopens with a reason and recloses, both versions kept", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "staff");
  await page.goto("/reports/2021Q1");
  await expect(page.getByRole("heading", { name: /2021年第一季度 科技创新工作汇总/ })).toBeVisible();
  await expect(page.getByTestId("report-status")).toHaveText("草稿");
  await page.getByLabel("工作总结").fill("一季度新培育市级科技型企业232家。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");

  await page.getByRole("button", { name: "封账" }).click();
  // 下季度计划 is still empty: closing needs the explicit acknowledgement of the listed gaps.
  await expect(page.getByRole("dialog").getByTestId("close-gaps")).toContainText("下季度计划为空");
  await page
    .getByRole("dialog")
    .getByLabel(/我已知晓以上 \d+ 项缺失/)
    .check();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已封账 · 第1版");
  await expect(page.getByTestId("report-meta")).toContainText("封账人 李科员");
  // Closed: the narrative is read-only and there is no close button any more.
  await expect(page.getByTestId("report-narrative")).toContainText("一季度新培育市级科技型企业232家。");
  await expect(page.getByRole("button", { name: "封账" })).toHaveCount(0);

  // The board of the closed quarter points to the summary that was reported.
  await page.goto("/?period=2021Q1");
  await expect(page.getByTestId("board-closed")).toContainText("本季度已封账（第1版）");
  await page.goto("/reports/2021Q1");
  const v1 = snapshotData("2021Q1", 1);
  const first = v1.movements.newEnterprises[0];
  expect(first?.enterpriseName).toBeTruthy();
  const before = await download(page, "导出 Excel");
  expect(before.filename).toBe("渝北区科技局_2021Q1_季度汇总.xlsx");
  expect(sheetValues(before.wb, "新增企业")[1]).toContain(first.enterpriseName);

  // A registry edit after closing: rename an enterprise the closed quarter lists as new.
  const renamed = `${first.enterpriseName}（更名）`;
  await page.goto(`/enterprises/${first.id}/edit`);
  await page.getByLabel("企业名称").fill(renamed);
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${first.id}$`));
  await expect(page.getByRole("heading", { name: renamed })).toBeVisible();

  await page.goto("/reports/2021Q1");
  const newList = page.getByTestId("movement-newEnterprises");
  await expect(newList).toContainText(first.enterpriseName);
  await expect(newList).not.toContainText(renamed);
  const after = await download(page, "导出 Excel");
  for (const sheet of ["封面", "指标汇总", "新增企业", "认定资质", "新认定研发机构"]) {
    const strip = (rows: unknown[][]) => (sheet === "封面" ? rows.filter((r) => r[0] !== "生成时间") : rows);
    expect(strip(sheetValues(after.wb, sheet)), sheet).toEqual(strip(sheetValues(before.wb, sheet)));
  }
  expect(snapshotData("2021Q1", 1)).toEqual(v1);

  // The admin reopens with a reason: a draft again, with live figures (the new name).
  const admin = await contextAs(browser, "admin");
  const ap = await admin.newPage();
  await ap.goto("/reports/2021Q1");
  await ap.getByRole("button", { name: "重新打开" }).click();
  const dialog = ap.getByRole("dialog", { name: "重新打开已封账季度" });
  await dialog.getByLabel("原因").fill("补报");
  await dialog.getByRole("button", { name: "重新打开" }).click();
  await expect(dialog.getByText("请填写至少 5 个字的原因")).toBeVisible();
  expect(row("SELECT status FROM quarterly_reports WHERE quarter = '2021Q1'")).toEqual({ status: "closed" });
  const reason = "市里要求补报一家企业的更名信息";
  await dialog.getByLabel("原因").fill(reason);
  const reopen = await captureAction(ap, () => dialog.getByRole("button", { name: "重新打开" }).click());
  await expect(ap.getByTestId("report-status")).toHaveText("草稿");
  await expect(ap.getByTestId("movement-newEnterprises")).toContainText(renamed);

  await ap.getByRole("button", { name: "封账" }).click();
  await ap
    .getByRole("dialog")
    .getByLabel(/我已知晓以上 \d+ 项缺失/)
    .check();
  await ap.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(ap.getByTestId("report-status")).toHaveText("已封账 · 第2版");
  const versions = ap.getByTestId("report-versions");
  await expect(versions.getByRole("link", { name: "第1版" })).toBeVisible();
  await expect(versions.getByRole("link", { name: "第2版" })).toBeVisible();
  await expect(versions).toContainText(reason);

  // Both versions are kept: v1 still lists the old name, v2 the new one.
  expect(snapshotData("2021Q1", 1)).toEqual(v1);
  expect(
    snapshotData("2021Q1", 2).movements.newEnterprises.find((r: { id: number }) => r.id === first.id),
  ).toMatchObject({ enterpriseName: renamed });
  expect(
    row("SELECT reopen_reason, reopened_by_name FROM report_snapshots WHERE quarter='2021Q1' AND snapshot_version=1"),
  ).toEqual({ reopen_reason: reason, reopened_by_name: "王管理" });
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'report.reopen' AND object_id = '2021Q1' AND result = 'ok'",
    ),
  ).toBe(1);
  await ap.goto("/reports/2021Q1?v=1");
  await expect(ap.getByTestId("report-status")).toHaveText("已封账 · 第1版");
  await expect(ap.getByTestId("report-note")).toContainText(reason);
  await expect(ap.getByTestId("movement-newEnterprises")).toContainText(first.enterpriseName);
  await expect(ap.getByTestId("movement-newEnterprises")).not.toContainText(renamed);
  const old = await download(ap, "导出 Excel");
  expect(old.filename).toBe("渝北区科技局_2021Q1_季度汇总_第1版.xlsx");
  expect(sheetValues(old.wb, "新增企业")).toEqual(sheetValues(before.wb, "新增企业"));

  // Staff may not reopen: the admin's request replayed with staff cookies is refused, nothing changes.
  const refused = await replayAction(page.context(), reopen, reopen.body.replace(reason, "工作人员想重新打开"));
  expect(refused.text).toContain('"code":"forbidden"');
  expect(row("SELECT status FROM quarterly_reports WHERE quarter = '2021Q1'")).toEqual({ status: "closed" });
  expect(scalar("SELECT count(*) FROM report_snapshots WHERE quarter = '2021Q1' AND reopened_at IS NOT NULL")).toBe(1);
  // Control: the same request by the admin is accepted.
  const control = await replayAction(admin, reopen, reopen.body.replace(reason, "管理员再次重新打开核对"));
  expect(control.text).toContain('"ok":true');
  expect(row("SELECT status FROM quarterly_reports WHERE quarter = '2021Q1'")).toEqual({ status: "draft" });
  await admin.close();
});

test("the 2021Q1 workbook holds every published figure as a number in its row, and the cover's quarter and timestamp", async ({
  browser,
}) => {
  const leader = await contextAs(browser, "leader");
  const page = await leader.newPage();
  await page.goto("/reports/2021Q1");
  // The leader views and exports, but neither closes nor edits.
  await expect(page.getByRole("link", { name: "导出 Excel" })).toBeVisible();
  await expect(page.getByRole("button", { name: "封账" })).toHaveCount(0);
  await expect(page.getByLabel("工作总结")).toHaveCount(0);
  const { filename, wb } = await download(page, "导出 Excel");
  expect(filename).toMatch(/^渝北区科技局_2021Q1_季度汇总(_草稿)?\.xlsx$/);
  expect(coverValue(wb, "区县")).toBe(facts.district);
  expect(String(coverValue(wb, "季度"))).toContain("2021Q1");
  const asOf = coverValue(wb, "数据截至");
  expect(asOf).toBeInstanceOf(Date);
  // The timestamp is Beijing wall-clock time: within the last few minutes.
  const beijingNow = Date.now() + 8 * 3600_000;
  expect(Math.abs(beijingNow - (asOf as Date).getTime())).toBeLessThan(10 * 60_000);

  const ws = wb.getWorksheet("指标汇总");
  if (!ws) throw new Error("no 指标汇总 sheet");
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const col = (h: string) => header.indexOf(h) + 1;
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(ws.autoFilter).toBeTruthy();
  const rowOf = (name: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r, i) => {
      if (i > 1 && r.getCell(col("指标")).value === name) found = r;
    });
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };
  const num = (r: ExcelJS.Row, h: string) => r.getCell(col(h)).value;
  for (const f of facts.indicators) {
    const r = rowOf(f.name);
    expect(num(r, "数值"), f.key).toBe(f.value);
    if (f.kind !== "reported_rank") expect(r.getCell(col("单位")).value, f.key).toBe(f.unit);
    if (f.rank) expect(num(r, "全市排名"), f.key).toBe(f.rank);
    if (f.city_share_pct) {
      expect(num(r, "占比(%)"), f.key).toBe(f.city_share_pct);
      // A published share is of the city total, and says so in the same words as the board.
      expect(r.getCell(col("占比口径")).value, f.key).toBe("占全市比重");
    }
    if (f.growth_pct) expect(num(r, "同比(%)"), f.key).toBe(f.growth_pct);
    if (f.period)
      expect(r.getCell(col("数据期")).value, f.key).toBe(/Q/.test(f.period) ? "2021年第一季度" : `${f.period}年`);
    if (f.gdp_share_pct) {
      const name = scalar<string>("SELECT name FROM indicators WHERE key = 'rd_expenditure_gdp_share'");
      expect(num(rowOf(name), "数值")).toBe(f.gdp_share_pct);
    }
  }
  const q = facts.quarter_2021Q1;
  const nameOf = (key: string) => scalar<string>("SELECT name FROM indicators WHERE key = ?", key);
  expect(num(rowOf(nameOf("new_municipal_tech_enterprises")), "数值")).toBe(q.new_municipal_tech_enterprises);
  for (const key of ["new_rd_institutions_recognised", "new_hightech_rd_institutions_recognised"]) {
    const r = rowOf(nameOf(key));
    expect(num(r, "数值"), key).toBe(q[key].value);
    expect(num(r, "占比(%)"), key).toBe(q[key].city_share_pct);
    expect(r.getCell(col("占比口径")).value, key).toBe("占全市比重");
  }
  // One sheet per movement list, each with its header row frozen.
  for (const name of ["新增企业", "状态变更企业", "注销企业", "新认定研发机构", "新入库人才", "认定资质", "到期资质"]) {
    expect(wb.getWorksheet(name), name).toBeTruthy();
  }
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'report.exportXlsx' AND username = 'leader' AND result = 'ok'",
    ),
  ).toBeGreaterThanOrEqual(1);
  await leader.close();
});

test("the leader can export but saving the narrative and closing are refused server-side with nothing written", async ({
  page,
  browser,
}) => {
  await signInAs(page, "staff");
  await page.goto("/reports/2020Q2");
  await page.getByLabel("工作总结").fill("二季度工作总结（工作人员）");
  const save = await captureAction(page, () => page.getByRole("button", { name: "保存" }).click());
  await expect(page.getByRole("status")).toHaveText("已保存");
  await page.getByRole("button", { name: "封账" }).click();
  await page
    .getByRole("dialog")
    .getByLabel(/我已知晓以上 \d+ 项缺失/)
    .check();
  const close = await captureAction(page, () => page.getByRole("dialog").getByRole("button", { name: "确认" }).click());
  await expect(page.getByTestId("report-status")).toHaveText("已封账 · 第1版");

  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto("/reports/2020Q1");
  await expect(lp.getByRole("button", { name: "封账" })).toHaveCount(0);
  const { res } = await exportVia(leader, "/reports/2020Q1/export");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("spreadsheetml");
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(res.headers()["content-disposition"]).toContain("filename*=UTF-8''");

  // Narrative for another quarter, and closing another quarter, replayed with the leader's cookies.
  const savedBefore = scalar("SELECT count(*) FROM quarterly_reports WHERE quarter = '2020Q1'");
  const s = await replayAction(
    leader,
    save,
    save.body.replaceAll("2020Q2", "2020Q1").replace("（工作人员）", "（领导）"),
  );
  expect(s.text).toContain('"code":"forbidden"');
  const c = await replayAction(leader, close, close.body.replaceAll("2020Q2", "2020Q1"));
  expect(c.text).toContain('"code":"forbidden"');
  expect(scalar("SELECT count(*) FROM quarterly_reports WHERE quarter = '2020Q1'")).toBe(savedBefore);
  expect(scalar("SELECT count(*) FROM report_snapshots WHERE quarter = '2020Q1'")).toBe(0);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'report.close' AND username = 'leader' AND result = 'denied'",
    ),
  ).toBeGreaterThanOrEqual(1);
  // Control: the same close by staff succeeds (2020Q1 has no narrative at all: both gaps are confirmed).
  const ok = await replayAction(
    page.context(),
    close,
    close.body
      .replaceAll("2020Q2", "2020Q1")
      .replace(/"confirmMissing":\[[^\]]*\]/, '"confirmMissing":["summaryText","planText"]'),
  );
  expect(ok.text).toContain('"ok":true');
  expect(scalar("SELECT count(*) FROM report_snapshots WHERE quarter = '2020Q1'")).toBe(1);
  // A closed quarter refuses a narrative edit even from staff.
  const late = await replayAction(page.context(), save, save.body.replace("（工作人员）", "（封账后）"));
  expect(late.text).toContain("该季度已封账，不能修改");
  expect(scalar("SELECT summary_text FROM quarterly_reports WHERE quarter = '2020Q2'")).toBe(
    "二季度工作总结（工作人员）",
  );
  await leader.close();
});

test("the print view is an A4 page with title, district, quarter and data timestamp", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/reports/2021Q3/print");
  await expect(page.getByRole("heading", { name: "渝北区科技局 2021年第三季度 科技创新工作汇总" })).toBeVisible();
  await expect(page.getByTestId("print-meta")).toContainText("区县：渝北区");
  await expect(page.getByTestId("print-meta")).toContainText("2021Q3");
  await expect(page.getByTestId("print-meta")).toContainText("数据截至");
  await expect(page.getByRole("button", { name: "打印/导出PDF" })).toBeVisible();
  // The printed page: A4, the toolbar hidden, and a PDF comes out.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印/导出PDF" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
