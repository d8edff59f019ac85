import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { contextAs, signInAs } from "./fixtures/auth";
import { row, scalar, withDb } from "./fixtures/db";

// District values by name: each test uses its own indicator-year no other spec reads (years before the seed's).
const KEY = "industrial_rd_expenditure";

const indicatorId = () => scalar<number>("SELECT id FROM indicators WHERE key = ?", KEY);
const districtId = (label: string) =>
  scalar<number>("SELECT id FROM dictionary_items WHERE kind = 'district' AND label = ?", label);
const storedValue = (period: string, label: string) =>
  row<{ value: number; source_doc: string | null; updated_by: number | null }>(
    "SELECT value, source_doc, updated_by FROM district_values WHERE indicator_id = ? AND period = ? AND district_id = ?",
    indicatorId(),
    period,
    districtId(label),
  );
const countFor = (period: string) =>
  scalar<number>("SELECT count(*) FROM district_values WHERE indicator_id = ? AND period = ?", indicatorId(), period);
const saves = (period: string) =>
  scalar<number>(
    "SELECT count(*) FROM operation_logs WHERE action = 'indicator.saveDistrictValues' AND result = 'ok' AND object_id = ? AND json_extract(detail, '$.period') = ?",
    String(indicatorId()),
    period,
  );

/** Values as they were before this test (the city spreadsheet's old figures). */
function seedValues(period: string, values: Record<string, number>) {
  withDb((db) => {
    const ins = db.prepare(
      "INSERT OR REPLACE INTO district_values (indicator_id, period, district_id, value) VALUES (?, ?, ?, ?)",
    );
    for (const [label, v] of Object.entries(values)) ins.run(indicatorId(), period, districtId(label), v);
  });
}

async function openEntry(page: Page, period: string) {
  await page.goto(`/indicators/${KEY}?period=${period}`);
  await expect(page.getByRole("form", { name: "保存区县数值" })).toBeVisible();
}

test("a two-column paste in reversed order with a header puts each value on its named district, after a preview", async ({
  page,
}) => {
  const period = "2011";
  // Every district has last year's figure except 黔江区; 万州区 is the "10" that 370 should replace.
  const labels = withDb((db) =>
    db.prepare("SELECT label FROM dictionary_items WHERE kind = 'district' ORDER BY sort_order, id").pluck().all(),
  ) as string[];
  seedValues(period, {
    ...Object.fromEntries(labels.filter((l) => l !== "黔江区").map((l, i) => [l, 20 + i * 3])),
    万州区: 10,
    渝北区: 5,
    江北区: 7,
  });
  await signInAs(page, "staff");
  await openEntry(page, period);

  // Value first, name second, a header row, and rows in the city spreadsheet's order, not the form's.
  await page.getByLabel("粘贴区县数值").fill("数值\t区县名称\n88.5\t渝北\n370\t万州区\n12\t黔江区\n7\t江北区\n");
  await page.getByRole("button", { name: "按名称填入并预览" }).click();
  const preview = page.getByTestId("district-preview");
  await expect(preview).toBeVisible();
  await expect(page.getByText("已跳过表头行")).toBeVisible();
  await expect(preview).toContainText("共 3 项修改，36 项不变");
  await expect(preview.getByTestId("preview-万州区")).toHaveAttribute("data-changed", "true");
  await expect(preview.getByTestId("preview-万州区")).toContainText(/10\s*→\s*370/);
  await expect(preview.getByTestId("preview-渝北区")).toContainText(/5\s*→\s*88\.5/);
  await expect(preview.getByTestId("preview-黔江区")).toContainText(/—\s*→\s*12/);
  await expect(preview.getByTestId("preview-江北区")).toHaveAttribute("data-changed", "false");
  await expect(preview.getByTestId("preview-江北区")).toContainText("不变");
  // Nothing is written by the preview.
  expect(storedValue(period, "万州区")?.value).toBe(10);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await preview.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({
    path: process.env.DOCS_SCREENSHOTS
      ? "docs/screenshots/district-paste-preview.png"
      : test.info().outputPath("preview.png"),
    fullPage: false,
  });

  await page.getByLabel("来源/文号").fill("渝统发〔2012〕8号");
  const logsBefore = saves(period);
  await preview.getByRole("button", { name: "确认保存 3 项修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存 3 项修改" })).toBeVisible();

  const staffId = scalar<number>("SELECT id FROM users WHERE username = 'staff'");
  expect(storedValue(period, "万州区")).toEqual({ value: 370, source_doc: "渝统发〔2012〕8号", updated_by: staffId });
  expect(storedValue(period, "渝北区")?.value).toBe(88.5);
  expect(storedValue(period, "黔江区")?.value).toBe(12);
  // The unchanged district is not rewritten, and nothing else appeared.
  expect(storedValue(period, "江北区")).toEqual({ value: 7, source_doc: null, updated_by: null });
  expect(countFor(period)).toBe(labels.length);
  // One operation-log row carries the before/after of the three changes.
  expect(saves(period)).toBe(logsBefore + 1);
  const log = row<{ before: string; after: string }>(
    "SELECT before, after FROM operation_logs WHERE action = 'indicator.saveDistrictValues' AND result = 'ok' AND object_id = ? ORDER BY id DESC LIMIT 1",
    String(indicatorId()),
  );
  expect(JSON.parse(log?.before ?? "{}")).toEqual({ 万州区: 10, 渝北区: 5, 黔江区: null });
  expect(JSON.parse(log?.after ?? "{}")).toEqual({ 万州区: 370, 渝北区: 88.5, 黔江区: 12 });

  // The provenance of our figure for that period: who, when, the document, and the change.
  await page.goto(`/indicators/${KEY}?period=${period}#provenance`);
  const prov = page.locator("#provenance");
  await expect(prov).toContainText("数据来源与修改记录（2011年）");
  await expect(prov.getByTestId("provenance-value")).toContainText("88.5");
  await expect(prov.getByTestId("provenance-by")).toHaveText("李科员");
  await expect(prov.getByTestId("provenance-at")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(prov.getByTestId("provenance-source")).toHaveText("渝统发〔2012〕8号");
  await expect(prov.getByTestId("provenance-history")).toContainText(/5\s*→\s*88\.5/);
  await expect(prov.getByTestId("provenance-history")).toContainText("李科员");
  await prov.screenshot({
    path: process.env.DOCS_SCREENSHOTS
      ? "docs/screenshots/indicator-provenance.png"
      : test.info().outputPath("provenance.png"),
  });
});

test("an unknown or repeated district name is refused by name, row by row, and nothing is filled", async ({ page }) => {
  const period = "2010";
  await signInAs(page, "staff");
  await openEntry(page, period);
  const before = countFor(period);
  await page.getByLabel("粘贴区县数值").fill("区县\t数值\n万州区\t1\n万洲区\t2\n渝北\t3\n渝北区\t4");
  await page.getByRole("button", { name: "按名称填入并预览" }).click();
  const errors = page.getByTestId("paste-errors");
  await expect(errors).toContainText("第 3 行：“万洲区”不是区县字典中的区县");
  await expect(errors).toContainText("第 5 行：“渝北区”与第 4 行重复（渝北区）");
  await expect(page.getByTestId("district-preview")).toHaveCount(0);
  await expect(page.locator(`#v_${districtId("万州区")}`)).toHaveValue("");
  expect(countFor(period)).toBe(before);
});

test("an .xlsx upload of name + value fills by name and previews before saving", async ({ page }) => {
  const period = "2009";
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("区县数值");
  ws.addRow(["区县名称", "2009年数值"]);
  ws.addRow(["石柱县", 3.25]);
  ws.addRow(["重庆市渝北区", 41]);
  ws.addRow(["忠县", 2]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await signInAs(page, "staff");
  await openEntry(page, period);
  await page.getByTestId("district-xlsx").setInputFiles({
    name: "区县数值.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  const preview = page.getByTestId("district-preview");
  await expect(preview).toContainText("共 3 项修改");
  await expect(preview.getByTestId("preview-石柱土家族自治县")).toContainText(/—\s*→\s*3\.25/);
  await preview.getByRole("button", { name: "确认保存 3 项修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存 3 项修改" })).toBeVisible();
  expect(storedValue(period, "石柱土家族自治县")?.value).toBe(3.25);
  expect(storedValue(period, "渝北区")?.value).toBe(41);
  expect(storedValue(period, "忠县")?.value).toBe(2);
  expect(countFor(period)).toBe(3);

  // A file that is not an .xlsx is refused with the import's check, and nothing is read.
  await page.getByTestId("district-xlsx").setInputFiles({
    name: "fake.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from("not a zip"),
  });
  await expect(page.getByTestId("paste-errors")).toBeVisible();
});

test("two users load the same district values; the second save is refused with the current values and who saved", async ({
  browser,
}) => {
  const period = "2008";
  seedValues(period, { 万州区: 1, 江北区: 2 });
  const a = await (await contextAs(browser, "staff")).newPage();
  const b = await (await contextAs(browser, "admin")).newPage();
  await openEntry(a, period);
  await openEntry(b, period);
  const wanzhou = districtId("万州区");

  await a.locator(`#v_${wanzhou}`).fill("111");
  await a.getByRole("button", { name: "预览并保存" }).click();
  await a.getByRole("button", { name: "确认保存 1 项修改" }).click();
  await expect(a.getByRole("status").filter({ hasText: "已保存 1 项修改" })).toBeVisible();

  // The second user, still on the old page, changes another district: the form would have re-sent 万州区 = 1.
  await b.locator(`#v_${districtId("江北区")}`).fill("222");
  await b.getByRole("button", { name: "预览并保存" }).click();
  await b.getByRole("button", { name: "确认保存 1 项修改" }).click();
  const refusal = b.getByTestId("save-error");
  await expect(refusal).toContainText("未保存：该记录已被 李科员 于");
  await expect(refusal.getByTestId("conflict-current")).toContainText("万州区");
  await expect(refusal.getByTestId("conflict-current")).toContainText("111");
  await refusal.screenshot({ path: test.info().outputPath("conflict.png") });
  // Nothing of the first save is lost, nothing of the second written.
  expect(storedValue(period, "万州区")?.value).toBe(111);
  expect(storedValue(period, "江北区")?.value).toBe(2);
  await a.context().close();
  await b.context().close();
});

test("a reported card's provenance link opens the right period, for the leader too", async ({ page }) => {
  const key = "rd_expenditure";
  const us = districtId("渝北区");
  const seeded = row<{ period: string; value: number }>(
    "SELECT period, value FROM district_values WHERE indicator_id = (SELECT id FROM indicators WHERE key = ?) AND district_id = ? AND period = '2019'",
    key,
    us,
  );
  await signInAs(page, "leader");
  await page.goto(`/indicators/${key}?period=2019#provenance`);
  const prov = page.locator("#provenance");
  await expect(prov).toContainText("数据来源与修改记录（2019年）");
  await expect(prov.getByTestId("provenance-value")).toContainText(String(seeded?.value));
  await expect(prov.getByTestId("provenance-by")).toHaveText("系统初始数据");
  await expect(prov).toContainText("暂无修改记录");
  await expect(prov).toBeInViewport();
  // The board's quarter on a yearly indicator means the year that card shows (the latest with our value).
  await page.goto(`/indicators/${key}?period=2021Q1#provenance`);
  const latest = scalar<string>(
    "SELECT max(period) FROM district_values WHERE indicator_id = (SELECT id FROM indicators WHERE key = ?) AND district_id = ? AND period <= '2020'",
    key,
    us,
  );
  await expect(page.locator("#provenance")).toContainText(`数据来源与修改记录（${latest}年）`);
  // A leader reads; there is no entry form.
  await expect(page.getByRole("button", { name: "预览并保存" })).toHaveCount(0);
});
