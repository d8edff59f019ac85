import { type Browser, expect, type Page, test } from "@playwright/test";
import { routerStateTree, rscParam } from "../bench/rsc";
import { captureAction, contextAs, replayAction, signIn } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { freshCreditCode } from "./fixtures/registry";

const PASSWORD = "Daily#Use2026";

/** A staff account of this test alone: ending its sessions touches no other test's sign-in. */
async function ownStaff(browser: Browser): Promise<{ page: Page; userId: number; username: string }> {
  const username = uniqueName("daily");
  const userId = seedUser(username, "staff", PASSWORD);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, PASSWORD);
  return { page, userId, username };
}

async function fillEnterprise(page: Page, v: { name: string; creditCode: string }) {
  await page.getByLabel("企业名称").fill(v.name);
  await page.getByLabel("统一社会信用代码").fill(v.creditCode);
  await page.getByLabel("法定代表人").fill("王续期");
  await page.getByLabel("成立日期").fill("2016-03-01");
  await page.getByLabel("注册资本（万元）").fill("800");
  await page.getByLabel("所属镇街").selectOption({ label: "龙溪街道" });
  await page.getByLabel("产业链").selectOption({ label: "软件信息" });
}

test("a form submitted after the session was revoked keeps its values, signs in again in place and saves", async ({
  browser,
}) => {
  const { page, userId } = await ownStaff(browser);
  await page.goto("/enterprises/new");
  await waitForHydration(page);
  const name = uniqueName("会话失效企业");
  const creditCode = freshCreditCode();
  await fillEnterprise(page, { name, creditCode });

  // Signed out elsewhere (e.g. 退出所有设备, or an administrator's reset) while the form was being filled.
  withDb((db) =>
    db
      .prepare("UPDATE sessions SET revoked_at = ?, revoke_reason = 'test' WHERE user_id = ?")
      .run(new Date().toISOString(), userId),
  );
  await page.getByRole("button", { name: "保存" }).click();

  const dialog = page.getByRole("dialog", { name: "登录已失效" });
  await expect(dialog).toBeVisible();
  expect(scalar("SELECT count(*) FROM enterprises WHERE credit_code = ?", creditCode)).toBe(0);
  // Still on the form, every value as typed.
  expect(new URL(page.url()).pathname).toBe("/enterprises/new");
  await expect(page.getByLabel("企业名称")).toHaveValue(name);
  await expect(page.getByLabel("统一社会信用代码")).toHaveValue(creditCode);

  // A wrong password is refused in the dialog; the right one signs in and the same values are saved.
  await dialog.getByLabel("密码").fill("wrong-password");
  await dialog.getByRole("button", { name: "登录并继续" }).click();
  await expect(dialog.getByRole("alert")).toContainText("用户名或密码错误");
  await dialog.getByLabel("密码").fill(PASSWORD);
  await dialog.getByRole("button", { name: "登录并继续" }).click();

  await page.waitForURL(/\/enterprises\/\d+$/);
  // The new page's heading takes the focus; the toast confirms the save.
  await expect(page.getByRole("heading", { level: 1, name })).toBeFocused();
  await expect(page.getByTestId("toasts")).toContainText("已保存");
  const saved = row<{ name: string; legal_representative: string; created_by: number }>(
    "SELECT name, legal_representative, created_by FROM enterprises WHERE credit_code = ?",
    creditCode,
  );
  expect(saved).toEqual({ name, legal_representative: "王续期", created_by: userId });
  await page.context().close();
});

test("the idle warning appears two minutes before the idle timeout and 续期 renews the session", async ({
  browser,
}) => {
  const { page, userId } = await ownStaff(browser);
  await page.clock.install();
  await page.goto("/enterprises");
  await waitForHydration(page);
  // The page's own requests after load (the bell's count) are done before the session is aged below.
  await page.waitForLoadState("networkidle");
  const sid = scalar<string>("SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL", userId);

  // 29 minutes without a request on the server's side; the page's own clock moves on by the same. (The page's check
  // is due ~28 minutes after its last look at the session, which may have come a few seconds after the page loaded:
  // moving the clock by exactly 28:00 could stop just short of it under load.)
  const idleSince = new Date(Date.now() - 29 * 60_000).toISOString();
  withDb((db) => db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(idleSince, sid));
  await page.clock.fastForward("29:00");

  const warning = page.getByRole("alertdialog", { name: "即将因长时间未操作而退出" });
  await expect(warning).toBeVisible();
  // Asking how long is left did not itself extend the session.
  expect(scalar<string>("SELECT last_seen_at FROM sessions WHERE id = ?", sid)).toBe(idleSince);

  await warning.getByRole("button", { name: "续期" }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByTestId("toasts")).toContainText("已续期");
  const renewed = scalar<string>("SELECT last_seen_at FROM sessions WHERE id = ?", sid);
  expect(Date.parse(renewed)).toBeGreaterThan(Date.parse(idleSince) + 28 * 60_000);
  expect(scalar("SELECT revoked_at FROM sessions WHERE id = ?", sid)).toBeNull();
  await page.context().close();
});

test("a prefetch does not count as activity: it never extends the idle timeout, a real request does", async ({
  browser,
}) => {
  // Signed in by the API, without a page: a page's own requests (its bell, the router's refresh after sign-in) could
  // reach the server after the session is aged below and touch it — waiting for "networkidle" and closing the page
  // did not rule that out (it failed once in CI: touched 50 ms after the aging, before the prefetch was sent).
  const username = uniqueName("daily");
  const userId = seedUser(username, "staff", PASSWORD);
  const ctx = await browser.newContext();
  const csrf = (await (await ctx.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await ctx.request.post("/api/auth/callback/credentials", {
    form: { username, password: PASSWORD, csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBeLessThan(400);
  const page = { request: ctx.request, context: () => ctx };
  const sid = scalar<string>("SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL", userId);
  const aged = new Date(Date.now() - 10 * 60_000).toISOString();
  withDb((db) => db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(aged, sid));
  // What the router sends for a link in view (bench/rsc.ts: the `_rsc` Next 16 checks against these headers).
  const tree = routerStateTree();
  const rsc = rscParam(tree, true);
  const prefetch = await page.request.get(`/talents?_rsc=${rsc}`, {
    headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-State-Tree": tree },
    maxRedirects: 0,
  });
  expect(prefetch.status()).toBe(200);
  expect(scalar<string>("SELECT last_seen_at FROM sessions WHERE id = ?", sid)).toBe(aged);
  // Control: the user opening the page does.
  expect((await page.request.get("/talents")).status()).toBe(200);
  expect(Date.parse(scalar<string>("SELECT last_seen_at FROM sessions WHERE id = ?", sid))).toBeGreaterThan(
    Date.parse(aged) + 9 * 60_000,
  );
  await page.context().close();
});

test("the session endpoint does not revive an ended session", async ({ browser }) => {
  const { page, userId } = await ownStaff(browser);
  withDb((db) =>
    db
      .prepare("UPDATE sessions SET last_seen_at = ? WHERE user_id = ?")
      .run(new Date(Date.now() - 31 * 60_000).toISOString(), userId),
  );
  const res = await page.request.post("/api/session");
  expect(res.status()).toBe(401);
  expect(scalar("SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL", userId)).toBe(0);
  await page.context().close();
});

test("the unsaved-changes guard asks before leaving a changed form", async ({ browser }) => {
  const { page } = await ownStaff(browser);
  await page.goto("/enterprises/new");
  await waitForHydration(page);

  // Untouched: leaving needs no confirmation.
  await page.getByTestId("sidebar").getByRole("link", { name: "研发机构" }).click();
  await page.waitForURL("**/institutions");
  await page.goto("/enterprises/new");
  await waitForHydration(page);
  await page.getByLabel("企业名称").fill("未保存的企业");

  // An in-app link: dismissing the question stays on the form with the value.
  const asked = page.waitForEvent("dialog");
  const click = page.getByTestId("sidebar").getByRole("link", { name: "研发机构" }).click();
  const question = await asked;
  expect(question.message()).toContain("未保存的修改");
  await question.dismiss();
  await click;
  expect(new URL(page.url()).pathname).toBe("/enterprises/new");
  await expect(page.getByLabel("企业名称")).toHaveValue("未保存的企业");

  // Closing the tab asks too (beforeunload).
  const unload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const prompt = await unload;
  expect(prompt.type()).toBe("beforeunload");
  await prompt.dismiss();
  expect(page.isClosed()).toBe(false);
  await page.context().close();
});

test("a network failure keeps the form and 重试 sends the same values", async ({ browser }) => {
  const { page } = await ownStaff(browser);
  await page.goto("/enterprises/new");
  await waitForHydration(page);
  const name = uniqueName("断网企业");
  const creditCode = freshCreditCode();
  await fillEnterprise(page, { name, creditCode });

  await page.route("**/enterprises/new", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "网络连接失败" })).toBeVisible();
  await expect(page.getByLabel("企业名称")).toHaveValue(name);
  expect(scalar("SELECT count(*) FROM enterprises WHERE credit_code = ?", creditCode)).toBe(0);

  await page.unroute("**/enterprises/new");
  await page.getByRole("button", { name: "重试" }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  expect(scalar("SELECT count(*) FROM enterprises WHERE credit_code = ? AND name = ?", creditCode, name)).toBe(1);
  await page.context().close();
});

test("a role change on 用户管理 needs a confirmation naming the user and both roles; the server refuses a non-admin", async ({
  browser,
}) => {
  const victim = uniqueName("role");
  const victimId = seedUser(victim, "staff", PASSWORD);
  const admin = await contextAs(browser, "admin");
  const page = await admin.newPage();
  await page.goto("/admin/users");
  await waitForHydration(page);
  const select = page.getByLabel(`修改角色：${victim}`);

  // Choosing a role only asks; 取消 leaves the stored role, shown and saved.
  await select.selectOption("leader");
  const dialog = page.getByRole("dialog", { name: "修改角色" });
  await expect(dialog.getByTestId("role-change-message")).toHaveText(
    `确定将用户“测试${victim}”（${victim}）的角色由“业务科室工作人员”改为“领导”吗？该用户的现有会话将立即失效，新角色在其重新登录后生效。`,
  );
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(select).toHaveValue("staff");
  expect(scalar("SELECT role FROM users WHERE id = ?", victimId)).toBe("staff");

  // Confirmed: saved.
  const change = await captureAction(page, async () => {
    await select.selectOption("leader");
    await dialog.getByRole("button", { name: "确认修改角色" }).click();
  });
  await expect(select).toHaveValue("leader");
  expect(scalar("SELECT role FROM users WHERE id = ?", victimId)).toBe("leader");

  // The same request replayed by a staff account is refused and writes nothing; the admin's replay is the control.
  const version = scalar<number>("SELECT version FROM users WHERE id = ?", victimId);
  const body = change.body.replace('"leader"', '"admin"').replace(/"version":\d+/, `"version":${version}`);
  expect(body).toContain('"admin"');
  const staff = await contextAs(browser, "staff");
  const refused = await replayAction(staff, change, body);
  expect(refused.text).toContain('"ok":false');
  expect(scalar("SELECT role FROM users WHERE id = ?", victimId)).toBe("leader");
  const control = await replayAction(admin, change, body.replace('"admin"', '"staff"'));
  expect(control.text).toContain('"ok":true');
  expect(scalar("SELECT role FROM users WHERE id = ?", victimId)).toBe("staff");
  await staff.close();
  await admin.close();
});

function insertEnterprise(name: string, creditCode: string, deleted: boolean): number {
  return withDb(
    (db) =>
      db
        .prepare(
          "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, deleted_at) VALUES (?, ?, '王测试', '2015-06-01', 1000, (SELECT id FROM dictionary_items WHERE kind = 'street' AND code = 'longxi'), ?)",
        )
        .run(name, creditCode, deleted ? new Date().toISOString() : null).lastInsertRowid as number,
  );
}

test("a restore refused for a taken credit code names the live record with a link; 新建 with a deleted record's code offers 恢复", async ({
  browser,
}) => {
  const admin = await contextAs(browser, "admin");
  const page = await admin.newPage();

  // Restore: the code is held by a live enterprise meanwhile.
  const code = freshCreditCode();
  const deletedId = insertEnterprise(uniqueName("已删除企业"), code, true);
  const liveName = uniqueName("在册持有者");
  const liveId = insertEnterprise(liveName, code, false);
  await page.goto(`/enterprises/${deletedId}`);
  await waitForHydration(page);
  await page.getByRole("button", { name: "恢复" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: `已被在册企业“${liveName}”使用` });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole("link", { name: "打开该记录" })).toHaveAttribute("href", `/enterprises/${liveId}`);
  expect(scalar("SELECT deleted_at IS NOT NULL FROM enterprises WHERE id = ?", deletedId)).toBe(1);

  // 新建 with the code of a deleted enterprise (none live): the administrator is sent to it to restore it.
  const code2 = freshCreditCode();
  const goneName = uniqueName("可恢复企业");
  const goneId = insertEnterprise(goneName, code2, true);
  await page.goto("/enterprises/new");
  await waitForHydration(page);
  await fillEnterprise(page, { name: uniqueName("重复录入"), creditCode: code2 });
  await page.getByRole("button", { name: "保存" }).click();
  const offer = page.locator("#f-creditCode-error");
  await expect(offer).toContainText(`属于已删除的企业“${goneName}”`);
  expect(scalar("SELECT count(*) FROM enterprises WHERE credit_code = ?", code2)).toBe(1);
  page.once("dialog", (d) => d.accept()); // leaving the filled form asks first
  await offer.getByRole("link", { name: "打开该记录" }).click();
  await page.waitForURL(`**/enterprises/${goneId}`);
  await page.getByRole("button", { name: "恢复" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("toasts")).toContainText("已恢复");
  await expect.poll(() => scalar("SELECT deleted_at FROM enterprises WHERE id = ?", goneId)).toBeNull();
  await admin.close();
});

test("the list finds a credit code by a fragment from its middle, typed with spaces, a dash and in lower case", async ({
  browser,
}) => {
  const code = freshCreditCode();
  const name = uniqueName("片段查找企业");
  insertEnterprise(name, code, false);
  const ctx = await contextAs(browser, "leader");
  const page = await ctx.newPage();
  const middle = code.slice(4, 16); // 12 characters, neither the start nor the end
  const typed = `${middle.slice(0, 4)} ${middle.slice(4, 8)}-${middle.slice(8)}`.toLowerCase();
  await page.goto(`/enterprises?q=${encodeURIComponent(typed)}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  await expect(page.getByRole("link", { name })).toBeVisible();
  // Too short a fragment is matched only at the start (no scan of every code for 3 characters).
  await page.goto(`/enterprises?q=${encodeURIComponent(code.slice(8, 11))}`);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await ctx.close();
});
