import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { captureAction, contextAs, DEMO_PASSWORD, replayAction, signIn } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName } from "./fixtures/db";

const csrfTokens = new WeakMap<APIRequestContext, Promise<string>>();

/** One sign-in through next-auth's credentials endpoint, as the login form does it (one CSRF cookie per context). */
async function postSignIn(
  request: APIRequestContext,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) {
  let token = csrfTokens.get(request);
  if (!token) {
    token = request.get("/api/auth/csrf").then(async (r) => ((await r.json()) as { csrfToken: string }).csrfToken);
    csrfTokens.set(request, token);
  }
  const csrfToken = await token;
  return request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken, json: "true", callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
}

test.describe("sign-in lockout", () => {
  test("50 parallel wrong passwords: at most 5 are checked, and then even the right one is refused", async ({
    playwright,
    baseURL,
  }) => {
    const username = uniqueName("burst");
    seedUser(username, "staff", "Right@2026x");
    const request = await playwright.request.newContext({ baseURL });
    await Promise.all(Array.from({ length: 50 }, (_, i) => postSignIn(request, username, `Wrong@${i}x`)));
    const checked = scalar("SELECT count(*) FROM login_logs WHERE username = ? AND password_checked = 1", username);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(scalar("SELECT count(*) FROM login_logs WHERE username = ?", username)).toBe(50);

    await postSignIn(request, username, "Right@2026x");
    expect(
      row("SELECT reason, success, password_checked FROM login_logs WHERE username = ? ORDER BY id DESC", username),
    ).toEqual({ reason: "locked", success: 0, password_checked: 0 });
    expect(
      scalar("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?", username),
    ).toBe(0);
    await request.dispose();
  });

  // @alone: it compares wall-clock latencies, which only mean something with no other test loading the machine.
  test("other requests keep answering while 20 sign-ins are hashed", { tag: "@alone" }, async ({
    playwright,
    baseURL,
  }) => {
    // Twenty people signing in at once (one account would only get its 5 attempt slots).
    const prefix = uniqueName("busy");
    const names = Array.from({ length: 20 }, (_, i) => `${prefix}n${i}`);
    for (const name of names) seedUser(name, "staff", "Right@2026x");
    const signer = await playwright.request.newContext({ baseURL });
    const reader = await playwright.request.newContext({ baseURL });
    const timedGet = async () => {
      const started = performance.now();
      const res = await reader.get("/login");
      expect(res.status()).toBe(200);
      return performance.now() - started;
    };
    // The same page with nothing else going on: what this machine needs anyway (the suite shares it).
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await timedGet());
    let done = false;
    const burst = Promise.all(names.map((name) => postSignIn(signer, name, "Right@2026x"))).finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    while (!done) latencies.push(await timedGet());
    await burst;
    const worst = Math.round(Math.max(...latencies));
    const idleWorst = Math.round(Math.max(...idle));
    console.log(
      `[event loop] idle worst ${idleWorst} ms; ${latencies.length} requests during the burst, worst ${worst} ms`,
    );
    // The issue's acceptance is "within 500 ms"; measured above what the same request costs on this (shared)
    // machine when idle. Hashing on the event loop (the old bcryptjs code) stalls every request for seconds.
    expect(latencies.length).toBeGreaterThan(1);
    expect(worst).toBeLessThan(500 + idleWorst);
    expect(scalar("SELECT count(*) FROM login_logs WHERE username LIKE ? AND success = 1", `${prefix}n%`)).toBe(20);
    await signer.dispose();
    await reader.dispose();
  });

  test("wrong current passwords in 修改密码 count toward the lock", async ({ page }) => {
    const username = uniqueName("chg");
    seedUser(username, "staff", "Right@2026x");
    await signIn(page, username, "Right@2026x");
    await page.goto("/change-password");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("当前密码").fill(`Guess@${i}xx`);
      await page.getByLabel("新密码", { exact: true }).fill("Another#2026q");
      await page.getByLabel("确认新密码").fill("Another#2026q");
      await page.getByRole("button", { name: "修改密码" }).click();
      await expect(page.getByText("当前密码不正确")).toBeVisible();
      await expect(page.getByRole("button", { name: "修改密码" })).toBeEnabled();
    }
    // Locked now: even the right current password is not checked.
    await page.getByLabel("当前密码").fill("Right@2026x");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByText("连续输错次数过多，账户已锁定 15 分钟，请稍后再试")).toBeVisible();
    expect(
      row<{ locked_until: string | null }>("SELECT locked_until FROM users WHERE username = ?", username)?.locked_until,
    ).toBeTruthy();
  });
});

test.describe("redirects after sign-in stay on our origin", () => {
  const hostile = [
    "/\\evil.example",
    "//evil.example",
    "/\t/evil.example",
    "https://evil.example/",
    "/.//evil.example",
  ];

  test("after a form sign-in", async ({ page, baseURL }) => {
    const username = uniqueName("redir");
    seedUser(username, "staff", "Right@2026x");
    for (const target of hostile) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill("Right@2026x");
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
      await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    }
    // A genuine path on our origin is still honoured.
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/enterprises?q=x")}`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill("Right@2026x");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/enterprises\?q=x$/);
  });

  test("when already signed in", async ({ browser, baseURL }) => {
    const ctx = await contextAs(browser, "leader");
    for (const target of hostile) {
      const res = await ctx.request.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(res.status()).toBeGreaterThanOrEqual(300);
      expect(res.status()).toBeLessThan(400);
      const location = res.headers().location ?? "";
      expect(new URL(location, baseURL).origin).toBe(new URL(baseURL as string).origin);
      expect(location.startsWith("//")).toBe(false);
    }
    await ctx.close();
  });
});

test.describe("三权分立: only auditors manage auditor accounts", () => {
  async function adminUsersPage(browser: Browser) {
    const admin = await contextAs(browser, "admin");
    const page = await admin.newPage();
    await page.goto("/admin/users");
    return { admin, page };
  }
  const auditorHash = () => scalar<string>("SELECT password_hash FROM users WHERE username = 'auditor'");

  test("the admin's create, re-role and reset aimed at the auditor are refused with nothing written", async ({
    browser,
  }) => {
    const { admin, page } = await adminUsersPage(browser);
    // The UI does not offer it…
    await expect(page.getByLabel("角色", { exact: true }).locator("option")).toHaveText([
      "系统管理员",
      "业务科室工作人员",
      "领导",
    ]);
    await expect(page.getByTestId("user-row-auditor")).toContainText("由审计员管理");
    await expect(page.getByTestId("user-row-auditor").getByRole("button")).toHaveCount(0);

    // …and the server refuses the requests the UI would have sent. Create with role auditor:
    const original = uniqueName("sod");
    await page.getByLabel("用户名").fill(original);
    await page.getByLabel("姓名").fill("分权测试");
    const create = await captureAction(page, () => page.getByRole("button", { name: "新建用户" }).click());
    await expect(page.getByTestId("one-time-password")).toBeVisible();
    const forged = uniqueName("fakeaud");
    const body = create.body.replaceAll(original, forged).replace(/(name="[^"]*role"\r\n\r\n)staff/, "$1auditor");
    expect(body).toContain("auditor");
    const res = await replayAction(admin, create, body);
    expect(res.text).toContain('"ok":false');
    expect(scalar("SELECT count(*) FROM users WHERE username = ?", forged)).toBe(0);

    // Re-role: captured on a staff account, replayed to give the auditor role, and to re-role the auditor.
    const victim = uniqueName("vic");
    const victimId = seedUser(victim, "staff", "Right@2026x");
    const auditorId = scalar<number>("SELECT id FROM users WHERE username = 'auditor'");
    await page.reload();
    const reRole = await captureAction(page, async () => {
      await page.getByLabel(`修改角色：${victim}`).selectOption("leader");
      await page.getByRole("dialog").getByRole("button", { name: "确认修改角色" }).click();
    });
    expect(scalar("SELECT role FROM users WHERE id = ?", victimId)).toBe("leader");
    for (const forgedBody of [
      reRole.body.replace('"leader"', '"auditor"'),
      reRole.body.replace(String(victimId), String(auditorId)).replace('"leader"', '"staff"'),
    ]) {
      const r = await replayAction(admin, reRole, forgedBody);
      expect(r.text).toContain('"ok":false');
    }
    expect(scalar("SELECT role FROM users WHERE id = ?", victimId)).toBe("leader");
    expect(scalar("SELECT role FROM users WHERE id = ?", auditorId)).toBe("auditor");
    expect(scalar("SELECT count(*) FROM users WHERE role = 'auditor' AND username NOT LIKE 'aud%'")).toBe(0);

    // Reset: captured on the staff account, replayed against the auditor.
    const before = auditorHash();
    const reset = await captureAction(page, async () => {
      await page.getByTestId(`user-row-${victim}`).getByRole("button", { name: "重置密码" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "确认", exact: true }).click();
    });
    await expect(page.getByTestId("one-time-password")).toBeVisible();
    const r = await replayAction(admin, reset, reset.body.replace(String(victimId), String(auditorId)));
    expect(r.text).toContain('"ok":false');
    expect(auditorHash()).toBe(before);
    expect(scalar("SELECT must_change_password FROM users WHERE id = ?", auditorId)).toBe(0);
    await admin.close();
  });

  test("an auditor creates and resets auditor accounts, and the log shows it", async ({ browser }, testInfo) => {
    const ctx = await contextAs(browser, "auditor");
    const page = await ctx.newPage();
    await page.goto("/admin/auditors");
    await expect(page.getByRole("heading", { name: "审计员账户" })).toBeVisible();
    const name = uniqueName("aud");
    await page.getByLabel("用户名").fill(name);
    await page.getByLabel("姓名").fill("第二审计员");
    await page.getByRole("button", { name: "新建审计员" }).click();
    await expect(page.getByTestId("one-time-password")).toBeVisible();
    expect(row("SELECT role, must_change_password FROM users WHERE username = ?", name)).toEqual({
      role: "auditor",
      must_change_password: 1,
    });
    await expect(page.getByTestId(`auditor-row-${name}`)).toBeVisible();
    const hashBefore = scalar("SELECT password_hash FROM users WHERE username = ?", name);
    await page.getByTestId(`auditor-row-${name}`).getByRole("button", { name: "重置密码" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认", exact: true }).click();
    await expect(page.getByText(`密码已重置：${name}`)).toBeVisible();
    expect(scalar("SELECT password_hash FROM users WHERE username = ?", name)).not.toBe(hashBefore);
    expect(
      scalar(
        "SELECT count(*) FROM operation_logs WHERE action IN ('auditor.create', 'auditor.resetPassword') AND result = 'ok' AND username = 'auditor' AND object_id = (SELECT id FROM users WHERE username = ?)",
        name,
      ),
    ).toBe(2);
    // SECURITY_SCREENSHOT=1 refreshes the README's picture; otherwise it stays with the test results.
    const shot = process.env.SECURITY_SCREENSHOT
      ? "docs/screenshots/auditor-accounts.png"
      : testInfo.outputPath("auditor-accounts.png");
    await page.screenshot({ path: shot, fullPage: true });
    await page.goto("/admin/audit-log");
    await expect(page.getByTestId("audit-row").getByText("新建审计员账户").first()).toBeVisible();

    // The admin cannot open the auditors' screen.
    const admin = await contextAs(browser, "admin");
    expect((await (await admin.newPage()).goto("/admin/auditors"))?.status()).toBe(403);
    await admin.close();
    await ctx.close();
  });
});

test("a client-sent X-Forwarded-For is not stored without TRUST_PROXY", async ({ playwright, baseURL }) => {
  const username = uniqueName("xff");
  seedUser(username, "staff", "Right@2026x");
  const request = await playwright.request.newContext({ baseURL });
  await postSignIn(request, username, "Wrong@2026x", {
    "X-Forwarded-For": "203.0.113.66",
    "X-Real-IP": "203.0.113.67",
  });
  await postSignIn(request, username, "Right@2026x", { "X-Forwarded-For": "203.0.113.66" });
  const ips = (await Promise.resolve(
    scalar<string>("SELECT group_concat(DISTINCT ip) FROM login_logs WHERE username = ?", username),
  )) as string;
  expect(ips).not.toContain("203.0.113");
  expect(ips).toMatch(/^(127\.0\.0\.1|::1)$/);
  expect(scalar("SELECT ip FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?", username)).toBe(ips);
  await request.dispose();
});

test("security headers on the sign-in page, the board and an export route", async ({ browser, request }) => {
  const expectHeaders = (h: Record<string, string>) => {
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
  };
  const login = await request.get("/login");
  expectHeaders(login.headers());
  // A fresh nonce every time.
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(login.headers()["content-security-policy"]);
  // Plain HTTP here: no HSTS (a browser would ignore it, and it must not pin a plain-HTTP intranet).
  expect(login.headers()["strict-transport-security"]).toBeUndefined();

  const ctx = await contextAs(browser, "leader");
  const board = await ctx.request.get("/");
  expect(board.status()).toBe(200);
  expectHeaders(board.headers());
  const csv = await ctx.request.get("/enterprises/export");
  expect(csv.status()).toBe(200);
  expectHeaders(csv.headers());
  await ctx.close();
});

test.describe("the app runs under its CSP", () => {
  async function watch(page: Page) {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text()))
        problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { __csp?: string[] };
        w.__csp ??= [];
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    return async () => {
      const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      return [...problems, ...seen];
    };
  }

  test("login and the staff pages: no violations, scripts run", async ({ page }) => {
    const violations = await watch(page);
    await signIn(page, "admin", DEMO_PASSWORD);
    expect(await violations()).toEqual([]);
    const enterpriseId = scalar<number>("SELECT id FROM enterprises WHERE deleted_at IS NULL ORDER BY id LIMIT 1");
    const pages: [string, string | RegExp][] = [
      ["/", "指标驾驶舱"],
      ["/enterprises", "科技企业"],
      [`/enterprises/${enterpriseId}`, /.+/],
      ["/indicators", "指标与目标"],
      ["/reports", "季度汇总"],
      ["/awards", "政策兑现"],
      ["/awards/policies", "政策目录"],
      ["/import", "数据导入"],
      ["/admin/users", "用户管理"],
    ];
    for (const [path, heading] of pages) {
      const res = await page.goto(path);
      // The policy is really in force on the page (not just absent, which would trivially show no violations).
      expect(res?.headers()["content-security-policy"], path).toMatch(
        /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
      );
      await expect(page.getByRole("heading", { level: 1, name: heading }).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await violations(), path).toEqual([]);
    }
    // The board's charts draw (recharts, inline styles) and client navigation works (hydrated scripts).
    await page.goto("/");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.getByTestId("sidebar").getByRole("link", { name: "科技企业" }).click();
    await expect(page).toHaveURL(/\/enterprises$/);
    await expect(page.getByRole("heading", { level: 1, name: "科技企业" })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("the app cannot be framed by another site", async ({ page, baseURL }) => {
    await page.setContent(`<iframe id="f" src="${baseURL}/login"></iframe>`);
    const frame = page.frameLocator("#f");
    await expect(frame.locator('input[name="username"]')).toHaveCount(0);
  });
});
