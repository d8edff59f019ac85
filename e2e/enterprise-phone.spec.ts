import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { captureAction, contextAs, replayAction } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { freshCreditCode } from "./fixtures/registry";

// Issue 11: the enterprise 联系电话 is personal data like the talent's phone — masked everywhere, the edit
// form never carries it, and the full number leaves the server only through the logged enterprise.reveal.

/** A phone unique to this test run, so a leak cannot be confused with another record's number. */
const freshPhone = () => `139${String(Date.now() % 1e8).padStart(8, "0")}`;
const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

function seedEnterprise(phone: string): { id: number; name: string } {
  const name = uniqueName("联系电话测试企业");
  const id = withDb((db) => {
    const street = db
      .prepare("SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id LIMIT 1")
      .pluck()
      .get();
    return Number(
      db
        .prepare(
          "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, contact_name, contact_phone) VALUES (?, ?, '王法人', '2015-06-01', 500, ?, '赵联系', ?)",
        )
        .run(name, freshCreditCode(), street, phone).lastInsertRowid,
    );
  });
  return { id, name };
}

async function assertNoLeak(context: BrowserContext, page: Page, url: string, phone: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  const dom = await page.content();
  const html = await (await context.request.get(url)).text();
  const rscRes = await context.request.get(url, { headers: { RSC: "1" } });
  expect(rscRes.headers()["content-type"]).toContain("text/x-component");
  const rsc = await rscRes.text();
  for (const [what, text] of [
    ["DOM", dom],
    ["HTML", html],
    ["RSC", rsc],
  ] as const) {
    expect(text, `${what} of ${url}`).not.toContain(phone);
    expect(text, `${what} of ${url} shows the masked number`).toContain(masked(phone));
  }
}

async function confirmDialog(page: Page, button: string) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button }).click();
}

test("the raw contact phone is in neither the detail nor the edit page (HTML, DOM, RSC); an untouched edit keeps it", async ({
  browser,
}) => {
  const phone = freshPhone();
  const { id } = seedEnterprise(phone);
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await assertNoLeak(staff, page, `/enterprises/${id}`, phone);
  await assertNoLeak(staff, page, `/enterprises/${id}/edit`, phone);

  // The edit form: empty phone field, the masked number as placeholder, a hint that empty keeps it.
  await expect(page.getByLabel(/^联系电话/)).toHaveValue("");
  await expect(page.getByLabel(/^联系电话/)).toHaveAttribute("placeholder", masked(phone));
  await expect(page.getByText("留空则保留原值")).toBeVisible();
  await page.getByLabel("联系人").fill("钱新联系人");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  await expect(page.getByText("钱新联系人")).toBeVisible();
  expect(row("SELECT contact_phone AS phone, contact_name AS name FROM enterprises WHERE id = ?", id)).toEqual({
    phone,
    name: "钱新联系人",
  });

  // A new number replaces it; "clear" removes it.
  const next = freshPhone().replace(/^139/, "137");
  await page.goto(`/enterprises/${id}/edit`);
  await page.getByLabel(/^联系电话/).fill(next);
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  await expect(page.getByTestId("enterprise-phone")).toHaveText(masked(next));
  await page.goto(`/enterprises/${id}/edit`);
  await page.getByLabel("清除已登记的联系电话").check();
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  await expect(page.getByTestId("enterprise-phone")).toHaveText("—");
  expect(scalar("SELECT contact_phone FROM enterprises WHERE id = ?", id)).toBeNull();
  await staff.close();
});

test("staff reveals one enterprise's phone (logged without the number); the leader cannot, not even by replay", async ({
  browser,
}) => {
  const phone = freshPhone();
  const { id } = seedEnterprise(phone);
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.goto(`/enterprises/${id}`);
  await expect(page.getByTestId("enterprise-phone")).toHaveText(masked(phone));

  const okRows = () =>
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'enterprise.reveal' AND result = 'ok' AND object_type = 'enterprise' AND object_id = ?",
      String(id),
    );
  const okBefore = okRows();
  await page.getByRole("button", { name: "查看完整号码" }).click();
  const action = await captureAction(page, () => confirmDialog(page, "查看完整号码"));
  await expect(page.getByTestId("enterprise-phone")).toHaveText(phone);
  await expect(page.getByText("本次查看已记入操作日志")).toBeVisible();
  expect(okRows()).toBe(okBefore + 1);
  const log = row<Record<string, unknown>>(
    "SELECT * FROM operation_logs WHERE action = 'enterprise.reveal' AND object_id = ? AND username = 'staff' ORDER BY id DESC LIMIT 1",
    String(id),
  );
  expect(String(log?.message)).toContain("contactPhone");
  expect(JSON.stringify(log)).not.toContain(phone);

  // A reload is masked again.
  await page.reload();
  await expect(page.getByTestId("enterprise-phone")).toHaveText(masked(phone));

  // The leader: no button, and the replayed action is refused on the server with nothing revealed.
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto(`/enterprises/${id}`);
  await expect(lp.getByTestId("enterprise-phone")).toHaveText(masked(phone));
  await expect(lp.getByRole("button", { name: "查看完整号码" })).toHaveCount(0);
  const denied = () =>
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'enterprise.reveal' AND result = 'denied' AND username = 'leader'",
    );
  const deniedBefore = denied();
  const refused = await replayAction(leader, action, action.body);
  expect(refused.text).toContain('"code":"forbidden"');
  expect(refused.text).not.toContain(phone);
  expect(denied()).toBe(deniedBefore + 1);
  await leader.close();

  // Control: the same request with the staff cookie is answered and logged.
  const control = await replayAction(staff, action, action.body);
  expect(control.text).toContain('"ok":true');
  expect(control.text).toContain(phone);
  expect(okRows()).toBe(okBefore + 2);
  await staff.close();
});
