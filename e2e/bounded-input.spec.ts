import { expect, test } from "@playwright/test";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar, uniqueName } from "./fixtures/db";
import { XLSX } from "./fixtures/import";

// Issue 11: what a refused request may write into the append-only operation log, and uploads over the limit.

const THREE_MB = 3 * 1024 * 1024;

test("a refused or oversized request with a 3 MB field writes a log row of bounded size, with the input's size and hash", async ({
  browser,
}) => {
  const admin = await contextAs(browser, "admin");
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const original = uniqueName("big");
  await page.getByLabel("用户名").fill(original);
  await page.getByLabel("姓名").fill("大字段用户");
  const action = await captureAction(page, () => page.getByRole("button", { name: "新建用户" }).click());
  await expect(page.getByTestId("one-time-password")).toBeVisible();

  const huge = `h${"x".repeat(THREE_MB)}`;
  const lastRow = (username: string) =>
    row<{ id: number; result: string; message: string; size: number; detail: string }>(
      "SELECT id, result, message, length(coalesce(detail, '')) + length(coalesce(message, '')) + length(coalesce(before, '')) + length(coalesce(after, '')) AS size, detail FROM operation_logs WHERE action = 'user.create' AND username = ? ORDER BY id DESC LIMIT 1",
      username,
    );

  // Leader: no permission → refused; the row holds the input's size and SHA-256, not the input.
  const leader = await contextAs(browser, "leader");
  const before = lastRow("leader")?.id ?? 0;
  const denied = await replayAction(leader, action, action.body.replaceAll(original, huge));
  expect(denied.text).toContain('"code":"forbidden"');
  const deniedRow = lastRow("leader");
  expect(deniedRow?.id).toBeGreaterThan(before);
  expect(deniedRow?.result).toBe("denied");
  expect(deniedRow?.size).toBeLessThanOrEqual(5 * 1024);
  const deniedDetail = JSON.parse(deniedRow?.detail ?? "{}");
  expect(deniedDetail.inputBytes).toBeGreaterThan(THREE_MB);
  expect(deniedDetail.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  await leader.close();

  // Admin (allowed): the 3 MB input is refused before parsing, with a Chinese message; the row is bounded too.
  const adminBefore = lastRow("admin")?.id ?? 0;
  const invalid = await replayAction(admin, action, action.body.replaceAll(original, huge));
  expect(invalid.text).toContain('"code":"invalid"');
  expect(invalid.text).toContain("提交的内容过大");
  const invalidRow = lastRow("admin");
  expect(invalidRow?.id).toBeGreaterThan(adminBefore);
  expect(invalidRow?.result).toBe("invalid");
  expect(invalidRow?.size).toBeLessThanOrEqual(5 * 1024);
  expect(scalar("SELECT count(*) FROM users WHERE username LIKE 'hxxxx%'")).toBe(0);

  // Control: the same request with an ordinary value still creates the user.
  const control = uniqueName("ctl");
  const ok = await replayAction(admin, action, action.body.replaceAll(original, control));
  expect(ok.text).toContain('"ok":true');
  expect(scalar("SELECT count(*) FROM users WHERE username = ?", control)).toBe(1);
  await admin.close();
});

test("a 12 MB upload gets the Chinese size message on the import page, which keeps working", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({
    name: "twelve.xlsx",
    mimeType: XLSX,
    buffer: Buffer.alloc(12 * 1024 * 1024, 0x20),
  });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("import-message")).toContainText("文件超过 10 MB");
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "预览" })).toBeEnabled();
});
