import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { contextAs } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";

// No silent overwrite: in every editor, two signed-in users open the same record, both save, the second is
// refused with the record's current values and who changed it, and the first save is intact in the database.
// (District values: e2e/district-paste.spec.ts; registry records: e2e/enterprises.spec.ts.)

const contexts: BrowserContext[] = [];
async function pageAs(browser: import("@playwright/test").Browser, username: string, password?: string) {
  const ctx = await contextAs(browser, username, password);
  contexts.push(ctx);
  return ctx.newPage();
}
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

/** A second admin (the demo admin is the first), who has already changed the initial password. */
function secondAdmin(): { username: string; password: string; displayName: string } {
  const username = uniqueName("adm");
  const password = "Second@2026";
  seedUser(username, "admin", password);
  return { username, password, displayName: `测试${username}` };
}

async function expectRefused(where: Locator | Page, who: string, current: (string | RegExp)[]) {
  const alert = where.getByRole("alert").filter({ hasText: "未保存" });
  await expect(alert).toContainText(`未保存：该记录已被 ${who} 于`);
  await expect(alert).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改/);
  for (const c of current) await expect(alert.getByTestId("conflict-current")).toContainText(c);
}

test("annual figures: a year someone entered meanwhile is not overwritten", async ({ browser }) => {
  const enterpriseId = scalar<number>("SELECT id FROM enterprises WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1");
  const year = 1995;
  const a = await pageAs(browser, "staff");
  const b = await pageAs(browser, "admin");
  for (const p of [a, b]) await p.goto(`/enterprises/${enterpriseId}`);
  const fill = async (p: Page, revenue: string) => {
    const form = p.getByRole("form", { name: "保存年度数据" });
    await form.getByLabel("年度").fill(String(year));
    await form.getByLabel("营业收入（万元）").fill(revenue);
    await form.getByRole("button", { name: "保存年度数据" }).click();
    return form;
  };
  await fill(a, "1111");
  await expect(a.getByTestId("annual-figures")).toContainText(/1,?111/);
  const form = await fill(b, "2222");
  await expectRefused(form, "李科员", ["营业收入", "1111"]);
  expect(
    row(
      "SELECT revenue, version FROM enterprise_annual_figures WHERE enterprise_id = ? AND year = ? AND deleted_at IS NULL",
      enterpriseId,
      year,
    ),
  ).toEqual({ revenue: 1111, version: 1 });
});

test("quarterly narrative: the first save of a quarter is checked too", async ({ browser }) => {
  const quarter = "2016Q3";
  withDb((db) => db.prepare("DELETE FROM quarterly_reports WHERE quarter = ? AND status = 'draft'").run(quarter));
  const a = await pageAs(browser, "staff");
  const b = await pageAs(browser, "admin");
  for (const p of [a, b]) await p.goto(`/reports/${quarter}`);
  await a.getByLabel("工作总结").fill("甲：三季度工作总结");
  await a.getByRole("button", { name: "保存", exact: true }).click();
  await expect(a.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

  await b.getByLabel("工作总结").fill("乙：覆盖前者的总结");
  await b.getByRole("button", { name: "保存", exact: true }).click();
  await expectRefused(b, "李科员", ["工作总结", "甲：三季度工作总结"]);
  expect(row("SELECT summary_text FROM quarterly_reports WHERE quarter = ?", quarter)).toEqual({
    summary_text: "甲：三季度工作总结",
  });
});

test("indicator 口径: a definition edited meanwhile is not overwritten", async ({ browser }) => {
  const key = "postdoc_workstations_national";
  const original = row<{ definition: string; version: number }>(
    "SELECT definition, version FROM indicators WHERE key = ?",
    key,
  );
  const a = await pageAs(browser, "staff");
  const b = await pageAs(browser, "admin");
  const edit = async (p: Page, text: string) => {
    await p.goto(`/indicators/${key}`);
    await p.locator("summary", { hasText: "修改口径" }).click();
    const form = p.getByRole("form", { name: "修改口径" });
    await form.getByLabel("统计口径").fill(text);
    return form;
  };
  const fa = await edit(a, `${original?.definition}（甲修订）`);
  const fb = await edit(b, `${original?.definition}（乙修订）`);
  await fa.getByRole("button", { name: "修改口径" }).click();
  await expect(a.getByTestId("indicator-definition")).toContainText("（甲修订）");
  await fb.getByRole("button", { name: "修改口径" }).click();
  await expectRefused(fb, "李科员", ["统计口径", "（甲修订）"]);
  expect(row("SELECT definition FROM indicators WHERE key = ?", key)).toEqual({
    definition: `${original?.definition}（甲修订）`,
  });
  // Leave the 口径 as other specs expect it.
  withDb((db) => db.prepare("UPDATE indicators SET definition = ? WHERE key = ?").run(original?.definition, key));
});

test("targets: a year's target set meanwhile is not overwritten", async ({ browser }) => {
  const key = "academician_workstations";
  const year = "2009";
  const a = await pageAs(browser, "staff");
  const b = await pageAs(browser, "admin");
  const fill = async (p: Page, rank: string) => {
    const form = p.getByRole("form", { name: "保存目标" });
    await form.getByLabel("年度").fill(year);
    await form.getByLabel("目标名次").fill(rank);
    return form;
  };
  for (const p of [a, b]) await p.goto(`/indicators/${key}`);
  const fa = await fill(a, "2");
  const fb = await fill(b, "5");
  await fa.getByRole("button", { name: "保存目标" }).click();
  await expect(a.getByTestId("targets-table")).toContainText("2009");
  await fb.getByRole("button", { name: "保存目标" }).click();
  await expectRefused(fb, "李科员", ["目标名次", "2"]);
  expect(
    row(
      "SELECT target_rank FROM indicator_targets WHERE indicator_id = (SELECT id FROM indicators WHERE key = ?) AND year = ?",
      key,
      Number(year),
    ),
  ).toEqual({ target_rank: 2 });
});

test("dictionaries: an item renamed meanwhile is not overwritten", async ({ browser }) => {
  const code = uniqueName("park_cc_");
  withDb((db) =>
    db
      .prepare("INSERT INTO dictionary_items (kind, code, label, label_en, sort_order) VALUES ('park', ?, ?, ?, 99990)")
      .run(code, `并发园区${code}`, `Concurrent park ${code}`),
  );
  const other = secondAdmin();
  const a = await pageAs(browser, "admin");
  const b = await pageAs(browser, other.username, other.password);
  const rename = async (p: Page, label: string) => {
    const r = p.getByTestId(`dict-row-${code}`);
    await r.getByRole("button", { name: "编辑" }).click();
    await r.getByLabel("名称", { exact: true }).fill(label);
    await r.getByRole("button", { name: "保存" }).click();
    return r;
  };
  for (const p of [a, b]) await p.goto("/admin/dictionaries?kind=park");
  await a.getByTestId(`dict-row-${code}`).getByRole("button", { name: "编辑" }).click();
  await a.getByTestId(`dict-row-${code}`).getByLabel("名称", { exact: true }).fill(`甲园区${code}`);
  await a.getByTestId(`dict-row-${code}`).getByRole("button", { name: "保存" }).click();
  await expect(a.getByTestId(`dict-row-${code}`)).toContainText(`甲园区${code}`);
  const rb = await rename(b, `乙园区${code}`);
  await expectRefused(rb, "王管理", ["名称", `甲园区${code}`]);
  expect(row("SELECT label, version FROM dictionary_items WHERE kind = 'park' AND code = ?", code)).toEqual({
    label: `甲园区${code}`,
    version: 2,
  });
});

test("user edits: a role changed meanwhile is not overwritten by a stale disable or role change", async ({
  browser,
}) => {
  const victim = uniqueName("cc");
  seedUser(victim, "staff", "Victim@2026");
  const other = secondAdmin();
  const a = await pageAs(browser, "admin");
  const b = await pageAs(browser, other.username, other.password);
  for (const p of [a, b]) await p.goto("/admin/users");
  await a.getByLabel(`修改角色：${victim}`).selectOption("leader");
  await a.getByRole("dialog").getByRole("button", { name: "确认修改角色" }).click();
  await expect(a.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

  // The second admin's page still shows the old row: a role change from it is refused…
  await b.getByLabel(`修改角色：${victim}`).selectOption("admin");
  await b.getByRole("dialog").getByRole("button", { name: "确认修改角色" }).click();
  await expectRefused(b, "王管理", ["角色", "领导"]);
  // …and so is a disable.
  await b.getByTestId(`user-row-${victim}`).getByRole("button", { name: "停用" }).click();
  await b.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expectRefused(b, "王管理", ["状态", "正常"]);
  const adminId = scalar<number>("SELECT id FROM users WHERE username = 'admin'");
  expect(row("SELECT role, disabled, version, updated_by FROM users WHERE username = ?", victim)).toEqual({
    role: "leader",
    disabled: 0,
    version: 2,
    updated_by: adminId,
  });
});
