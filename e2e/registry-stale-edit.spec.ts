import { type BrowserContext, expect, type Locator, test } from "@playwright/test";
import { contextAs } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";

// A registry record saved by someone else since the form (or the detail page) was opened: the second save is
// refused by the registry write path with who changed it, when, and the record's current values — not a generic
// "changed by someone" — and the first save is intact. (Institutions stand for the four registries: they share
// the one write path, features/registry/write.ts.)

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});
async function pageAs(browser: import("@playwright/test").Browser, username: string) {
  const ctx = await contextAs(browser, username);
  contexts.push(ctx);
  return ctx.newPage();
}

function seedInstitution(name: string, staffCount: number): number {
  // A type no published figure counts: other spec files check those figures in parallel.
  const typeId = scalar<number>(
    "SELECT id FROM dictionary_items WHERE kind = 'institution_type' AND code = 'key_laboratory'",
  );
  return withDb(
    (db) =>
      db
        .prepare(
          `INSERT INTO institutions (name, type_id, level, host_organisation, recognised_date, staff_count)
           VALUES (?, ?, 'district', '重庆大学', '2020-04-01', ?)`,
        )
        .run(name, typeId, staffCount).lastInsertRowid as number,
  );
}

async function expectRefusedBy(where: Locator, who: string, current: (string | RegExp)[]) {
  const alert = where.getByRole("alert").filter({ hasText: "未保存" });
  await expect(alert).toContainText(`未保存：该记录已被 ${who} 于`);
  await expect(alert).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改/);
  for (const c of current) await expect(alert.getByTestId("conflict-current")).toContainText(c);
}

test("edit: the second saver sees who changed the institution and its current values", async ({ browser }) => {
  const name = uniqueName("过期编辑");
  const id = seedInstitution(name, 7);
  const staff = await pageAs(browser, "staff");
  const admin = await pageAs(browser, "admin");
  for (const p of [staff, admin]) await p.goto(`/institutions/${id}/edit`);

  await admin.getByLabel("研发人员数").fill("8");
  await admin.getByRole("button", { name: "保存" }).click();
  await admin.waitForURL(new RegExp(`/institutions/${id}$`));

  await staff.getByLabel("研发人员数").fill("9");
  await staff.getByRole("button", { name: "保存" }).click();
  await expectRefusedBy(staff.locator("form"), "王管理", ["研发人员数", "8", "机构名称", name, "区级"]);
  // Nothing the user typed is lost, and nothing of the other save is overwritten.
  await expect(staff.getByLabel("研发人员数")).toHaveValue("9");
  expect(row("SELECT staff_count, version FROM institutions WHERE id = ?", id)).toEqual({ staff_count: 8, version: 2 });
  // The refusal is in the operation log with the record as it was found.
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'institution.update' AND result = 'invalid' AND message = 'errors.conflict' AND detail LIKE ?",
      `%${name}%`,
    ),
  ).toBe(1);
});

test("delete: a record changed since the page was opened is not deleted; who changed it is shown", async ({
  browser,
}) => {
  const name = uniqueName("过期删除");
  const id = seedInstitution(name, 5);
  const staff = await pageAs(browser, "staff");
  await staff.goto(`/institutions/${id}`);

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/institutions/${id}/edit`);
  await admin.getByLabel("研发人员数").fill("12");
  await admin.getByRole("button", { name: "保存" }).click();
  await admin.waitForURL(new RegExp(`/institutions/${id}$`));

  await staff.getByRole("button", { name: "删除" }).click();
  await staff.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expectRefusedBy(staff.locator("main"), "王管理", ["研发人员数", "12"]);
  expect(row("SELECT deleted_at, staff_count, version FROM institutions WHERE id = ?", id)).toEqual({
    deleted_at: null,
    staff_count: 12,
    version: 2,
  });
});
