import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";

test.describe("the shell fits desktop, tablet and phone widths", () => {
  for (const width of [1440, 1024, 390]) {
    test(`${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await signInAs(page, "staff");
      await page.goto("/enterprises");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (width >= 1024) {
        await expect(page.getByTestId("sidebar")).toBeVisible();
      } else {
        await expect(page.getByTestId("sidebar")).toBeHidden();
        await page.getByRole("button", { name: "菜单" }).click();
        await expect(page.getByTestId("drawer").getByRole("link", { name: "人才" })).toBeVisible();
        await page.getByTestId("drawer").getByRole("link", { name: "人才" }).click();
        await expect(page).toHaveURL(/\/talents$/);
        await expect(page.getByTestId("drawer")).toBeHidden();
      }
    });
  }
});

test("the language switch turns the shell to English and back", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/");
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByTestId("sidebar").getByRole("link", { name: "Tech enterprises" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByTestId("sidebar").getByRole("link", { name: "科技企业" })).toBeVisible();
});

test("the sign-in page names the app icon, served without a session; no request for a missing favicon", async ({
  page,
  request,
}) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href as string, { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
