import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { makeCreditCode } from "../lib/credit-code";
import { contextAs } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";

// 孵化载体, what is its own: the list's facets, tenants, field-by-field refusals, the leader's read-only view,
// CSV output and the phone width. The life of a record, search, sorting, exports, import, stale edits and
// refused replays are the registry contract (registry-contract.spec.ts). The database is read to prove what was written.

const dictId = (kind: string, code: string) =>
  scalar<number>("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?", kind, code);
const firstStreet = () =>
  scalar<number>("SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY sort_order, id LIMIT 1");
const countByName = (name: string) => scalar("SELECT count(*) FROM incubators WHERE name = ?", name);

function seedIncubator(values: {
  name: string;
  typeCode?: string;
  level?: string;
  ipItems?: number;
  incubatedTotal?: number;
  status?: string;
}): number {
  return withDb(
    (db) =>
      db
        .prepare(
          `INSERT INTO incubators (name, type_id, level, operator, incubated_total, ip_items, status)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          values.name,
          dictId("incubator_type", values.typeCode ?? "tech_incubator"),
          values.level ?? "district",
          "测试运营公司",
          values.incubatedTotal ?? 0,
          values.ipItems ?? 0,
          values.status ?? "active",
        ).lastInsertRowid as number,
  );
}

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function seedEnterprise(name: string): { id: number; creditCode: string } {
  const body = Array.from({ length: 9 }, () => CHARSET[Math.floor(Math.random() * CHARSET.length)]).join("");
  const creditCode = makeCreditCode("91", "500112", body);
  const id = withDb(
    (db) =>
      db
        .prepare(
          `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(name, creditCode, "张三", "2019-05-01", 500, firstStreet()).lastInsertRowid as number,
  );
  return { id, creditCode };
}

/** Fills the incubator form; counts default to what the form shows (0) unless given. */
async function fillIncubatorForm(page: Page, v: Record<string, string>) {
  const text: Record<string, string> = {
    name: "载体名称",
    operator: "运营主体",
    address: "地址",
    area: "场地面积（平方米）",
    incubatedTotal: "累计孵化企业（家）",
    graduatedTotal: "累计毕业企业（家）",
    ipItems: "知识产权（件）",
    highTechCultivated: "培育高新技术企业（家）",
    recognisedDate: "认定日期",
  };
  const selects: Record<string, string> = { type: "载体类型", level: "级别", street: "所属镇街", status: "状态" };
  for (const [k, val] of Object.entries(v)) {
    if (text[k]) await page.getByRole("textbox", { name: text[k], exact: true }).fill(val);
    else if (selects[k])
      await page.getByRole("combobox", { name: selects[k], exact: true }).selectOption({ label: val });
  }
}

const VALID = {
  type: "众创空间",
  level: "市级",
  operator: "重庆两江孵化运营有限公司",
  street: "双龙湖街道",
  address: "渝北区新牌坊一路 1 号",
  area: "1200.5",
  incubatedTotal: "30",
  graduatedTotal: "5",
  ipItems: "12",
  highTechCultivated: "3",
  recognisedDate: "2021-06-01",
};

async function confirmDialog(page: Page) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "确认" }).click();
}

test("the list filters by facets held in the URL, and a row click opens the record", async ({ browser }) => {
  const token = uniqueName("QX");
  const a = seedIncubator({ name: `${token}甲众创空间`, typeCode: "maker_space", level: "national", ipItems: 5 });
  const b = seedIncubator({ name: `${token}乙孵化器`, typeCode: "tech_incubator", level: "district", ipItems: 50 });
  seedIncubator({ name: `${token}丙已撤销`, typeCode: "tech_incubator", level: "district", status: "revoked" });
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();

  // A facet in the URL: the select shows it and only matching rows remain.
  await page.goto(`/incubators?q=${token}&level=national`);
  await expect(page.getByRole("combobox", { name: "级别", exact: true })).toHaveValue("national");
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  await expect(page.getByRole("link", { name: `${token}甲众创空间` })).toBeVisible();

  await page.goto(`/incubators?q=${token}&type=${dictId("incubator_type", "tech_incubator")}&status=active`);
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  await expect(page.getByRole("link", { name: `${token}乙孵化器` })).toBeVisible();

  await page.goto(`/incubators?q=${token}&status=revoked`);
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  await expect(page.getByRole("link", { name: `${token}丙已撤销` })).toBeVisible();

  await page.goto(`/incubators?q=${token}&level=municipal`);
  await expect(page.getByTestId("total-count")).toHaveText("共 0 条");
  await expect(page.getByText("没有符合条件的记录")).toBeVisible();

  // Choosing a facet in the UI writes it to the URL.
  await page.goto(`/incubators?q=${token}`);
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "级别", exact: true }).selectOption("district");
  await expect(page).toHaveURL(/level=district/);
  await expect(page.getByTestId("total-count")).toHaveText("共 2 条");

  // A click anywhere on a row opens the detail.
  await page.goto(`/incubators?q=${token}&status=active&sort=ipItems.desc`);
  await waitForHydration(page);
  await page.getByTestId("table-incubators").locator("tbody tr").first().locator("td").nth(1).click();
  await page.waitForURL(new RegExp(`/incubators/${b}$`));
  await expect(page.getByRole("heading", { name: `${token}乙孵化器` })).toBeVisible();
  expect(a).not.toBe(b);
  await staff.close();
});

test("tenants: added through the server-side enterprise picker, no double tenancy, move-out date, removal", async ({
  browser,
}) => {
  const entName = uniqueName("在孵测试企业");
  const ent = seedEnterprise(entName);
  const gone = seedEnterprise(`${entName}已删除`);
  withDb((db) => db.prepare("UPDATE enterprises SET deleted_at = '2024-01-01T00:00:00Z' WHERE id = ?").run(gone.id));
  const incName = uniqueName("在孵测试载体");
  const incId = seedIncubator({ name: incName });
  const tenants = () =>
    scalar("SELECT count(*) FROM incubator_tenants WHERE incubator_id = ? AND deleted_at IS NULL", incId);

  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.goto(`/incubators/${incId}`);
  await expect(page.getByText("暂无在孵企业")).toBeVisible();
  const addForm = page.getByRole("form", { name: "添加在孵企业" });

  // The picker searches on the server by credit code prefix (or name) and lists live enterprises only.
  const picker = addForm.getByRole("combobox", { name: "搜索企业" });
  await picker.fill(ent.creditCode.slice(0, 12).toLowerCase());
  await addForm.getByRole("option", { name: new RegExp(entName) }).click();
  await expect(addForm.getByTestId("enterprise-chosen")).toContainText(entName);
  await addForm.getByLabel("入驻日期").fill("2023-03-01");
  await addForm.getByRole("button", { name: "添加在孵企业" }).click();
  const tenantRow = page.getByTestId("tenants").getByRole("row").filter({ hasText: entName });
  await expect(tenantRow).toHaveCount(1);
  await expect(tenantRow.getByText("在孵", { exact: true })).toBeVisible();
  expect(tenants()).toBe(1);

  // The same enterprise cannot be an active tenant twice: a field error, the choice is kept, nothing written.
  await addForm.getByRole("combobox", { name: "搜索企业" }).fill(entName);
  // Only the live enterprise is offered, not the deleted one with the same name prefix.
  await expect(addForm.getByRole("option")).toHaveCount(1);
  await addForm.getByRole("option", { name: new RegExp(entName) }).click();
  await addForm.getByLabel("入驻日期").fill("2024-01-01");
  await addForm.getByRole("button", { name: "添加在孵企业" }).click();
  await expect(addForm.locator("#f-enterpriseId-error")).toHaveText(
    "该企业在此期间已是本载体的在孵企业（2023-03-01 入驻），不能重复添加",
  );
  await expect(addForm.getByTestId("enterprise-chosen")).toContainText(entName);
  await expect(addForm.getByLabel("入驻日期")).toHaveValue("2024-01-01");
  expect(tenants()).toBe(1);

  // Move-out before move-in is refused; a valid one is saved.
  const moveOut = tenantRow.getByLabel("迁出日期", { exact: true });
  await moveOut.fill("2023-01-01");
  await tenantRow.getByRole("button", { name: "保存" }).click();
  await expect(tenantRow.getByText("迁出日期不能早于入驻日期")).toBeVisible();
  expect(scalar("SELECT move_out_date FROM incubator_tenants WHERE incubator_id = ?", incId)).toBeNull();
  await moveOut.fill("2024-06-30");
  await tenantRow.getByRole("button", { name: "保存" }).click();
  await expect(tenantRow).toContainText("已迁出");
  expect(
    row("SELECT move_out_date, version FROM incubator_tenants WHERE incubator_id = ? AND deleted_at IS NULL", incId),
  ).toEqual({ move_out_date: "2024-06-30", version: 2 });

  // Once moved out, a later tenancy of the same enterprise is allowed (the picked enterprise was kept).
  await addForm.getByLabel("入驻日期").fill("2024-07-01");
  await addForm.getByRole("button", { name: "添加在孵企业" }).click();
  await expect(page.getByTestId("tenants").getByRole("row").filter({ hasText: entName })).toHaveCount(2);
  expect(tenants()).toBe(2);

  // The enterprise's page lists the tenancy and links back here.
  await page.goto(`/enterprises/${ent.id}`);
  await expect(page.getByRole("link", { name: incName }).first()).toHaveAttribute("href", `/incubators/${incId}`);

  // Remove the later tenancy (soft delete) after confirming.
  await page.goto(`/incubators/${incId}`);
  const later = page.getByTestId("tenants").getByRole("row").filter({ hasText: "2024-07-01" });
  await later.getByRole("button", { name: "移除" }).click();
  await expect(page.getByRole("dialog")).toContainText(`确定将“${entName}”从本载体的在孵企业中移除吗？`);
  await confirmDialog(page);
  await expect(page.getByTestId("tenants").getByRole("row").filter({ hasText: entName })).toHaveCount(1);
  expect(tenants()).toBe(1);
  expect(
    scalar("SELECT count(*) FROM incubator_tenants WHERE incubator_id = ? AND deleted_at IS NOT NULL", incId),
  ).toBe(1);

  // The history tab includes the tenant changes, named by enterprise.
  await page.getByRole("tab", { name: "变更历史" }).click();
  await expect(page.getByTestId("history-entry").filter({ hasText: "新增在孵企业" })).toHaveCount(2);
  const moved = page.getByTestId("history-entry").filter({ hasText: "修改在孵企业" });
  await expect(moved.getByRole("row", { name: /迁出日期/ }).getByRole("cell")).toHaveText([
    "迁出日期",
    "—",
    "2024-06-30",
  ]);
  await expect(moved.getByRole("row", { name: /企业/ }).first()).toContainText(entName);
  await expect(page.getByTestId("history-entry").filter({ hasText: "移除在孵企业" })).toHaveCount(1);
  await staff.close();
});

test("invalid values are refused field by field, the form keeps the input, and nothing is written", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.goto("/incubators/new");
  const name = uniqueName("校验载体");
  const startedAt = new Date().toISOString();
  const invalidBefore = scalar(
    "SELECT count(*) FROM operation_logs WHERE action = 'incubator.create' AND result = 'invalid'",
  );

  const cases: { values: Record<string, string>; field: string; label: string; message: string }[] = [
    { values: { area: "-10" }, field: "area", label: "场地面积（平方米）", message: "不能为负数" },
    {
      values: { incubatedTotal: "5", graduatedTotal: "6" },
      field: "graduatedTotal",
      label: "累计毕业企业（家）",
      message: "累计毕业企业数不能多于累计孵化企业数",
    },
    {
      values: { recognisedDate: "2099-01-01" },
      field: "recognisedDate",
      label: "认定日期",
      message: "日期不能晚于今天",
    },
  ];
  for (const c of cases) {
    await page.goto("/incubators/new");
    await fillIncubatorForm(page, { name, ...VALID, ...c.values });
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator(`#f-${c.field}-error`)).toHaveText(c.message);
    const input = page.getByRole("textbox", { name: c.label, exact: true });
    await expect(input).toHaveAttribute("aria-invalid", "true");
    // What was typed is still there.
    await expect(input).toHaveValue(Object.values(c.values).at(-1) ?? "");
    await expect(page.getByRole("textbox", { name: "运营主体", exact: true })).toHaveValue(VALID.operator);
    await expect(page).toHaveURL(/\/incubators\/new$/);
    expect(countByName(name)).toBe(0);
  }

  // A 10,000-character name (the input's maxlength removed, as a script would) is refused by the server.
  await page.goto("/incubators/new");
  await fillIncubatorForm(page, VALID);
  const nameInput = page.getByRole("textbox", { name: "载体名称", exact: true });
  await nameInput.evaluate((el) => el.removeAttribute("maxlength"));
  await nameInput.fill("孵".repeat(10_000));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-name-error")).toHaveText("内容过长（不超过 100 个字）");
  expect(scalar("SELECT count(*) FROM incubators WHERE length(name) > 100")).toBe(0);

  expect(
    scalar("SELECT count(*) FROM incubators WHERE operator = ? AND created_at > ?", VALID.operator, startedAt),
  ).toBe(0);
  expect(scalar("SELECT count(*) FROM operation_logs WHERE action = 'incubator.create' AND result = 'invalid'")).toBe(
    invalidBefore + 4,
  );
  await staff.close();
});

test("the leader sees no edit controls, no tenant form, and no enterprise lookup", async ({ browser }) => {
  const name = uniqueName("领导只读载体");
  const id = seedIncubator({ name });
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto("/incubators");
  await expect(lp.getByRole("heading", { name: "孵化载体" })).toBeVisible();
  await expect(lp.getByRole("link", { name: "新建孵化载体" })).toHaveCount(0);
  await expect(lp.getByLabel("显示已删除")).toHaveCount(0);
  await lp.goto(`/incubators/${id}`);
  await expect(lp.getByRole("heading", { name })).toBeVisible();
  await expect(lp.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await expect(lp.getByRole("button", { name: "删除" })).toHaveCount(0);
  await expect(lp.getByRole("form", { name: "添加在孵企业" })).toHaveCount(0);
  // (The status line is already sent by the streamed loading skeleton, so the 403 is checked on the page.)
  await lp.goto(`/incubators/${id}/edit`);
  await expect(lp.getByRole("heading", { name: "403 · 无权访问" })).toBeVisible();
  await expect(lp.getByRole("textbox", { name: "载体名称", exact: true })).toHaveCount(0);
  expect((await lp.request.get("/enterprises/lookup?q=1")).status()).toBe(403);
  await leader.close();
});

test("a formula/markup name is shown as text and neutralised in the CSV export", async ({ browser }) => {
  const staff: BrowserContext = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const token = uniqueName("CSV");
  const name = `=HYPERLINK("http://x","y")<script>alert(1)</script>${token}`;
  await page.goto("/incubators/new");
  await fillIncubatorForm(page, { name, ...VALID });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/incubators\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  expect(countByName(name)).toBe(1);

  await page.goto(`/incubators?q=${token}`);
  await expect(page.getByRole("link", { name })).toHaveText(name);
  expect(dialogs).toEqual([]);

  const res = await staff.request.get(`/incubators/export?q=${token}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0].split(",").slice(0, 4)).toEqual(["载体名称", "载体类型", "级别", "运营主体"]);
  expect(lines).toHaveLength(3); // header, one row, trailing empty string
  const cell = `"'${name.replaceAll('"', '""')}"`;
  expect(lines[1].startsWith(`${cell},众创空间,市级,重庆两江孵化运营有限公司,`)).toBe(true);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'registry.exportCsv' AND object_type = 'incubator' AND username = 'staff' AND message = '1 rows'",
    ),
  ).toBeGreaterThanOrEqual(1);
  await staff.close();
});

test("list and detail fit a 390 px phone without horizontal scrolling", async ({ browser }) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const id = seedIncubator({ name: uniqueName("手机宽度载体") });
  for (const path of ["/incubators", `/incubators/${id}`, "/incubators/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await staff.close();
});
