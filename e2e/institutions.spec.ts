import { expect, type Page, test } from "@playwright/test";
import { captureAction, contextAs, replayAction } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";

// 研发机构 registry, what is its own: the host enterprise, the list's facets, field validation, a forged host,
// and text that must stay text (page and CSV). The life of a record, search, sorting, exports, import, stale
// edits and refused replays are the registry contract (registry-contract.spec.ts).

const typeId = (code: string) =>
  scalar<number>("SELECT id FROM dictionary_items WHERE kind = 'institution_type' AND code = ?", code);

/** A live tech enterprise to host institutions (the enterprise registry has its own tests). */
function seedEnterprise(name: string, opts: { deleted?: boolean } = {}): number {
  const code = `9150${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
    .toUpperCase()
    .slice(0, 18)
    .padEnd(18, "0");
  return withDb(
    (db) =>
      db
        .prepare(
          `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, deleted_at)
           VALUES (?, ?, '测试法人', '2015-03-01', 100, (SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id LIMIT 1), ?)`,
        )
        .run(name, code, opts.deleted ? new Date().toISOString() : null).lastInsertRowid as number,
  );
}

/** Institutions written straight into the database, for tests that are not about creating one. */
function seedInstitution(v: {
  name: string;
  type: string;
  level: string;
  recognisedDate: string;
  staffCount: number;
  hostOrganisation?: string;
}): number {
  return withDb(
    (db) =>
      db
        .prepare(
          `INSERT INTO institutions (name, type_id, level, host_organisation, recognised_date, staff_count)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(v.name, typeId(v.type), v.level, v.hostOrganisation ?? "重庆大学", v.recognisedDate, v.staffCount)
        .lastInsertRowid as number,
  );
}

const count = (name: string) => scalar<number>("SELECT count(*) FROM institutions WHERE name = ?", name);

/** Tomorrow in Beijing time (the app's "today"). */
function tomorrowBeijing(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
}

async function fillForm(
  page: Page,
  v: {
    name: string;
    type?: string;
    level?: string;
    hostEnterprise?: string;
    hostOrganisation?: string;
    date?: string;
    field?: string;
    staff?: string;
  },
) {
  await page.getByLabel("机构名称").fill(v.name);
  await page.getByLabel("机构类型").selectOption({ label: v.type ?? "企业技术中心" });
  await page.getByLabel("级别").selectOption({ label: v.level ?? "市级" });
  if (v.hostEnterprise) {
    await page.getByLabel("依托企业").fill(v.hostEnterprise);
    await page.getByRole("option", { name: v.hostEnterprise }).click();
    await expect(page.getByTestId("enterprise-chosen")).toContainText(v.hostEnterprise);
  }
  if (v.hostOrganisation) await page.getByLabel("依托单位名称").fill(v.hostOrganisation);
  await page.getByLabel("认定日期").fill(v.date ?? "2021-06-18");
  if (v.field) await page.getByLabel("研究领域").fill(v.field);
  await page.getByLabel("研发人员数").fill(v.staff ?? "10");
}

test("a host enterprise chosen in the picker links both ways; deleting the institution takes it off the host's page", async ({
  browser,
}) => {
  const entName = uniqueName("依托企业");
  const entId = seedEnterprise(entName);
  const name = uniqueName("智能网联汽车研究院");
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();

  await page.goto("/institutions/new");
  await fillForm(page, { name, hostEnterprise: entName, field: "智能网联汽车", staff: "10" });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/institutions\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByTestId("host-enterprise-link")).toHaveAttribute("href", `/enterprises/${entId}`);
  expect(row("SELECT host_enterprise_id, level, status FROM institutions WHERE id = ?", id)).toEqual({
    host_enterprise_id: entId,
    level: "municipal",
    status: "active",
  });
  // The host enterprise's page lists it; the edit form shows the chosen host.
  await page.goto(`/enterprises/${entId}`);
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", `/institutions/${id}`);
  await page.goto(`/institutions/${id}/edit`);
  await expect(page.getByTestId("enterprise-chosen")).toContainText(entName);

  // Soft delete, after a confirmation naming it: the host's page no longer lists it.
  await page.goto(`/institutions/${id}`);
  await page.getByRole("button", { name: "删除" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`确定删除“${name}”吗？`);
  await dialog.getByRole("button", { name: "确认" }).click();
  await page.waitForURL(/\/institutions$/);
  await page.goto(`/enterprises/${entId}`);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await staff.close();
});

test("the list filters by facets held in the URL; leader and auditor access", async ({ browser }) => {
  const tag = uniqueName("筛选");
  const a = seedInstitution({
    name: `${tag}重点实验室甲`,
    type: "key_laboratory",
    level: "municipal",
    recognisedDate: "2019-05-01",
    staffCount: 40,
  });
  const b = seedInstitution({
    name: `${tag}技术中心乙`,
    type: "enterprise_tech_center",
    level: "municipal",
    recognisedDate: "2022-09-01",
    staffCount: 12,
  });
  const c = seedInstitution({
    name: `${tag}重点实验室丙`,
    type: "key_laboratory",
    level: "national",
    recognisedDate: "2023-01-10",
    staffCount: 90,
  });
  withDb((db) => db.prepare("UPDATE institutions SET status = 'revoked' WHERE id = ?").run(b));
  const ctx = await contextAs(browser, "leader");
  const page = await ctx.newPage();
  const names = () =>
    page.getByTestId("table-institutions").locator("tbody tr td a[href^='/institutions/']").allTextContents();

  // ?q= name search
  await page.goto(`/institutions?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 3 条");
  await expect(page.getByRole("searchbox")).toHaveValue(tag);

  // facets through the URL, shown in the selects
  const q = encodeURIComponent(tag);
  await page.goto(`/institutions?q=${q}&type=${typeId("key_laboratory")}&level=municipal`);
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  expect(await names()).toEqual([`${tag}重点实验室甲`]);
  await expect(page.getByLabel("机构类型")).toHaveValue(String(typeId("key_laboratory")));
  await expect(page.getByLabel("级别")).toHaveValue("municipal");

  await page.goto(`/institutions?q=${q}&status=revoked`);
  expect(await names()).toEqual([`${tag}技术中心乙`]);

  await page.goto(`/institutions?q=${q}&yearFrom=2020&yearTo=2022`);
  expect(await names()).toEqual([`${tag}技术中心乙`]);
  await page.goto(`/institutions?q=${q}&yearFrom=2022`);
  await expect(page.getByTestId("total-count")).toHaveText("共 2 条");

  // Changing a facet in the UI writes it to the URL.
  await page.goto(`/institutions?q=${q}`);
  await waitForHydration(page);
  await page.getByLabel("级别").selectOption("national");
  await expect(page).toHaveURL(/level=national/);
  await expect.poll(names).toEqual([`${tag}重点实验室丙`]);

  // The leader reads but sees no write controls.
  await expect(page.getByRole("link", { name: "新建研发机构" })).toHaveCount(0);
  await page.goto(`/institutions/${a}`);
  await expect(page.getByRole("heading", { name: `${tag}重点实验室甲` })).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "删除" })).toHaveCount(0);
  // The write pages render the 403 page (inside the registry's loading boundary the status line is
  // already sent, so the page content, not the HTTP status, is what can be checked here).
  for (const path of ["/institutions/new", `/institutions/${c}/edit`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "403 · 无权访问" })).toBeVisible();
    await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
  }
  await ctx.close();

  // The auditor has no registry access at all: a real 403, list, detail and export alike.
  const auditor = await contextAs(browser, "auditor");
  const au = await auditor.newPage();
  for (const path of ["/institutions", `/institutions/${a}`]) {
    expect((await au.goto(path))?.status()).toBe(403);
    await expect(au.getByRole("heading", { name: "403 · 无权访问" })).toBeVisible();
  }
  expect((await auditor.request.get("/institutions/export")).status()).toBe(403);
  await auditor.close();
});

test("negative staff, a future date, a 10,000-character name and a missing host are refused field by field", async ({
  browser,
}) => {
  const ctx = await contextAs(browser, "staff");
  const page = await ctx.newPage();
  await page.goto("/institutions/new");
  const invalidBefore = scalar(
    "SELECT count(*) FROM operation_logs WHERE action = 'institution.create' AND result = 'invalid'",
  );

  // An empty submit names every problem at once, the host rule included.
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-name-error")).toHaveText("此项为必填项");
  await expect(page.locator("#f-hostOrganisation-error")).toHaveText(
    "请选择依托企业或填写依托单位名称（至少填写一项）",
  );

  const name1 = uniqueName("负数人员");
  await fillForm(page, { name: name1, hostOrganisation: "西南大学", staff: "-3" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-staffCount-error")).toHaveText("不能为负数");
  await expect(page.getByLabel("研发人员数")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("机构名称")).toHaveValue(name1); // kept what was typed
  await expect(page.getByLabel("依托单位名称")).toHaveValue("西南大学");
  expect(count(name1)).toBe(0);

  const name2 = uniqueName("未来日期");
  const tomorrow = tomorrowBeijing();
  await fillForm(page, { name: name2, hostOrganisation: "西南大学", date: tomorrow, staff: "5" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-recognisedDate-error")).toHaveText("日期不能晚于今天");
  await expect(page.locator("#f-staffCount-error")).toBeEmpty();
  await expect(page.getByLabel("认定日期")).toHaveValue(tomorrow);
  expect(count(name2)).toBe(0);

  // A crafted 10,000-character name (the input's own maxlength removed first).
  const long = `超长名称${"研".repeat(9_996)}`;
  expect(long).toHaveLength(10_000);
  await fillForm(page, { name: "x", hostOrganisation: "西南大学", staff: "5" });
  const nameInput = page.getByLabel("机构名称");
  await nameInput.evaluate((el) => el.removeAttribute("maxlength"));
  await nameInput.fill(long);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-name-error")).toHaveText("内容过长（不超过 100 个字）");
  expect(scalar("SELECT count(*) FROM institutions WHERE name LIKE '超长名称%'")).toBe(0);

  // Neither a host enterprise nor a host organisation.
  const name4 = uniqueName("无依托");
  await fillForm(page, { name: name4, staff: "5" });
  await page.getByLabel("依托单位名称").fill("");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-hostOrganisation-error")).toHaveText(
    "请选择依托企业或填写依托单位名称（至少填写一项）",
  );
  expect(count(name4)).toBe(0);

  expect(scalar("SELECT count(*) FROM operation_logs WHERE action = 'institution.create' AND result = 'invalid'")).toBe(
    invalidBefore + 5,
  );
  await ctx.close();
});

test("a replayed create naming a deleted or missing host is refused; the staff control succeeds", async ({
  browser,
}) => {
  const entName = uniqueName("回放企业");
  const entId = seedEnterprise(entName);
  const deletedEnt = seedEnterprise(uniqueName("已删企业"), { deleted: true });
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.goto("/institutions/new");
  const original = uniqueName("回放原始");
  await fillForm(page, { name: original, hostEnterprise: entName });
  const action = await captureAction(page, () => page.getByRole("button", { name: "保存" }).click());
  await page.waitForURL(/\/institutions\/\d+$/);
  expect(action.body).toContain(original);
  expect(count(original)).toBe(1);

  // A forged host id: a soft-deleted enterprise, or one that does not exist.
  const hostField = /(name="[^"]*hostEnterpriseId"\r\n\r\n)\d+/;
  expect(action.body).toMatch(hostField);
  for (const forged of [deletedEnt, 987_654_321]) {
    const n = uniqueName("伪造依托");
    const body = action.body.replaceAll(original, n).replace(hostField, `$1${forged}`);
    const r = await replayAction(staff, action, body);
    expect(r.text).toContain('"code":"invalid"');
    expect(r.text).toContain("所选企业不存在或已被删除");
    expect(count(n)).toBe(0);
  }

  // Control: the same request with fresh values, as staff, is written.
  const control = uniqueName("回放对照");
  const ok = await replayAction(staff, action, action.body.replaceAll(original, control));
  expect(ok.text).toContain('"ok":true');
  expect(row("SELECT host_enterprise_id, created_by FROM institutions WHERE name = ?", control)).toEqual({
    host_enterprise_id: entId,
    created_by: scalar("SELECT id FROM users WHERE username = 'staff'"),
  });
  await staff.close();
});

test("formula and script names are shown as text and neutralised in the CSV export", async ({ browser }) => {
  const tag = uniqueName("注入");
  const name = `=HYPERLINK("http://x","y")<script>alert(1)</script>${tag}`;
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  page.on("dialog", (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto("/institutions/new");
  await fillForm(page, { name, hostOrganisation: "+cmd|' /C calc'!A0", field: "@SUM(1+1)" });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/institutions\/\d+$/);
  expect(count(name)).toBe(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await page.goto(`/institutions?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("table-institutions").getByRole("link", { name })).toHaveText(name);
  expect(await page.locator("script", { hasText: "alert(1)" }).count()).toBe(0);

  const res = await staff.request.get(`/institutions/export?q=${encodeURIComponent(tag)}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  const lines = text.split("\r\n").filter(Boolean);
  expect(lines[0]).toBe(
    "机构名称,机构类型,级别,依托企业,依托企业统一社会信用代码,依托单位名称,认定日期,研究领域,研发人员数,状态,示例数据",
  );
  expect(lines).toHaveLength(2);
  const escaped = `'${name}`.replaceAll('"', '""');
  expect(lines[1]).toBe(`"${escaped}",企业技术中心,市级,,,'+cmd|' /C calc'!A0,2021-06-18,'@SUM(1+1),10,有效,否`);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'registry.exportCsv' AND object_type = 'institution' AND username = 'staff'",
    ),
  ).toBeGreaterThanOrEqual(1);
  await staff.close();
});
