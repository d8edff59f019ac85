import { expect, test } from "@playwright/test";
import { captureAction, contextAs, replayAction, signIn } from "./fixtures/auth";
import { scalar, uniqueName } from "./fixtures/db";

// Each write action is captured as a role that may perform it, then replayed with other cookies.
// The control replay (allowed role, fresh values) must succeed, so a refusal proves the guard, not a bad replay.

test("create-user replayed by leader, staff and auditor is refused on the server and nothing is written", async ({
  browser,
}) => {
  const admin = await contextAs(browser, "admin");
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const original = uniqueName("orig");
  await page.getByLabel("用户名").fill(original);
  await page.getByLabel("姓名").fill("原始用户");
  const action = await captureAction(page, () => page.getByRole("button", { name: "新建用户" }).click());
  await expect(page.getByTestId("one-time-password")).toBeVisible();
  expect(action.body).toContain(original);

  for (const role of ["leader", "staff", "auditor"]) {
    const attacker = uniqueName(`x${role.slice(0, 3)}`);
    const ctx = await contextAs(browser, role);
    const deniedBefore = scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'user.create' AND result = 'denied' AND username = ?",
      role,
    );
    const res = await replayAction(ctx, action, action.body.replaceAll(original, attacker));
    expect(res.text).toContain('"code":"forbidden"');
    expect(scalar("SELECT count(*) FROM users WHERE username = ?", attacker)).toBe(0);
    expect(
      scalar(
        "SELECT count(*) FROM operation_logs WHERE action = 'user.create' AND result = 'denied' AND username = ?",
        role,
      ),
    ).toBe(deniedBefore + 1);
    await ctx.close();
  }

  // Control: the same request with fresh values, as the admin, does create the user.
  const control = uniqueName("ctrl");
  const res = await replayAction(admin, action, action.body.replaceAll(original, control));
  expect(res.text).toContain('"ok":true');
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", control)).toBe(1);
  await admin.close();
});

test("a signed-out cookie cannot replay an action", async ({ browser }) => {
  // Its own session: signing out ends it (the worker's shared admin session must live on).
  const admin = await contextAs(browser, "admin", undefined, { fresh: true });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const original = uniqueName("so");
  await page.getByLabel("用户名").fill(original);
  await page.getByLabel("姓名").fill("退出测试");
  const action = await captureAction(page, () => page.getByRole("button", { name: "新建用户" }).click());
  await expect(page.getByTestId("one-time-password")).toBeVisible();
  const cookies = await admin.cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const replayed = uniqueName("so2");
  const res = await replayAction(thief, action, action.body.replaceAll(original, replayed));
  expect(res.text).toContain('"code":"unauthenticated"');
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", replayed)).toBe(0);
  await thief.close();
  await admin.close();
});

test("a user who must change the password cannot use any other action", async ({ browser, page }) => {
  const admin = await contextAs(browser, "admin");
  const ap = await admin.newPage();
  await ap.goto("/admin/users");
  const username = uniqueName("pend");
  await ap.getByLabel("用户名").fill(username);
  await ap.getByLabel("姓名").fill("待改密管理员");
  await ap.getByLabel("角色", { exact: true }).selectOption("admin");
  const action = await captureAction(ap, () => ap.getByRole("button", { name: "新建用户" }).click());
  const otp = (await ap.getByTestId("one-time-password").textContent())?.trim() ?? "";
  await admin.close();

  // A brand-new admin has user.manage, but has not changed the one-time password yet.
  await signIn(page, username, otp);
  const attempted = uniqueName("pend2");
  const res = await replayAction(page.context(), action, action.body.replaceAll(username, attempted));
  expect(res.text).toContain('"code":"must_change_password"');
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", attempted)).toBe(0);
});
