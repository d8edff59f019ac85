import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { freshCreditCode } from "./fixtures/registry";

// 录入 → 审核: what a 镇街 account (street, 仙桃街道) enters or changes counts on the board only once a reviewer
// (staff, 全区) approves it; returned items carry a reason and are resubmitted; an approved record edited by
// street keeps counting with its approved values until the edit is approved. Forbidden decisions are replayed
// server-side and refused with nothing written, next to a control that succeeds.

const KEY = "municipal_tech_enterprises";
const num = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
};

async function boardFigure(page: Page): Promise<number> {
  await page.goto("/");
  return num(await page.getByTestId(`kpi-${KEY}`).getByTestId("kpi-value").textContent());
}

/** street's new enterprise (仙桃街道 is preselected for a 镇街 account); returns its id. */
async function createAsStreet(page: Page, name: string): Promise<number> {
  await page.goto("/enterprises/new");
  await waitForHydration(page);
  await page.getByLabel("企业名称").fill(name);
  await page.getByLabel("统一社会信用代码").fill(freshCreditCode());
  await page.getByLabel("法定代表人").fill("王审核");
  await page.getByLabel("成立日期").fill("2016-05-01");
  await page.getByLabel("注册资本（万元）").fill("500");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  return Number(page.url().split("/").pop());
}

const itemOf = (page: Page, name: string): Locator => page.getByTestId("review-item").filter({ hasText: name });
const openItem = (objectType: string, id: number) =>
  row<{ id: number; version: number; state: string; op: string; reason: string | null }>(
    "SELECT id, version, state, op, reason FROM review_items WHERE object_type = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
    objectType,
    id,
  );

async function approve(page: Page, item: Locator) {
  await item.getByRole("button", { name: "通过" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("review-message")).toContainText("已审核通过");
}

test("a 镇街 entry with a 市级科技型企业 qualification counts only once approved: unchanged, then +1", async ({
  browser,
  page,
}) => {
  const staff: BrowserContext = await contextAs(browser, "staff");
  const sp = await staff.newPage();
  const before = await boardFigure(sp);

  await signInAs(page, "street");
  const name = uniqueName("待审企业");
  const id = await createAsStreet(page, name);
  await expect(page.getByTestId("review-banner")).toContainText("尚未通过审核");
  const quals = page.getByRole("form", { name: "新增资质" });
  await quals.getByLabel("资质类型").selectOption({ label: "市级科技型企业" });
  await quals.getByLabel("认定日期").fill("2020-06-01");
  await quals.getByRole("button", { name: "新增资质" }).click();
  await expect(page.getByTestId("qualifications")).toContainText("2020-06-01");
  expect(row("SELECT review_state AS s FROM enterprises WHERE id = ?", id)).toEqual({ s: "pending" });

  // Marked in street's list; the leader (who does not review) does not see it at all.
  await page.goto(`/enterprises?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name }).getByText("待审核")).toBeVisible();
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto(`/enterprises?q=${encodeURIComponent(name)}`);
  await expect(lp.getByTestId("total-count")).toHaveText("共 0 条");
  await lp.goto(`/enterprises/${id}`);
  await expect(lp.getByRole("heading", { name: "404 · 页面不存在" })).toBeVisible();
  await leader.close();

  // Not counted on the board.
  expect(await boardFigure(sp)).toBe(before);

  // 通知与待办 tells the reviewer; the queue: both submissions, the new record's fields as a diff; the nav shows
  // the queue's size.
  await sp.goto("/notifications");
  await expect(sp.getByText(/镇街、园区提交的记录待审核/).first()).toBeVisible();
  await sp.goto("/review");
  await expect(sp.getByTestId("nav-count-review")).toBeVisible();
  const items = itemOf(sp, name);
  await expect(items).toHaveCount(2);
  const enterpriseItem = items.filter({ hasText: "科技企业" }).filter({ hasText: "新增" }).first();
  await expect(enterpriseItem.getByTestId("review-diff")).toContainText(name);
  await expect(enterpriseItem.getByTestId("review-diff")).toContainText("仙桃街道");
  await shot(sp, "review-queue");
  await approve(sp, enterpriseItem);
  // The enterprise is approved, its qualification still pending: still not counted.
  expect(await boardFigure(sp)).toBe(before);
  await sp.goto("/review");
  await approve(sp, itemOf(sp, name).filter({ hasText: "企业资质" }));
  expect(await boardFigure(sp)).toBe(before + 1);

  // The history names the approval with who submitted and who reviewed.
  await sp.goto(`/enterprises/${id}?tab=history`);
  await expect(sp.getByText("审核通过").first()).toBeVisible();
  const log = row<{ username: string; detail: string }>(
    "SELECT username, detail FROM operation_logs WHERE action = 'review.approve' AND object_type = 'enterprise' AND object_id = ? ORDER BY id DESC LIMIT 1",
    String(id),
  );
  expect(log?.username).toBe("staff");
  const detail = JSON.parse(log?.detail ?? "{}");
  expect(detail.submittedBy).toBe(scalar("SELECT id FROM users WHERE username = 'street'"));
  expect(detail.submittedAt).toBeTruthy();
  expect(detail.reviewedAt).toBeTruthy();
  // Leave the published figure as the other tests of this worker expect it: the bureau deletes the record again.
  withDb((db) => db.prepare("UPDATE enterprises SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(id));
  expect(await boardFigure(sp)).toBe(before);
  await staff.close();
});

test("returned with a reason, corrected by the submitter and resubmitted, then approved", async ({ browser, page }) => {
  await signInAs(page, "street");
  const name = uniqueName("退回企业");
  const id = await createAsStreet(page, name);
  const staff = await contextAs(browser, "staff");
  const sp = await staff.newPage();
  await sp.goto("/review");
  const item = itemOf(sp, name);
  await item.getByRole("button", { name: "退回" }).click();
  // A return needs a reason (the browser's required check, and the server's).
  await item.getByLabel("退回原因").fill("注册资本与营业执照不一致");
  await item.getByRole("button", { name: "退回" }).click();
  await expect(sp.getByTestId("review-message")).toContainText("已退回");
  expect(openItem("enterprise", id)).toMatchObject({ state: "returned", reason: "注册资本与营业执照不一致" });

  // The submitter is told (通知与待办) and sees the reason in their submissions and on the record.
  await page.goto("/notifications");
  await expect(page.getByText(/您提交的记录被退回/).first()).toBeVisible();
  await page.goto("/review");
  const mine = itemOf(page, name);
  await expect(mine.getByTestId("review-reason")).toHaveText("退回原因：注册资本与营业执照不一致");
  await shot(page, "review-returned");
  await mine.getByRole("link", { name: "修改记录" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}/edit$`));
  await waitForHydration(page);
  await page.getByLabel("注册资本（万元）").fill("800");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  await expect(page.getByTestId("review-banner")).toContainText("尚未通过审核");
  expect(openItem("enterprise", id)).toMatchObject({ state: "pending", op: "create" });

  await sp.goto("/review");
  await expect(itemOf(sp, name).getByTestId("review-diff")).toContainText("800");
  await approve(sp, itemOf(sp, name));
  expect(row("SELECT registered_capital AS c, review_state AS s FROM enterprises WHERE id = ?", id)).toEqual({
    c: 800,
    s: "approved",
  });
  await staff.close();
});

test("an approved record edited by street keeps counting with its approved values until the edit is approved", async ({
  browser,
  page,
}) => {
  // An approved, active 仙桃街道 enterprise counted by the card (a valid 市级科技型企业 qualification at 2021-03-31),
  // entered here by the bureau (全区, approved) so that no seeded record is changed for the other tests.
  const id = withDb((db) => {
    const xt = db.prepare("SELECT id FROM dictionary_items WHERE kind = 'street' AND code = 'xiantao'").pluck().get();
    const mte = db
      .prepare(
        "SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = 'municipal_tech_enterprise'",
      )
      .pluck()
      .get();
    const e = Number(
      db
        .prepare(
          `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id)
           VALUES (?, ?, '王在册', '2012-03-01', 800, ?)`,
        )
        .run(uniqueName("在册企业"), freshCreditCode(), xt).lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO enterprise_qualifications (enterprise_id, type_id, awarded_date) VALUES (?, ?, '2019-05-01')",
    ).run(e, mte);
    return e;
  });
  const name = scalar<string>("SELECT name FROM enterprises WHERE id = ?", id);
  const staff = await contextAs(browser, "staff");
  const sp = await staff.newPage();
  const before = await boardFigure(sp);

  await signInAs(page, "street");
  await page.goto(`/enterprises/${id}/edit`);
  await waitForHydration(page);
  await page.getByLabel("状态").selectOption({ label: "注销" });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  await expect(page.getByTestId("review-banner")).toContainText("等待审核");
  // The approved values stay: the record is active and still counted; the list marks the change.
  expect(scalar("SELECT status FROM enterprises WHERE id = ?", id)).toBe("active");
  expect(await boardFigure(sp)).toBe(before);
  await page.goto(`/enterprises?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name }).getByText("修改待审核")).toBeVisible();
  // street's editor shows what they submitted.
  await page.goto(`/enterprises/${id}/edit`);
  await expect(page.getByLabel("状态")).toHaveValue("deregistered");

  await sp.goto("/review");
  const item = itemOf(sp, name);
  await expect(item.getByTestId("review-diff")).toContainText("在册");
  await expect(item.getByTestId("review-diff")).toContainText("注销");
  await approve(sp, item);
  expect(scalar("SELECT status FROM enterprises WHERE id = ?", id)).toBe("deregistered");
  expect(await boardFigure(sp)).toBe(before - 1);
  await staff.close();
});

test("decisions replayed by the wrong user or on a changed submission are refused, nothing written; controls succeed", async ({
  browser,
  page,
}) => {
  await signInAs(page, "street");
  const [n1, n2, n3] = [uniqueName("越权审核"), uniqueName("对照审核"), uniqueName("过期审核")];
  const [id1, id2, id3] = [
    await createAsStreet(page, n1),
    await createAsStreet(page, n2),
    await createAsStreet(page, n3),
  ];
  const staff = await contextAs(browser, "staff");
  const sp = await staff.newPage();
  await sp.goto("/review");
  await waitForHydration(sp);
  // Capture a real approval (of n2: it succeeds, the control of the pair below).
  const i2 = itemOf(sp, n2);
  await i2.getByRole("button", { name: "通过" }).click();
  const approval = await captureAction(sp, () => sp.getByRole("dialog").getByRole("button", { name: "确认" }).click());
  expect(row("SELECT review_state AS s FROM enterprises WHERE id = ?", id2)).toEqual({ s: "approved" });
  const item1 = openItem("enterprise", id1)!;
  const forItem = (it: { id: number; version: number }) =>
    approval.body.replace(/"id":\d+/, `"id":${it.id}`).replace(/"version":\d+/, `"version":${it.version}`);
  expect(forItem(item1)).not.toBe(approval.body);

  // street (a 镇街 account: its staff role holds registry.review, its scope is not the district's) is refused.
  const byStreet = await replayAction(page.context(), approval, forItem(item1));
  expect(byStreet.text).toContain('"ok":false');
  expect(openItem("enterprise", id1)).toMatchObject({ state: "pending", version: item1.version });
  expect(row("SELECT review_state AS s FROM enterprises WHERE id = ?", id1)).toEqual({ s: "pending" });
  // The leader (no registry.review) is refused.
  const leader = await contextAs(browser, "leader");
  expect((await replayAction(leader, approval, forItem(item1))).text).toContain('"ok":false');
  await leader.close();
  expect(openItem("enterprise", id1)).toMatchObject({ state: "pending" });

  // A stale approval: street corrects n3 after the reviewer's page was loaded — the shown version is refused
  // with the item's current state, nothing written; the current version is approved (control).
  const item3 = openItem("enterprise", id3)!;
  await page.goto(`/enterprises/${id3}/edit`);
  await waitForHydration(page);
  await page.getByLabel("注册资本（万元）").fill("650");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id3}$`));
  const stale = await replayAction(staff, approval, forItem(item3));
  expect(stale.text).toContain('"ok":false');
  expect(stale.text).toContain("已有变化");
  expect(row("SELECT review_state AS s FROM enterprises WHERE id = ?", id3)).toEqual({ s: "pending" });
  const current3 = openItem("enterprise", id3)!;
  expect(current3.version).toBe(item3.version + 1);
  expect((await replayAction(staff, approval, forItem(current3))).text).toContain('"ok":true');
  expect(row("SELECT review_state AS s, registered_capital AS c FROM enterprises WHERE id = ?", id3)).toEqual({
    s: "approved",
    c: 650,
  });

  // Approving one's own submission: a 仙桃街道 account that submitted, later given the whole district.
  const password = "Review@2026test";
  const username = uniqueName("selfrev");
  const userId = seedUser(username, "staff", password);
  const xt = scalar<number>("SELECT id FROM dictionary_items WHERE kind = 'street' AND code = 'xiantao'");
  withDb((db) =>
    db.prepare("UPDATE users SET unit_kind = 'street', unit_id = ?, data_scope = 'unit' WHERE id = ?").run(xt, userId),
  );
  const self = await contextAs(browser, username, password);
  const selfPage = await self.newPage();
  const own = await createAsStreet(selfPage, uniqueName("本人提交"));
  withDb((db) => db.prepare("UPDATE users SET data_scope = 'all', version = version + 1 WHERE id = ?").run(userId));
  const ownItem = openItem("enterprise", own)!;
  const refusedOwn = await replayAction(self, approval, forItem(ownItem));
  expect(refusedOwn.text).toContain("不能审核本人提交的记录");
  expect(openItem("enterprise", own)).toMatchObject({ state: "pending", version: ownItem.version });
  // Control: another reviewer approves it.
  expect((await replayAction(staff, approval, forItem(ownItem))).text).toContain('"ok":true');
  expect(openItem("enterprise", own)).toMatchObject({ state: "approved" });
  await self.close();
  await staff.close();
});
