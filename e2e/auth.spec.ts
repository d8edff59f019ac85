import { expect, test } from "@playwright/test";
import { contextAs, DEMO_PASSWORD, signIn } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName } from "./fixtures/db";

const REGISTRY_MENU = ["首页/驾驶舱", "科技企业", "研发机构", "孵化载体", "人才", "指标与目标", "季度汇总", "政策兑现"];
// 数据审核 carries the count of what waits there (the queue, or one's returned items) when there is any.
const REVIEW = /^数据审核\s*\d*$/;
const SETUP = "开始使用";
const MENUS: Record<string, (string | RegExp)[]> = {
  admin: [REGISTRY_MENU[0], SETUP, ...REGISTRY_MENU.slice(1), "数据导入", REVIEW, "用户管理", "数据字典"],
  staff: [REGISTRY_MENU[0], SETUP, ...REGISTRY_MENU.slice(1), "数据导入", REVIEW],
  leader: REGISTRY_MENU,
  auditor: ["操作日志", "登录日志", "审计员账户"],
};

test.describe("each demo role sees exactly its menu", () => {
  for (const [role, menu] of Object.entries(MENUS)) {
    test(role, async ({ page }) => {
      await signIn(page, role);
      const sidebar = page.getByTestId("sidebar");
      await expect(sidebar.getByRole("link")).toHaveText([/渝北区科技局/, ...menu]);
      await expect(page.getByTestId("current-user")).toContainText(
        { admin: "系统管理员", staff: "业务科室工作人员", leader: "领导", auditor: "审计员" }[role] as string,
      );
      await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    });
  }
});

test("leader and staff get a real 403 on /admin/users; the auditor is sent to the logs", async ({ browser }) => {
  for (const role of ["leader", "staff"]) {
    const ctx = await contextAs(browser, role);
    const page = await ctx.newPage();
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "403 · 无权访问" })).toBeVisible();
    await ctx.close();
  }
  const ctx = await contextAs(browser, "auditor");
  const page = await ctx.newPage();
  expect((await page.goto("/enterprises"))?.status()).toBe(403);
  await page.goto("/");
  await expect(page).toHaveURL(/\/admin\/audit-log$/);
  await ctx.close();
});

test("a wrong password gives the generic error and a login-log row", async ({ page }) => {
  // A user of its own: other tests sign in as the demo accounts at the same time.
  const username = uniqueName("wrong");
  seedUser(username, "staff", "Right@2026x");
  await page.goto("/login");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill("Wrong@2021x");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#login-error")).toHaveText("用户名或密码错误；连续失败 5 次账户将被锁定 15 分钟");
  await expect(page).toHaveURL(/\/login/);
  const logged = row<{ reason: string; ip: string | null; success: number }>(
    "SELECT reason, ip, success FROM login_logs WHERE username = ? ORDER BY id DESC LIMIT 1",
    username,
  );
  expect(logged).toEqual({ reason: "bad_password", ip: expect.any(String), success: 0 });

  // An unknown username gets exactly the same message, and is logged too.
  const nobody = uniqueName("nobody");
  await page.locator('input[name="username"]').fill(nobody);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#login-error")).toHaveText("用户名或密码错误；连续失败 5 次账户将被锁定 15 分钟");
  await expect.poll(() => scalar("SELECT reason FROM login_logs WHERE username = ?", nobody)).toBe("unknown_user");
});

test("five failures lock the account, even against the right password", async ({ page }) => {
  const username = uniqueName("lock");
  const password = "Lockme@2026";
  seedUser(username, "staff", password);
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(`Bad@pass${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#login-error")).toBeVisible();
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  expect(
    row<{ locked_until: string | null }>("SELECT locked_until FROM users WHERE username = ?", username)?.locked_until,
  ).toBeTruthy();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#login-error")).toHaveText("用户名或密码错误；连续失败 5 次账户将被锁定 15 分钟");
  await expect(page).toHaveURL(/\/login/);
  expect(scalar("SELECT reason FROM login_logs WHERE username = ? ORDER BY id DESC LIMIT 1", username)).toBe("locked");
});

test("after sign-out the old cookie opens nothing", async ({ browser }) => {
  // Its own session: signing out ends it (the worker's shared leader session must live on).
  const ctx = await contextAs(browser, "leader", undefined, { fresh: true });
  const cookies = await ctx.cookies();
  const page = await ctx.newPage();
  await page.goto("/enterprises");
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);

  // Another browser presenting the copied session cookie is refused.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const p2 = await thief.newPage();
  await p2.goto("/enterprises");
  await expect(p2).toHaveURL(/\/login/);
  const res = await thief.request.get("/enterprises", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(400);
  expect(res.headers().location).toContain("/login");
  await thief.close();
  await ctx.close();
});

test("a new account must change its password before anything else works", async ({ browser, page }) => {
  const username = uniqueName("newbie");
  const admin = await contextAs(browser, "admin");
  const ap = await admin.newPage();
  await ap.goto("/admin/users");
  await ap.getByLabel("用户名").fill(username);
  await ap.getByLabel("姓名").fill("新同事");
  await ap.getByLabel("角色", { exact: true }).selectOption("staff");
  await ap.getByRole("button", { name: "新建用户" }).click();
  const otp = (await ap.getByTestId("one-time-password").textContent())?.trim() ?? "";
  expect(otp.length).toBeGreaterThanOrEqual(12);
  await admin.close();

  await signIn(page, username, otp);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.goto("/enterprises");
  await expect(page).toHaveURL(/\/change-password$/);

  // The policy is enforced on the server, field by field.
  await page.getByLabel("当前密码").fill(otp);
  await page.getByLabel("新密码", { exact: true }).fill(`${username}A1!`);
  await page.getByLabel("确认新密码").fill(`${username}A1!`);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码不能包含用户名")).toBeVisible();

  const fresh = "Chongqing#2026";
  await page.getByLabel("当前密码").fill(otp);
  await page.getByLabel("新密码", { exact: true }).fill(fresh);
  await page.getByLabel("确认新密码").fill(fresh);
  await page.getByRole("button", { name: "修改密码" }).click();
  await page.waitForURL(/\/login\?changed=1/);
  await expect(page.getByText("密码已修改，请使用新密码重新登录")).toBeVisible();

  await signIn(page, username, fresh);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("sidebar").getByRole("link", { name: "科技企业" })).toBeVisible();
  expect(scalar("SELECT must_change_password FROM users WHERE username = ?", username)).toBe(0);
});

test("the demo password is shown as demo-only on the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByText(`密码 ${DEMO_PASSWORD}`)).toBeVisible();
});
