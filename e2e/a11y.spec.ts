import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { type DemoRole, signInAs } from "./fixtures/auth";
import { scalar, seedUser, uniqueName, withDb } from "./fixtures/db";
import { freshCreditCode } from "./fixtures/registry";

// Accessibility: axe-core (WCAG 2.1 A/AA rules) over the main pages of every role, with no serious or critical
// violation allowed.

const firstId = (table: string) =>
  scalar<number>(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);
/** A past quarter every demo database has data for. */
const QUARTER = "2021Q1";

async function violations(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      url,
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`),
    }));
}

const PAGES: Record<DemoRole | "anonymous", () => string[]> = {
  anonymous: () => ["/login"],
  admin: () => [
    "/",
    "/enterprises",
    "/institutions",
    "/incubators",
    "/talents",
    `/enterprises/${firstId("enterprises")}`,
    "/indicators",
    "/reports",
    `/reports/${QUARTER}`,
    "/import",
    "/admin/users",
    "/admin/dictionaries",
    "/notifications",
  ],
  staff: () => [
    "/",
    "/enterprises",
    `/institutions/${firstId("institutions")}`,
    `/incubators/${firstId("incubators")}`,
    `/talents/${firstId("talents")}`,
    "/enterprises/new",
    "/import",
    "/reports",
    "/notifications",
  ],
  leader: () => ["/", "/enterprises", "/talents", "/reports", "/notifications"],
  auditor: () => ["/admin/audit-log", "/admin/login-log", "/admin/auditors"],
  street: () => ["/", "/enterprises", "/incubators", "/notifications"],
  park: () => ["/enterprises"],
};

for (const [role, pages] of Object.entries(PAGES)) {
  test(`no serious or critical accessibility violation: ${role}`, async ({ page }) => {
    test.slow();
    if (role !== "anonymous") await signInAs(page, role as DemoRole);
    const found = [];
    for (const url of pages()) found.push(...(await violations(page, url)));
    expect(found, JSON.stringify(found, null, 1)).toEqual([]);
  });
}

/** Presses Tab until the element has focus (as a keyboard user would), failing after `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("keyboard only: sign in, skip to the content, open a record, edit and save it", async ({ page }) => {
  const username = uniqueName("kbd");
  seedUser(username, "staff", "Right@2026x");
  // A record of this test's own (the seeded ones hold the figures other tests check).
  const name = uniqueName("键盘企业");
  const record = {
    name,
    id: withDb(
      (db) =>
        db
          .prepare(
            `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id)
             VALUES (?, ?, '王', '2020-01-01', 100, (SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id LIMIT 1))`,
          )
          .run(name, freshCreditCode()).lastInsertRowid as number,
    ),
  };
  const contact = `键盘${Date.now() % 100000}`;

  await page.goto("/login");
  // The login page's content sits in landmarks: its main region, named by its title.
  await expect(page.getByRole("main", { name: "科技创新管理与指标驾驶舱" })).toBeVisible();
  await tabTo(page, page.locator('input[name="username"]'));
  await page.keyboard.type(username);
  await tabTo(page, page.locator('input[name="password"]'));
  await page.keyboard.type("Right@2026x");
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));

  // The first Tab on a page reaches the skip link, which takes focus past the sidebar and header.
  await page.goto(`/enterprises?q=${encodeURIComponent(record.name)}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  await tabTo(page, page.getByRole("link", { name: record.name }).first());
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/enterprises/${record.id}$`));
  await tabTo(page, page.getByRole("link", { name: "编辑" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/enterprises/${record.id}/edit$`));
  await tabTo(page, page.getByLabel("联系人"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(contact);
  await tabTo(page, page.getByRole("button", { name: "保存" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/enterprises/${record.id}$`));
  await expect(page.getByText(contact)).toBeVisible();
  expect(scalar<string>("SELECT contact_name FROM enterprises WHERE id = ?", record.id)).toBe(contact);
});
