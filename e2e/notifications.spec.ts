import { expect, type Page, test } from "@playwright/test";
import { signIn, signInAs } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";

// 通知与待办: computed by the server from the data, behind the header's bell; marked read per user.

/** The bell's unread count (no badge = 0). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.textContent());
}

/** Beijing's today, as the server computes it. */
const today = () => scalar<string>("SELECT date('now', '+8 hours')");

test("the bell counts what waits; the page lists an expiring certificate with its link; marking read decrements", async ({
  page,
}) => {
  // A staff member of this test's own: read marks are per user, and other tests use the demo accounts.
  const username = uniqueName("ntf");
  seedUser(username, "staff", "Right@2026x");
  await signIn(page, username, "Right@2026x");

  // The soonest-expiring certificate of a live, active enterprise (the seed has several within 90 days).
  const soonest = row<{ eid: number; name: string; expiry: string }>(
    `SELECT e.id AS eid, e.name, q.expiry_date AS expiry FROM enterprise_qualifications q
       JOIN enterprises e ON e.id = q.enterprise_id
      WHERE q.deleted_at IS NULL AND e.deleted_at IS NULL AND e.status = 'active'
        AND q.expiry_date BETWEEN ? AND date(?, '+90 days')
      ORDER BY q.expiry_date, q.id LIMIT 1`,
    today(),
    today(),
  );
  expect(soonest).toBeDefined();
  const cert = soonest as { eid: number; name: string; expiry: string };

  await page.goto("/notifications");
  const unread = page.getByTestId("notifications-unread").getByTestId("notification-item");
  const n = await unread.count();
  expect(n).toBeGreaterThan(0);
  // The bell shows the same count, and says it in words.
  await expect(page.getByTestId("notification-count")).toHaveText(String(n));
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(`通知与待办（${n} 条未读）`);

  // The certificate, by enterprise name and date, linked to the enterprise where it is renewed.
  const item = unread.filter({ hasText: cert.name }).filter({ hasText: cert.expiry }).first();
  await expect(item).toContainText("证书将于");
  await expect(item.getByRole("link", { name: "去处理" })).toHaveAttribute("href", `/enterprises/${cert.eid}`);

  // Marked read: the bell counts one fewer, the item moves to the read list, and the mark is the user's own.
  await item.getByRole("button", { name: "标为已读" }).click();
  await expect(page.getByTestId("notification-count")).toHaveText(String(n - 1));
  await expect(page.getByTestId("notifications-unread").getByTestId("notification-item")).toHaveCount(n - 1);
  await expect(page.getByTestId("notifications-read").getByTestId("notification-item")).toHaveCount(1);
  await expect(page.getByTestId("notifications-read")).toContainText(cert.name);
  expect(
    scalar(
      "SELECT count(*) FROM notification_reads r JOIN users u ON u.id = r.user_id WHERE u.username = ? AND r.item_key LIKE 'cert:%'",
      username,
    ),
  ).toBe(1);

  // The link opens the enterprise; the bell's count holds across pages.
  await page.getByTestId("notifications-read").getByRole("link", { name: "去处理" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/enterprises/${cert.eid}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(cert.name);
  expect(await bellCount(page)).toBe(n - 1);

  // Everything read: no count at all.
  await page.goto("/notifications");
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(page.getByTestId("notifications-unread")).toHaveCount(0);
  await expect(page.getByTestId("notifications-read").getByTestId("notification-item")).toHaveCount(n);
});

test("a 镇街 user is told only of certificates within their scope", async ({ page }) => {
  await signInAs(page, "street");
  await page.goto("/notifications");
  const streetId = scalar<number>("SELECT unit_id FROM users WHERE username = 'street'");
  const links = await page
    .getByTestId("notification-item")
    .filter({ hasText: "证书将于" })
    .getByRole("link", { name: "去处理" })
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const inScope = scalar<number>(
    `SELECT count(*) FROM enterprise_qualifications q JOIN enterprises e ON e.id = q.enterprise_id
      WHERE q.deleted_at IS NULL AND e.deleted_at IS NULL AND e.status = 'active' AND e.street_id = ?
        AND q.expiry_date BETWEEN date('now', '+8 hours') AND date('now', '+8 hours', '+90 days')`,
    streetId,
  );
  expect(inScope).toBeGreaterThan(0);
  expect(links).toHaveLength(inScope);
  for (const href of links) {
    const id = Number(href.split("/").pop());
    expect(scalar<number>("SELECT street_id FROM enterprises WHERE id = ?", id)).toBe(streetId);
  }
  // …and there are certificates outside it that the district-wide staff is told of.
  const outside = withDb(
    (db) =>
      db
        .prepare(
          `SELECT count(*) FROM enterprise_qualifications q JOIN enterprises e ON e.id = q.enterprise_id
            WHERE q.deleted_at IS NULL AND e.deleted_at IS NULL AND e.status = 'active' AND e.street_id <> ?
              AND q.expiry_date BETWEEN date('now', '+8 hours') AND date('now', '+8 hours', '+90 days')`,
        )
        .pluck()
        .get(streetId) as number,
  );
  expect(outside).toBeGreaterThan(0);
});

test("the leader's board shows today's to-dos, each linked", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/");
  const digest = page.getByTestId("notification-digest");
  await expect(digest).toContainText("今日待办");
  await expect(digest.getByRole("link").first()).toHaveAttribute("href", /^\/(enterprises\/\d+|reports\/\d{4}Q[1-4])$/);
  await expect(digest.getByRole("link", { name: /查看全部/ })).toHaveAttribute("href", "/notifications");
});
