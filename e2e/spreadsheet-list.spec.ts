import { expect, test } from "@playwright/test";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";

test("the enterprise list: numbered pages with jump-to-page, thousands separators, 显示列 closing with Escape", async ({
  page,
}) => {
  await signInAs(page, "leader");
  await page.goto("/enterprises?status=active");
  await waitForHydration(page);
  // The leader reads approved records only (录入 → 审核: what a 镇街 entered counts once a reviewer approves it).
  const live = scalar<number>(
    "SELECT count(*) FROM enterprises WHERE deleted_at IS NULL AND status = 'active' AND review_state = 'approved'",
  );
  await expect(page.getByTestId("total-count")).toHaveText(`共 ${live.toLocaleString("en-US")} 条`);
  const pages = Math.ceil(live / 20);

  // Numbered pages: the current one is marked; the last is one click away.
  const pager = page.getByRole("navigation", { name: "分页" });
  await expect(pager.getByRole("button", { name: "第 1 页" })).toHaveAttribute("aria-current", "page");
  await pager.getByRole("button", { name: `第 ${pages} 页` }).click();
  await page.waitForURL((u) => u.searchParams.get("page") === String(pages));
  await expect(pager.getByRole("button", { name: `第 ${pages} 页` })).toHaveAttribute("aria-current", "page");

  // Jump to a page by number.
  await pager.getByLabel("跳至").fill("3");
  await pager.getByRole("button", { name: "跳转" }).click();
  await page.waitForURL((u) => u.searchParams.get("page") === "3");
  await expect(pager.getByRole("button", { name: "第 3 页" })).toHaveAttribute("aria-current", "page");
  // The new location moves the focus to the page's heading (components/daily): settled before 显示列 takes it.
  await expect(page.locator("main h1")).toBeFocused();

  // 显示列 closes with Escape and gives the focus back to its button.
  const columns = page.getByRole("button", { name: "显示列" });
  await columns.click();
  await expect(page.getByRole("checkbox", { name: "企业官网" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: "企业官网" })).toBeHidden();
  await expect(columns).toBeFocused();
  await expect(columns).toHaveAttribute("aria-expanded", "false");
});

test("the 合计 row sums R&D经费 and 营业收入 over the whole filter, not just the page", async ({ page }) => {
  await signInAs(page, "leader");
  const street = scalar<number>("SELECT id FROM dictionary_items WHERE kind='street' AND code='longxi'");
  await page.goto(`/enterprises?street=${street}`);
  // The leader reads approved records only.
  const where = "deleted_at IS NULL AND review_state = 'approved' AND street_id = ?";
  const n = scalar<number>(`SELECT count(*) FROM enterprises WHERE ${where}`, street);
  expect(n, "more rows than one page").toBeGreaterThan(20);
  const rd = scalar<number>(`SELECT sum(latest_rd_expense) FROM enterprises WHERE ${where}`, street);
  const revenue = scalar<number>(`SELECT sum(latest_revenue) FROM enterprises WHERE ${where}`, street);
  const fmt = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });
  const total = page.getByTestId("table-total");
  await expect(total).toContainText("合计（全部筛选结果）");
  await expect(total).toContainText(fmt.format(rd));
  await expect(total).toContainText(fmt.format(revenue));
});

test("saved filters: saved per user without the page, applied from the menu, deleted; another user cannot delete them", async ({
  browser,
}) => {
  const leader = await contextAs(browser, "leader");
  const page = await leader.newPage();
  const name = uniqueName("在册软件");
  const street = scalar<number>("SELECT id FROM dictionary_items WHERE kind='street' AND code='longxi'");
  await page.goto(`/enterprises?status=active&street=${street}&page=2`);
  await waitForHydration(page);
  const menu = page.getByRole("button", { name: /^已存筛选/ });
  await menu.click();
  await page.getByPlaceholder("筛选名称").fill(name);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("toasts")).toContainText(`已保存筛选“${name}”`);
  const leaderId = scalar<number>("SELECT id FROM users WHERE username = 'leader'");
  const saved = row<{ id: number; query: string; list: string }>(
    "SELECT id, query, list FROM saved_filters WHERE user_id = ? AND name = ?",
    leaderId,
    name,
  );
  expect(saved).toMatchObject({ list: "enterprises", query: `status=active&street=${street}` });

  // Applied from the menu on the unfiltered list.
  await page.goto("/enterprises");
  await waitForHydration(page);
  await menu.click();
  await page.getByTestId("saved-filters").getByRole("link", { name }).click();
  await page.waitForURL(
    (u) => u.searchParams.get("street") === String(street) && u.searchParams.get("status") === "active",
  );

  // Another user neither sees it nor can delete it (a replayed request with its id is refused).
  const staff = await contextAs(browser, "staff");
  const other = await staff.newPage();
  await other.goto("/enterprises");
  await waitForHydration(other);
  await other.getByRole("button", { name: /^已存筛选/ }).click();
  await expect(other.getByRole("link", { name })).toHaveCount(0);

  await menu.click();
  const remove = await captureAction(page, () => page.getByRole("button", { name: `删除筛选“${name}”` }).click());
  await expect(page.getByTestId("toasts")).toContainText("已删除筛选");
  expect(scalar("SELECT count(*) FROM saved_filters WHERE id = ?", saved?.id)).toBe(0);

  // The same delete, replayed by the staff account against a filter of the leader's: refused, nothing deleted.
  const again = withDb(
    (db) =>
      db
        .prepare("INSERT INTO saved_filters (user_id, list, name, query) VALUES (?, 'enterprises', ?, 'status=active')")
        .run(leaderId, `${name}2`).lastInsertRowid as number,
  );
  const body = remove.body.replace(/"id":\d+/, `"id":${again}`);
  expect((await replayAction(staff, remove, body)).text).toContain('"ok":false');
  expect(scalar("SELECT count(*) FROM saved_filters WHERE id = ?", again)).toBe(1);
  expect((await replayAction(leader, remove, body)).text).toContain('"ok":true');
  expect(scalar("SELECT count(*) FROM saved_filters WHERE id = ?", again)).toBe(0);
  await staff.close();
  await leader.close();
});

test("at 1366 px the enterprise list shows its essential columns without scrolling sideways", async ({ browser }) => {
  const ctx = await contextAs(browser, "staff");
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/enterprises");
  await waitForHydration(page);
  for (const header of [
    "企业名称",
    "统一社会信用代码",
    "所属镇街",
    "产业链",
    "R&D经费（万元）",
    "营业收入（万元）",
    "状态",
  ])
    await expect(page.getByRole("columnheader", { name: header })).toBeVisible();
  const fits = await page
    .getByTestId("table-enterprises")
    .evaluate((t) => (t.parentElement ? t.parentElement.scrollWidth <= t.parentElement.clientWidth : false));
  expect(fits).toBe(true);
  // The others are one tick away under 显示列.
  await page.getByRole("button", { name: "显示列" }).click();
  await page.getByRole("checkbox", { name: "成立日期" }).check();
  await expect(page.getByRole("columnheader", { name: "成立日期" })).toBeVisible();
  await ctx.close();
});
