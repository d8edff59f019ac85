import { expect, test } from "@playwright/test";
import { contextAs, signInAs } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";

test("disabling a user ends their session at once and is logged with before/after", async ({ browser }) => {
  const username = uniqueName("dis");
  const password = "Disable@2026";
  seedUser(username, "staff", password);
  const victim = await contextAs(browser, username, password);
  const vp = await victim.newPage();
  await vp.goto("/enterprises");
  await expect(vp.getByRole("heading", { name: "科技企业" })).toBeVisible();

  const admin = await contextAs(browser, "admin");
  const ap = await admin.newPage();
  await ap.goto("/admin/users");
  const rowLoc = ap.getByTestId(`user-row-${username}`);
  await rowLoc.getByRole("button", { name: "停用" }).click();
  await ap.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(rowLoc.getByText("已停用")).toBeVisible();

  await vp.goto("/enterprises");
  await expect(vp).toHaveURL(/\/login/);
  const log = row<{ before: string; after: string; result: string }>(
    "SELECT before, after, result FROM operation_logs WHERE action = 'user.disable' AND object_id = (SELECT id FROM users WHERE username = ?) ORDER BY id DESC LIMIT 1",
    username,
  );
  expect(log?.result).toBe("ok");
  expect(JSON.parse(log?.before ?? "{}")).toEqual({ disabled: false });
  expect(JSON.parse(log?.after ?? "{}")).toEqual({ disabled: true });
  await victim.close();
  await admin.close();
});

test("an admin cannot disable themself or change their own role", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const me = page.getByTestId("user-row-admin");
  await expect(me.getByRole("button", { name: "停用" })).toBeDisabled();
  await expect(me.getByRole("combobox")).toBeDisabled();
});

test("the operation log is append-only in the database itself", async () => {
  seedUser(uniqueName("ap"), "staff", "Append@2026");
  const { default: Database } = await import("better-sqlite3");
  const { E2E_DB } = await import("./fixtures/db");
  const db = new Database(E2E_DB);
  try {
    // Rows of its own to attempt to change (a trigger only fires on a row; a fresh database may have none yet).
    db.prepare("INSERT INTO operation_logs (action, result) VALUES ('test.appendOnly', 'ok')").run();
    db.prepare("INSERT INTO login_logs (username, success, reason) VALUES ('append-only', 0, 'test')").run();
    expect(() => db.prepare("UPDATE operation_logs SET result = 'ok'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM login_logs").run()).toThrow(/append-only/);
  } finally {
    db.close();
  }
});

test("admin adds, renames and disables a dictionary item", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/dictionaries?kind=park");
  await expect(page.getByRole("tab", { name: "园区" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("dict-row-xiantao_data_valley")).toContainText("仙桃国际大数据谷");
  const code = uniqueName("park_");
  await page.getByLabel("编码").fill(code);
  await page.getByLabel("名称", { exact: true }).fill(`测试园区${code}`);
  await page.getByLabel("英文名", { exact: true }).fill(`Test park ${code}`);
  await page.getByRole("button", { name: "新增条目" }).click();
  const r = page.getByTestId(`dict-row-${code}`);
  await expect(r).toContainText(`测试园区${code}`);
  await expect(r).toContainText(`Test park ${code}`);

  // Duplicate label → a field error, nothing written.
  await page.getByLabel("编码").fill(`${code}_2`);
  await page.getByLabel("名称", { exact: true }).fill(`测试园区${code}`);
  await page.getByLabel("英文名", { exact: true }).fill(`Test park ${code} 2`);
  await page.getByRole("button", { name: "新增条目" }).click();
  await expect(page.getByText("同类字典中已存在该名称")).toBeVisible();
  expect(scalar("SELECT count(*) FROM dictionary_items WHERE code = ?", `${code}_2`)).toBe(0);

  await r.getByRole("button", { name: "编辑" }).click();
  await r.getByLabel("名称", { exact: true }).fill(`改名园区${code}`);
  await r.getByRole("button", { name: "保存" }).click();
  await expect(r).toContainText(`改名园区${code}`);
  await r.getByRole("button", { name: "停用" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(r.getByRole("button", { name: "启用" })).toBeVisible();
  expect(scalar("SELECT enabled FROM dictionary_items WHERE code = ?", code)).toBe(0);
});

test("the auditor filters the operation log and the login log", async ({ page }) => {
  // Rows of its own to filter: one user action and one other (a fresh worker database may have neither yet).
  withDb((db) => {
    const log = db.prepare("INSERT INTO operation_logs (action, result, username) VALUES (?, 'ok', 'admin')");
    log.run("user.create");
    log.run("dictionary.create");
  });
  await signInAs(page, "auditor");
  await page.goto("/admin/audit-log?action=user.");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  // A typed prefix ("user.") still matches every action under it; the column shows each by its name.
  const userActions = [
    "新建用户",
    "停用用户",
    "启用用户",
    "重置密码",
    "修改角色",
    "修改单位与数据范围",
    "修改本人密码",
  ];
  const actions = await page.getByTestId("audit-row").locator("td:nth-child(3)").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => userActions.includes(a.trim()))).toBe(true);

  await page.goto("/admin/login-log");
  await page.getByLabel("用户名").fill("auditor");
  await page.getByLabel("结果").selectOption("success");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/user=auditor/);
  const users = await page.getByTestId("login-row").locator("td:nth-child(2)").allTextContents();
  expect(users.length).toBeGreaterThan(0);
  expect(users.every((u) => u === "auditor")).toBe(true);
});
