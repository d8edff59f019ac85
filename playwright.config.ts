import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/chromium";
import { baseUrlFor, dbPathFor, E2E_WORKERS, workerIndex } from "./e2e/fixtures/workers";

const executablePath = chromiumExecutable();
if (!executablePath && !fs.existsSync(chromium.executablePath())) {
  console.error(
    "找不到 Chromium：请安装 Debian 的 chromium 与 fonts-noto-cjk（apt-get install -y chromium fonts-noto-cjk），或设置 PLAYWRIGHT_CHROMIUM_PATH。",
  );
  process.exit(1);
}

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: !!process.env.CI,
  // No retries: every worker has its own server and database (e2e/fixtures/workers.ts), so a failure is a bug.
  workers: E2E_WORKERS,
  // Tests are independent (each seeds its own rows, on its worker's own database), so they spread evenly.
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    // The config is evaluated again in each worker, where TEST_PARALLEL_INDEX names the worker's own server
    // (e2e/fixtures/test.ts sets the same from testInfo.parallelIndex).
    baseURL: baseUrlFor(workerIndex()),
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "chromium",
      grepInvert: /@alone/,
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
    // Tests that compare wall-clock times (tagged @alone) run after all the others, one at a time, so the other
    // workers' load cannot decide them. (If a test of the main project fails, these are skipped.)
    {
      name: "alone",
      grep: /@alone/,
      dependencies: ["chromium"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
  ],
  // One production server per worker, started one after the other: server 0 builds if needed and seeds the
  // template database; the others copy it and reuse the build. Each has its own database file.
  webServer: Array.from({ length: E2E_WORKERS }, (_, i) => ({
    command: "tsx e2e/server.ts",
    url: `${baseUrlFor(i)}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      E2E_SERVER_INDEX: String(i),
      DATABASE_URL: dbPathFor(i),
      PORT: String(new URL(baseUrlFor(i)).port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: baseUrlFor(i),
      DEMO: "1",
      ...(i > 0 ? { SKIP_BUILD: "1" } : {}),
    },
  })),
});
