import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { quarterOfDate, yearOf } from "../lib/kpi/period";
import { todayIso } from "../lib/time";
import { captureAction, contextAs, replayAction } from "./fixtures/auth";
import { scalar, uniqueName } from "./fixtures/db";
import { expect, test } from "./fixtures/fresh-install";
import { fillTemplate, previewFile, XLSX } from "./fixtures/import";
import { freshCreditCode } from "./fixtures/registry";

// 第一天：from an empty installation (DEMO=0, its own server and database) to a working board, guided by 开始使用.
// SETUP_SCREENSHOTS=1 also writes docs/screenshots/setup-start.png, setup-done.png and board-empty-card.png.

const SHOTS = process.env.SETUP_SCREENSHOTS === "1";
const shot = (name: string) => path.resolve("docs/screenshots", name);

const quarter = quarterOfDate(todayIso());
const YEAR = yearOf(quarter);
const LAST_QUARTER = (() => {
  const q = Number(quarter.slice(-1));
  return q === 1 ? `${YEAR - 1}Q4` : `${YEAR}Q${q - 1}`;
})();

async function signInWith(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** First sign-in with a one-time password: the password must be changed before anything else, then sign in again. */
async function firstSignIn(browser: Browser, baseURL: string, username: string, otp: string, fresh: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInWith(page, username, otp);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("当前密码").fill(otp);
  await page.getByLabel("新密码", { exact: true }).fill(fresh);
  await page.getByLabel("确认新密码").fill(fresh);
  await page.getByRole("button", { name: "修改密码" }).click();
  await page.waitForURL(/\/login\?changed=1/);
  await signInWith(page, username, fresh);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  return { context, page };
}

async function userWorkbook(template: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer, { ignoreNodes: ["dataValidations"] });
  const ws = wb.getWorksheet("用户");
  if (!ws) throw new Error("no sheet 用户 in the user template");
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      ws.getRow(i + 2).getCell(j + 1).value = v;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function downloadUserTemplate(page: Page): Promise<Buffer> {
  await page.goto("/admin/users");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("user-template").click()]);
  return fs.readFileSync((await download.path()) as string);
}

const stepDone = (page: Page, key: string) => page.getByTestId(`setup-step-${key}`);

test("第一天: create the admin, accounts from an xlsx, a ledger, two periods of district values, targets, the first close → the board", async ({
  browser,
  fresh,
}) => {
  test.setTimeout(300_000);

  // The first administrator comes from the server's command line, with a one-time password.
  const admin = await fresh.createAdmin("chief");
  expect(admin.output).toContain("首次登录后须立即修改密码");
  expect(fresh.query((db) => db.prepare("SELECT count(*) AS n FROM users").get())).toEqual({ n: 1 });
  const { context: adminCtx, page } = await firstSignIn(
    browser,
    fresh.baseURL,
    "chief",
    admin.password,
    "Bureau#2026a",
  );

  // The home page of an empty installation is the checklist, every step still to do, computed from the data.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "开始使用", level: 1 })).toBeVisible();
  await expect(page.getByTestId("setup-progress")).toHaveText("已完成 0 / 5 步");
  for (const key of ["accounts", "registries", "indicators", "values", "quarter"])
    await expect(stepDone(page, key)).toHaveAttribute("data-done", "false");
  await expect(page.getByTestId("setup-accounts-counts")).toContainText("管理员 1 人 · 业务人员 0 人 · 领导 0 人");
  await expect(page.getByTestId("setup-targets-current")).toHaveText(new RegExp(`^${YEAR} 年目标：0 / \\d+ 项$`));
  await expect(page.getByTestId("setup-step-indicators")).toContainText(`为 ${YEAR} 年和 ${YEAR + 1} 年设定目标`);
  if (SHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: shot("setup-start.png"), fullPage: true });
  }

  // 1 · three accounts from the xlsx template: a staff member, a 仙桃街道 account scoped to its street, a leader.
  const template = await downloadUserTemplate(page);
  const users = await userWorkbook(template, [
    ["王科员", "kj_wang", "科技创新科", "业务人员", "全区"],
    ["李街道", "xt_li", "仙桃街道", "业务人员", "本单位"],
    ["赵局长", "ju_zhao", "", "领导", ""],
  ]);
  // A file with a problem creates nobody, and says which row and column.
  const bad = await userWorkbook(template, [
    ["王科员", "kj_wang", "科技创新科", "业务人员", "全区"],
    ["某人", "chief", "火星街道", "审计员", ""],
  ]);
  await page.getByTestId("user-import-file").setInputFiles({ name: "错误用户.xlsx", mimeType: XLSX, buffer: bad });
  const errors = page.getByTestId("user-import-errors");
  await expect(errors).toContainText("有 3 处问题，未创建任何账户");
  await expect(errors).toContainText("用户名“chief”已被使用");
  await expect(errors).toContainText("单位“火星街道”不在数据字典中");
  await expect(errors).toContainText("审计员账户只能由审计员创建");
  expect(fresh.query((db) => db.prepare("SELECT count(*) AS n FROM users").get())).toEqual({ n: 1 });

  await page.getByTestId("user-import-file").setInputFiles({ name: "用户.xlsx", mimeType: XLSX, buffer: users });
  await expect(page.getByTestId("user-import-preview")).toContainText("预览：将创建 3 个账户");
  await page.getByRole("button", { name: "确认创建 3 个账户" }).click();
  const created = page.getByTestId("user-import-created");
  await expect(created).toContainText("已创建 3 个账户");
  const otp: Record<string, string> = {};
  for (const u of ["kj_wang", "xt_li", "ju_zhao"])
    otp[u] = (await created.getByTestId(`created-${u}`).getByTestId("created-password").textContent()) ?? "";
  expect(Object.values(otp).every((p) => p.length >= 12)).toBe(true);
  // The printable sheet: one slip per account with its username and one-time password (only the slips print).
  const slips = page.locator(".password-slip");
  await expect(slips).toHaveCount(3);
  await expect(slips.nth(1)).toContainText(`xt_li`);
  await expect(slips.nth(1)).toContainText(otp.xt_li);
  if (SHOTS) {
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: shot("password-slips.png") });
    await page.emulateMedia({ media: "screen" });
  }
  expect(
    fresh.query((db) =>
      db
        .prepare(
          "SELECT username, role, unit_kind, data_scope, must_change_password FROM users WHERE username <> 'chief' ORDER BY id",
        )
        .all(),
    ),
  ).toEqual([
    { username: "kj_wang", role: "staff", unit_kind: "department", data_scope: "all", must_change_password: 1 },
    { username: "xt_li", role: "staff", unit_kind: "street", data_scope: "unit", must_change_password: 1 },
    { username: "ju_zhao", role: "leader", unit_kind: null, data_scope: "all", must_change_password: 1 },
  ]);
  // Shown once: a reload of the page does not bring the passwords back.
  await page.reload();
  await expect(page.getByTestId("created-password")).toHaveCount(0);

  // Each signs in with the one-time password and must change it first.
  const staff = await firstSignIn(browser, fresh.baseURL, "kj_wang", otp.kj_wang, "Keyuan#2026b");
  await staff.page.goto("/");
  await expect(staff.page.getByRole("heading", { name: "开始使用", level: 1 })).toBeVisible();
  const street = await firstSignIn(browser, fresh.baseURL, "xt_li", otp.xt_li, "Jiedao#2026c");
  await street.page.goto("/");
  await expect(street.page.getByTestId("setup-banner")).toBeVisible();
  const leader = await firstSignIn(browser, fresh.baseURL, "ju_zhao", otp.ju_zhao, "Juzhang#2026d");
  await leader.page.goto("/");
  // The leader's board shows the setup's progress instead of alerts; empty cards say what is missing and who enters it.
  await expect(leader.page.getByTestId("setup-banner")).toContainText("系统初始设置进行中：已完成 1 / 5 步");
  await expect(leader.page.getByTestId("alerts")).toHaveCount(0);
  await expect(leader.page.getByTestId("entry-progress")).toHaveCount(0);
  const emptyCard = leader.page.getByTestId("kpi-rd_expenditure");
  await expect(emptyCard.getByTestId("kpi-missing")).toContainText(`缺少本区 ${YEAR - 1}年 数值`);
  await expect(emptyCard.getByTestId("kpi-missing")).toContainText("待录入 · 由业务科室在“指标与目标”中录入");
  await expect(leader.page.getByTestId("headline-empty")).toContainText("尚无设定了当期目标的指标");
  if (SHOTS) {
    await leader.page.setViewportSize({ width: 1440, height: 900 });
    await emptyCard.screenshot({ path: shot("board-empty-card.png") });
  }

  // 2 · a small enterprise ledger with its historic qualifications.
  await page.goto("/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-download").click()]);
  const ledgerTemplate = fs.readFileSync((await download.path()) as string);
  const codes = [freshCreditCode(), freshCreditCode()];
  const enterprise = (name: string, code: string) => ({
    企业名称: name,
    统一社会信用代码: code,
    法定代表人: "王导入",
    成立日期: new Date(Date.UTC(2015, 3, 1)),
    "注册资本（万元）": 500,
    所属镇街: "仙桃街道",
    产业链: "软件信息",
    规上工业企业: "否",
    状态: "在册",
  });
  let ledger = await fillTemplate(ledgerTemplate, "企业", [
    enterprise("重庆首日科技有限公司", codes[0]),
    enterprise("重庆首日智能有限公司", codes[1]),
  ]);
  ledger = await fillTemplate(ledger, "资质", [
    { 统一社会信用代码: codes[0], 资质类型: "市级科技型企业", 认定日期: "2019-06-01" },
    { 统一社会信用代码: codes[1], 资质类型: "市级科技型企业", 认定日期: "2024-03-01" },
  ]);
  await previewFile(page, "企业台账.xlsx", ledger);
  await expect(page.getByTestId("count-new")).toHaveText("4");
  await expect(page.getByTestId("count-invalid")).toHaveText("0");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("导入完成：4 条新增");

  // 4 · two periods of district values for one indicator, from one sheet (districts × periods).
  await page.goto("/indicators/rd_expenditure");
  const sheet = new ExcelJS.Workbook();
  const ws = sheet.addWorksheet("区县数值");
  ws.addRow(["区县名称", String(YEAR - 2), String(YEAR - 1)]);
  ws.addRow(["渝北区", 80.5, 90.25]);
  ws.addRow(["江北", 60, 70]);
  ws.addRow(["重庆市渝中区", 50, 65.5]);
  ws.addRow(["九龙坡区", 40, null]);
  const values = Buffer.from(await sheet.xlsx.writeBuffer());
  await page
    .getByTestId("district-periods-xlsx")
    .setInputFiles({ name: "研发经费历年.xlsx", mimeType: XLSX, buffer: values });
  const preview = page.getByTestId("periods-preview");
  await expect(preview).toContainText("共 2 个统计期：7 个数值将修改，0 个不变");
  const yubei = preview.getByTestId("periods-row-渝北区");
  await expect(yubei.locator(`td[data-period="${YEAR - 1}"]`)).toHaveAttribute("data-changed", "true");
  await expect(yubei.locator(`td[data-period="${YEAR - 1}"]`)).toContainText("90.25");
  await expect(preview.getByTestId("periods-row-九龙坡区").locator(`td[data-period="${YEAR - 1}"]`)).toHaveText("—");
  await page.getByRole("button", { name: "确认保存 7 个修改" }).click();
  await expect(page.getByTestId("periods-saved")).toContainText(`已保存 7 个数值（${YEAR - 2}年、${YEAR - 1}年）`);
  expect(
    fresh.query((db) =>
      db
        .prepare(
          "SELECT count(*) AS n FROM district_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.key = 'rd_expenditure'",
        )
        .get(),
    ),
  ).toEqual({ n: 7 });
  expect(
    fresh.query((db) =>
      db.prepare("SELECT count(*) AS n FROM operation_logs WHERE action = 'indicator.saveDistrictPeriods'").get(),
    ),
  ).toEqual({ n: 1 });

  // 3 · targets for this year and next.
  for (const year of [YEAR, YEAR + 1]) {
    const form = page.getByRole("form", { name: "保存目标" });
    await form.getByLabel("年度").fill(String(year));
    await form.getByLabel("目标名次").fill("1");
    await form.getByRole("button", { name: "保存目标" }).click();
    await expect(page.getByTestId("targets-table")).toContainText(String(year));
  }

  // 5 · the first quarter closed (its gaps acknowledged).
  await page.goto(`/reports/${LAST_QUARTER}`);
  await page.getByRole("button", { name: "封账" }).click();
  await page
    .getByRole("dialog")
    .getByLabel(/我已知晓以上 \d+ 项缺失/)
    .check();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已封账 · 第1版");

  // The checklist now shows every step done; the home page is the board.
  await page.goto("/setup");
  await expect(page.getByTestId("setup-progress")).toHaveText("已完成 5 / 5 步");
  for (const key of ["accounts", "registries", "indicators", "values", "quarter"])
    await expect(stepDone(page, key)).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("setup-registry-enterprise").getByTestId("live")).toHaveText("2");
  await expect(page.getByTestId("setup-registry-enterprise").getByTestId("imported")).toHaveText("4");
  await expect(page.getByTestId("setup-registry-institution")).toContainText("可选");
  await expect(page.getByTestId("setup-values-history")).toContainText("1 项指标已有更早的数据");
  await expect(page.getByTestId("setup-complete")).toBeVisible();
  if (SHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: shot("setup-done.png"), fullPage: true });
  }

  for (const p of [page, leader.page]) {
    await p.goto("/");
    await expect(p.getByRole("heading", { name: "指标驾驶舱", level: 1 })).toBeVisible();
    await expect(p.getByTestId("setup-banner")).toHaveCount(0);
    const card = p.getByTestId("kpi-rd_expenditure");
    await expect(card.getByTestId("kpi-value")).toHaveText("90.25");
    await expect(card.getByTestId("kpi-rank")).toContainText("全市第1");
    await expect(card.getByTestId("kpi-pending")).toHaveCount(0);
  }

  for (const c of [adminCtx, staff.context, street.context, leader.context]) await c.close();
});

test("批量导入用户 is the admin's: a staff replay of the import is refused with nothing written; the admin's control succeeds", async ({
  browser,
}) => {
  const admin: BrowserContext = await contextAs(browser, "admin");
  const page = await admin.newPage();
  const original = uniqueName("imp");
  const template = await downloadUserTemplate(page);
  const file = await userWorkbook(template, [["导入测试", original, "仙桃街道", "业务人员", "本单位"]]);
  await page.getByTestId("user-import-file").setInputFiles({ name: "用户.xlsx", mimeType: XLSX, buffer: file });
  await expect(page.getByTestId("user-import-preview")).toBeVisible();
  const action = await captureAction(page, () => page.getByRole("button", { name: "确认创建 1 个账户" }).click());
  await expect(page.getByTestId("user-import-created")).toContainText(original);
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", original)).toBe(1);

  const staff = await contextAs(browser, "staff");
  const attacker = uniqueName("atk");
  const refused = await replayAction(staff, action, action.body.replaceAll(original, attacker));
  expect(refused.text).toContain('"code":"forbidden"');
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", attacker)).toBe(0);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'user.import' AND result = 'denied' AND username = 'staff'",
    ),
  ).toBeGreaterThan(0);

  const control = uniqueName("ctl");
  const ok = await replayAction(admin, action, action.body.replaceAll(original, control));
  expect(ok.text).toContain('"ok":true');
  expect(scalar("SELECT must_change_password FROM users WHERE username = ?", control)).toBe(1);
  // Replaying the same rows again is refused whole: the username is taken now.
  const again = await replayAction(admin, action, action.body.replaceAll(original, control));
  expect(again.text).toContain('"ok":false');
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", control)).toBe(1);
  await staff.close();
  await admin.close();
});
