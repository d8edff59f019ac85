import fs from "node:fs";
import path from "node:path";
import { chromium, defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const executablePath = chromiumExecutable();
if (!executablePath && !fs.existsSync(chromium.executablePath())) {
  console.error(
    "找不到 Chromium：请安装 Debian 的 chromium 与 fonts-noto-cjk（apt-get install -y chromium fonts-noto-cjk），或设置 PLAYWRIGHT_CHROMIUM_PATH。",
  );
  process.exit(1);
}

export const E2E_DB = path.resolve("e2e/.tmp/e2e.db");

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: !!process.env.CI,
  // On CI one retry: two specs (talents list search, 2020Q2 封账) can still race with other workers' writes to the
  // one shared e2e database (two of three clean CI runs passed all 100). One database per worker removes the cause.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
  ],
  webServer: {
    // The production build on a throw-away database (deleted before every run).
    command: "tsx e2e/server.ts",
    url: `${BASE_URL}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: E2E_DB,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: BASE_URL,
      DEMO: "1",
    },
  },
});
