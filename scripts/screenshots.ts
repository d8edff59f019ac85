// `npm run docs:screenshots` against a running app (BASE_URL, default http://127.0.0.1:3000) with demo data:
// refreshes the pictures in docs/screenshots that the README shows.
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const OUT = "docs/screenshots";
const PASSWORD = "Yubei@2021";

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto(`${BASE}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

type Shot = { name: string; user: string; path: string; width?: number; full?: boolean };
const shots: Shot[] = (process.env.SHOTS ? JSON.parse(process.env.SHOTS) : null) ?? [
  { name: "shell-admin", user: "admin", path: "/admin/users" },
  { name: "shell-staff", user: "staff", path: "/" },
  { name: "shell-leader", user: "leader", path: "/" },
  { name: "shell-auditor", user: "auditor", path: "/admin/audit-log" },
  { name: "enterprises-list", user: "staff", path: "/enterprises?sort=latestRdExpense.desc" },
  { name: "enterprises-list-390", user: "staff", path: "/enterprises", width: 390 },
];

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
fs.mkdirSync(OUT, { recursive: true });
for (const s of shots) {
  await page.setViewportSize({ width: s.width ?? 1440, height: s.width === 390 ? 844 : 900 });
  await signIn(page, s.user);
  await page.goto(`${BASE}${s.path}`);
  await page.waitForLoadState("load");
  await page.locator("main, article").first().waitFor();
  await page.screenshot({ path: `${OUT}/${s.name}.png`, fullPage: s.full ?? false });
  console.log(`${OUT}/${s.name}.png`);
}
await browser.close();
