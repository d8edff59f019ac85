import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { contextAs, signInAs } from "./fixtures/auth";
import { row, scalar, uniqueName } from "./fixtures/db";
import {
  captureMultipartAction,
  downloadTemplate,
  fillTemplate,
  previewFile,
  replayMultipart,
} from "./fixtures/import";
import { freshCreditCode } from "./fixtures/registry";
import { asMacroEnabled, zipBomb } from "./fixtures/zip";

// Every file uses names and credit codes unique to the test, and no qualification or institution that the
// board's published counts include, so specs running in parallel on the same database are unaffected.

const enterprise = (name: string, code: string, extra: Record<string, ExcelJS.CellValue> = {}) => ({
  企业名称: name,
  统一社会信用代码: code,
  法定代表人: "王导入",
  成立日期: new Date(Date.UTC(2019, 3, 1)),
  "注册资本（万元）": 500,
  所属镇街: "龙溪街道",
  所属园区: "仙桃国际大数据谷",
  产业链: "软件信息",
  规上工业企业: "否",
  联系人: "赵六",
  联系电话: "13800138000",
  状态: "在册",
  ...extra,
});

const countCodes = (codes: string[]) =>
  scalar(
    "SELECT count(*) FROM enterprises WHERE credit_code IN (SELECT value FROM json_each(?))",
    JSON.stringify(codes),
  );

async function goodFile(page: Page, n: number, prefix = "导入测试企业") {
  const template = await downloadTemplate(page);
  const codes = Array.from({ length: n }, () => freshCreditCode());
  const names = codes.map(() => uniqueName(prefix));
  const buffer = await fillTemplate(
    template,
    "企业",
    codes.map((c, i) => enterprise(names[i], c, i === 1 ? { 成立日期: "2018/3/9", 规上工业企业: "是" } : {})),
  );
  return { codes, names, buffer, template };
}

test("template round-trip: download, fill 3 rows, preview 3 新增, commit, records and one import log, history names the file", async ({
  page,
}) => {
  await signInAs(page, "staff");
  const { codes, names, buffer } = await goodFile(page, 3);
  const fileName = `${uniqueName("企业导入")}.xlsx`;

  await previewFile(page, fileName, buffer);
  await expect(page.getByTestId("count-new")).toHaveText("3");
  await expect(page.getByTestId("count-invalid")).toHaveText("0");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("导入完成：3 条新增，0 条更新，0 条无变化");

  expect(countCodes(codes)).toBe(3);
  const second = row<{ founded_date: string; is_above_scale: number; version: number; created_by: number }>(
    "SELECT founded_date, is_above_scale, version, created_by FROM enterprises WHERE credit_code = ?",
    codes[1],
  );
  expect(second).toMatchObject({ founded_date: "2018-03-09", is_above_scale: 1, version: 1 });

  const logs = scalar("SELECT count(*) FROM operation_logs WHERE action = 'import.commit' AND message = ?", fileName);
  expect(logs).toBe(1);
  const log = row<{ username: string; object_type: string; detail: string }>(
    "SELECT username, object_type, detail FROM operation_logs WHERE action = 'import.commit' AND message = ?",
    fileName,
  );
  expect(log?.username).toBe("staff");
  expect(log?.object_type).toBe("import");
  const detail = JSON.parse(log?.detail ?? "{}");
  expect(detail).toMatchObject({
    registry: "enterprise",
    file: fileName,
    mode: "all",
    counts: { new: 3, updated: 0, unchanged: 0, invalid: 0, skipped: 0 },
  });

  // The record's history tab shows the import.
  const id = scalar("SELECT id FROM enterprises WHERE credit_code = ?", codes[0]);
  await page.getByRole("link", { name: "查看科技企业列表" }).click();
  await page.waitForURL(/\/enterprises/);
  await page.goto(`/enterprises/${id}?tab=history`);
  await expect(page.getByRole("heading", { name: names[0] })).toBeVisible();
  await expect(page.getByTestId("history-entry").first()).toContainText(`通过导入 ${fileName} 新增`);
});

test("one bad row: its Excel row and column are reported, 确认导入 is disabled, and a forced commit writes nothing", async ({
  page,
}) => {
  await signInAs(page, "staff");
  const template = await downloadTemplate(page);
  const codes = [freshCreditCode(), freshCreditCode(), freshCreditCode()];
  const bad = codes[1].slice(0, 17) + (codes[1][17] === "0" ? "1" : "0");
  const buffer = await fillTemplate(template, "企业", [
    enterprise(uniqueName("导入好行"), codes[0]),
    enterprise(uniqueName("导入坏行"), bad),
    enterprise(uniqueName("导入好行"), codes[2]),
  ]);
  await previewFile(page, "bad-row.xlsx", buffer);
  await expect(page.getByTestId("count-new")).toHaveText("2");
  await expect(page.getByTestId("count-invalid")).toHaveText("1");
  const err = page.getByTestId("import-error");
  await expect(err).toHaveCount(1);
  await expect(err.getByTestId("import-error-row")).toHaveText("3");
  await expect(err.getByTestId("import-error-column")).toHaveText("统一社会信用代码");
  await expect(err).toContainText(bad);
  await expect(err).toContainText("校验位错误");
  const commit = page.getByRole("button", { name: "确认导入" });
  await expect(commit).toBeDisabled();

  // The error report: the uploaded rows, the bad one with its reason in an added 错误原因 column.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载错误报告" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("bad-row_错误报告.xlsx");
  const report = new ExcelJS.Workbook();
  await report.xlsx.load(fs.readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
  const sheet = report.getWorksheet("企业");
  if (!sheet) throw new Error("the report has no 企业 sheet");
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers.at(-1)).toBe("错误原因");
  // The reason names the column once (the message already says 统一社会信用代码).
  const reason = String(sheet.getRow(3).getCell(headers.length).value);
  expect(reason).toContain("统一社会信用代码校验位错误");
  expect(reason).not.toContain("统一社会信用代码：统一社会信用代码");
  // The report is the template: its instructions sheet and drop-down lists are kept for the correction.
  expect(report.getWorksheet("填写说明")).toBeDefined();
  const validations = Object.values(
    (sheet as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model,
  );
  expect(validations.some((v) => v.type === "list")).toBe(true);
  expect(sheet.getRow(2).getCell(headers.length).value ?? null).toBeNull();
  expect(sheet.getRow(4).getCell(2).value).toBe(codes[2]);

  // 仅导入有效行 asks first, then writes exactly the two valid rows.
  await page.getByRole("button", { name: "仅导入有效行" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("将跳过 1 行有误的数据，仅导入其余 2 行有效数据");
  const action = await captureMultipartAction(page, () => dialog.getByRole("button", { name: "确认" }).click());
  await expect(page.getByTestId("import-result")).toContainText("2 条新增，0 条更新，0 条无变化，跳过 1 行有误数据");
  expect(countCodes([codes[0], codes[2]])).toBe(2);
  expect(countCodes([bad])).toBe(0);
  expect(action.fields.some(([, v]) => v === "validOnly")).toBe(true);

  // Calling the commit action anyway, in all-or-nothing mode, with another file holding a bad row: refused,
  // and not one of its good rows is written.
  const fresh = [freshCreditCode(), freshCreditCode()];
  const freshBad = fresh[1].slice(0, 17) + (fresh[1][17] === "0" ? "1" : "0");
  const forced = await fillTemplate(template, "企业", [
    enterprise(uniqueName("导入好行"), fresh[0]),
    enterprise(uniqueName("导入坏行"), freshBad),
  ]);
  const before = countCodes([fresh[0], freshBad]);
  const replay = await replayMultipart(page.context(), action, { name: "forced.xlsx", buffer: forced }, (v) =>
    v === "validOnly" ? "all" : v,
  );
  expect(replay.text).toContain("还有 1 行有误，未写入任何数据");
  expect(before).toBe(0);
  expect(countCodes([fresh[0], freshBad])).toBe(0);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'import.commit' AND result = 'ok' AND message = 'forced.xlsx'",
    ),
  ).toBe(0);
});

test("importing the same file twice creates nothing the second time and says so", async ({ page }) => {
  await signInAs(page, "staff");
  const { codes, buffer } = await goodFile(page, 2);
  await previewFile(page, "twice.xlsx", buffer);
  await expect(page.getByTestId("count-new")).toHaveText("2");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2 条新增");
  const versions = scalar<string>(
    "SELECT group_concat(version) FROM enterprises WHERE credit_code IN (SELECT value FROM json_each(?))",
    JSON.stringify(codes),
  );

  await page.getByRole("button", { name: "继续导入其他文件" }).click();
  await previewFile(page, "twice.xlsx", buffer);
  await expect(page.getByTestId("count-new")).toHaveText("0");
  await expect(page.getByTestId("count-updated")).toHaveText("0");
  await expect(page.getByTestId("count-unchanged")).toHaveText("2");
  await expect(page.getByTestId("import-preview")).toContainText("完全一致");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("0 条新增，0 条更新，2 条无变化");
  expect(countCodes(codes)).toBe(2);
  expect(
    scalar<string>(
      "SELECT group_concat(version) FROM enterprises WHERE credit_code IN (SELECT value FROM json_each(?))",
      JSON.stringify(codes),
    ),
  ).toBe(versions);
});

test("re-importing changed rows: the preview lists each 更新 row's field changes, labelled, with dictionary labels and masked phones", async ({
  page,
}) => {
  await signInAs(page, "staff");
  const { codes, names, buffer, template } = await goodFile(page, 2, "导入更新企业");
  await previewFile(page, "first.xlsx", buffer);
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2 条新增");

  // The second row changes its 镇街, capital and phone; the first is unchanged.
  const changed = await fillTemplate(template, "企业", [
    enterprise(names[0], codes[0], { 成立日期: new Date(Date.UTC(2019, 3, 1)) }),
    enterprise(names[1], codes[1], {
      成立日期: "2018/3/9",
      规上工业企业: "是",
      所属镇街: "仙桃街道",
      "注册资本（万元）": 1250.5,
      联系电话: "13912345678",
    }),
  ]);
  await page.getByRole("button", { name: "继续导入其他文件" }).click();
  await previewFile(page, "second.xlsx", changed);
  await expect(page.getByTestId("count-updated")).toHaveText("1");
  await expect(page.getByTestId("count-unchanged")).toHaveText("1");
  const update = page.getByTestId("import-update");
  await expect(update).toHaveCount(1);
  await expect(update).toContainText(names[1]);
  await expect(update.getByTestId("import-update-row")).toHaveText("3");
  const changes = update.getByTestId("import-update-change");
  await expect(changes).toHaveCount(3);
  await expect(changes.filter({ hasText: "所属镇街" })).toContainText("龙溪街道 → 仙桃街道");
  await expect(changes.filter({ hasText: "注册资本（万元）" })).toContainText("500 → 1,250.5");
  await expect(changes.filter({ hasText: "联系电话" })).toContainText("138****8000 → 139****5678");
  await expect(page.getByTestId("import-preview")).not.toContainText("13912345678");
});

// @alone: "quickly" is wall-clock time, which only means something with no other test loading the machine.
test("a renamed .xlsm, a file over 10 MB and a zip bomb are refused quickly with a message, nothing written", {
  tag: "@alone",
}, async ({ page }) => {
  await signInAs(page, "staff");
  const name = uniqueName("拒绝导入企业");
  const code = freshCreditCode();
  const template = await downloadTemplate(page);
  const filled = await fillTemplate(template, "企业", [enterprise(name, code)]);
  const cases: { file: string; buffer: Buffer; message: string }[] = [
    { file: "renamed.xlsx", buffer: await asMacroEnabled(filled), message: "不支持启用宏的工作簿（.xlsm）" },
    {
      file: "huge.xlsx",
      buffer: Buffer.concat([filled, Buffer.alloc(10 * 1024 * 1024 + 1024, 0x20)]),
      message: "文件超过 10 MB",
    },
    { file: "bomb.xlsx", buffer: zipBomb(50), message: "压缩比异常" },
  ];
  for (const c of cases) {
    const started = Date.now();
    await previewFile(page, c.file, c.buffer);
    await expect(page.getByTestId("import-message")).toContainText(c.message);
    expect(Date.now() - started, c.file).toBeLessThan(8_000);
    await expect(page.getByTestId("import-preview")).toHaveCount(0);
  }
  expect(countCodes([code])).toBe(0);
  expect(scalar("SELECT count(*) FROM enterprises WHERE name = ?", name)).toBe(0);
});

test("leader: replayed preview and commit are refused on the server and nothing is written; staff's control replay works", async ({
  page,
  browser,
}) => {
  await signInAs(page, "staff");
  const first = await goodFile(page, 1, "导入重放");
  await previewFile(page, "replay.xlsx", first.buffer);
  await expect(page.getByTestId("count-new")).toHaveText("1");
  // Capture both actions as staff (the preview again, then the commit).
  const preview = await captureMultipartAction(page, () => page.getByRole("button", { name: "预览" }).click());
  await expect(page.getByTestId("count-new")).toHaveText("1");
  const commit = await captureMultipartAction(page, () => page.getByRole("button", { name: "确认导入" }).click());
  await expect(page.getByTestId("import-result")).toContainText("1 条新增");
  expect(countCodes(first.codes)).toBe(1);

  // The leader cannot open the page…
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  const res = await lp.goto("/import");
  expect(res?.status()).toBe(403);
  await expect(lp.getByLabel("选择文件")).toHaveCount(0);
  // …nor download a template…
  expect((await leader.request.get("/import/template/enterprise")).status()).toBe(403);

  // …and replays with fresh values (so a unique key cannot be the reason) are refused.
  const fresh = await goodFile(page, 2, "导入越权");
  const denied = () =>
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action LIKE 'import.%' AND result = 'denied' AND username = 'leader'",
    );
  const deniedBefore = denied();
  for (const action of [preview, commit]) {
    const r = await replayMultipart(leader, action, { name: "leader.xlsx", buffer: fresh.buffer });
    expect(r.text).toContain('"code":"forbidden"');
  }
  expect(denied()).toBe(deniedBefore + 2);
  expect(countCodes(fresh.codes)).toBe(0);
  expect(scalar("SELECT count(*) FROM operation_logs WHERE result = 'ok' AND message = 'leader.xlsx'")).toBe(0);
  await leader.close();

  // Control: the same commit request by staff with the fresh file does import it.
  const control = await replayMultipart(page.context(), commit, { name: "control.xlsx", buffer: fresh.buffer });
  expect(control.text).toContain('"ok":true');
  expect(countCodes(fresh.codes)).toBe(2);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'import.commit' AND result = 'ok' AND message = 'control.xlsx'",
    ),
  ).toBe(1);
});

test("a file with many kinds of mistakes: each one reported with its row, column and reason (docs screenshot)", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signInAs(page, "staff");
  const template = await downloadTemplate(page);
  const code = freshCreditCode();
  const buffer = await fillTemplate(template, "企业", [
    enterprise(uniqueName("截图企业"), freshCreditCode()),
    enterprise(uniqueName("截图企业"), `${code.slice(0, 17)}${code[17] === "0" ? "1" : "0"}`),
    enterprise(uniqueName("截图企业"), freshCreditCode(), { 所属镇街: "火星街道", 成立日期: "2019-02-30" }),
    enterprise("", freshCreditCode(), { "注册资本（万元）": -5, 规上工业企业: "可能" }),
    enterprise(uniqueName("截图企业"), freshCreditCode(), { 联系电话: "12345" }),
  ]);
  await previewFile(page, "科技企业导入_2026年第一批.xlsx", buffer);
  const errors = page.getByTestId("import-error");
  await expect(errors).toHaveCount(7);
  for (const [row, column, reason] of [
    ["3", "统一社会信用代码", "校验位"],
    ["4", "所属镇街", "不是有效的选项"],
    ["4", "成立日期", "日期"],
    ["5", "企业名称", "必填"],
    ["5", "规上工业企业", "“是”或“否”"],
    ["5", "注册资本（万元）", "不能为负数"],
    ["6", "联系电话", "电话号码"],
  ]) {
    await expect(errors.filter({ hasText: column }).filter({ hasText: reason }).first()).toContainText(row);
  }
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  // IMPORT_SCREENSHOT=1 refreshes the README's picture; otherwise the screenshot stays with the test results.
  const path = process.env.IMPORT_SCREENSHOT
    ? "docs/screenshots/import-preview-errors.png"
    : testInfo.outputPath("import-preview-errors.png");
  await page.screenshot({ path, fullPage: true });
});
