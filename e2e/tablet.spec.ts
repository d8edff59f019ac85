import { expect, test } from "@playwright/test";
import { contextAs, signIn } from "./fixtures/auth";
import { seedUser, uniqueName } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";

test.use({ viewport: { width: 1024, height: 768 } });

test("the sidebar collapses to icons, is remembered for that user, and 会议模式 shows the board alone", async ({
  browser,
}) => {
  const username = uniqueName("tablet");
  seedUser(username, "leader", "Tablet#2026x");
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signIn(page, username, "Tablet#2026x");
  await page.goto("/");
  await waitForHydration(page);
  const sidebar = page.getByTestId("sidebar");
  await expect(sidebar).toHaveAttribute("data-collapsed", "false");
  const widthOpen = (await sidebar.boundingBox())?.width ?? 0;

  await sidebar.getByRole("button", { name: "收起侧栏" }).click();
  await expect(sidebar).toHaveAttribute("data-collapsed", "true");
  expect((await sidebar.boundingBox())?.width ?? 0).toBeLessThan(widthOpen / 2);
  // Icons only, each link still named (screen readers, tooltip) and at least 24 px to tap.
  const link = sidebar.getByRole("link", { name: "科技企业" });
  await expect(link).toBeVisible();
  const box = await link.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(24);
  expect(box?.height).toBeGreaterThanOrEqual(24);

  // Remembered: a reload (a server render) keeps it collapsed …
  await page.reload();
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-collapsed", "true");
  // … for this user only: another account in the same browser sees the full sidebar.
  const other = await contextAs(browser, "leader");
  const cookies = await context.cookies();
  await other.addCookies(cookies.filter((c) => c.name.startsWith("sidebar_")));
  const otherPage = await other.newPage();
  await otherPage.setViewportSize({ width: 1024, height: 768 });
  await otherPage.goto("/");
  await expect(otherPage.getByTestId("sidebar")).toHaveAttribute("data-collapsed", "false");
  await other.close();

  // 会议模式: no sidebar, no header; the button (or Esc) ends it.
  await page.getByRole("button", { name: "会议模式" }).click();
  await expect(page.getByTestId("sidebar")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "指标驾驶舱" })).toBeVisible();
  await page.getByRole("button", { name: "退出会议模式" }).click();
  await expect(page.getByTestId("sidebar")).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();

  await sidebar.getByRole("button", { name: "展开侧栏" }).click();
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-collapsed", "false");

  // A list's row checkbox is tapped through a 24 px square around it.
  await page.goto("/enterprises");
  const tick = page.getByRole("checkbox", { name: /^选择/ }).nth(1);
  await expect(tick).toBeVisible();
  await waitForHydration(page);
  const square = await tick.locator("xpath=..").boundingBox();
  expect(square?.width).toBeGreaterThanOrEqual(24);
  expect(square?.height).toBeGreaterThanOrEqual(24);
  await context.close();
});
