import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { freshCreditCode } from "./fixtures/registry";

async function fillEnterprise(page: Page, v: { name: string; creditCode: string; capital?: string }) {
  await page.getByLabel("企业名称").fill(v.name);
  await page.getByLabel("统一社会信用代码").fill(v.creditCode);
  await page.getByLabel("法定代表人").fill("王测试");
  await page.getByLabel("成立日期").fill("2015-06-01");
  await page.getByLabel("注册资本（万元）").fill(v.capital ?? "1000");
  await page.getByLabel("所属镇街").selectOption({ label: "龙溪街道" });
  await page.getByLabel("所属园区").selectOption({ label: "仙桃国际大数据谷" });
  await page.getByLabel("产业链").selectOption({ label: "软件信息" });
}

test("the list filters by facets held in the URL", async ({ page }) => {
  const name = uniqueName("镇街筛选企业");
  const street = scalar("SELECT id FROM dictionary_items WHERE kind='street' AND code='longxi'");
  withDb((db) =>
    db
      .prepare(
        "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王测试', '2015-06-01', 1000, ?)",
      )
      .run(name, freshCreditCode(), street),
  );
  await signInAs(page, "leader");
  const q = encodeURIComponent(name);
  await page.goto(`/enterprises?q=${q}&street=${street}&status=active`);
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.goto(`/enterprises?q=${q}&status=deregistered`);
  await expect(page.getByTestId("total-count")).toHaveText("共 0 条");
});

test("invalid input is refused field by field and nothing is written", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/enterprises/new");
  const before = scalar("SELECT count(*) FROM enterprises");

  // Wrong check digit.
  const good = freshCreditCode();
  const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
  await fillEnterprise(page, { name: uniqueName("校验企业"), creditCode: bad });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-creditCode-error")).toContainText("校验位");
  await expect(page.getByLabel("企业名称")).not.toHaveValue(""); // what the user typed is kept

  // Negative amount.
  await page.getByLabel("统一社会信用代码").fill(good);
  await page.getByLabel("注册资本（万元）").fill("-5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-registeredCapital-error")).toHaveText("不能为负数");

  // A 10,000-character name.
  await page.getByLabel("注册资本（万元）").fill("10");
  await page.getByLabel("企业名称").evaluate((el: HTMLInputElement) => {
    el.removeAttribute("maxlength");
  });
  await page.getByLabel("企业名称").fill("长".repeat(10_000));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-name-error")).toContainText("内容过长");
  expect(scalar("SELECT count(*) FROM enterprises")).toBe(before);

  // Duplicate credit code: names the record that holds it.
  const existing = row<{ name: string; credit_code: string }>(
    "SELECT name, credit_code FROM enterprises WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
  );
  if (!existing) {
    // An empty registry: create the first holder through the UI.
    await page.goto("/enterprises/new");
    await fillEnterprise(page, { name: uniqueName("持有者"), creditCode: good });
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/enterprises\/\d+$/);
  }
  const holder =
    existing ??
    row<{ name: string; credit_code: string }>("SELECT name, credit_code FROM enterprises WHERE credit_code = ?", good);
  const count = scalar("SELECT count(*) FROM enterprises");
  await page.goto("/enterprises/new");
  await fillEnterprise(page, { name: uniqueName("重复企业"), creditCode: holder?.credit_code ?? "" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-creditCode-error")).toContainText(`已被在册企业“${holder?.name}”使用`);
  expect(scalar("SELECT count(*) FROM enterprises")).toBe(count);
});

test("formula and script names round-trip as text and are neutralised in the CSV", async ({ page }) => {
  await signInAs(page, "staff");
  const tag = uniqueName("");
  for (const name of [`=HYPERLINK("http://x","y")${tag}`, `<script>alert(1)</script>${tag}`]) {
    await page.goto("/enterprises/new");
    await fillEnterprise(page, { name, creditCode: freshCreditCode() });
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await page.goto(`/enterprises?q=${encodeURIComponent(tag)}`);
  await expect(page.getByText(`<script>alert(1)</script>${tag}`)).toBeVisible();

  const res = await page.context().request.get(`/enterprises/export?q=${encodeURIComponent(tag)}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  const buf = await res.body();
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = buf.toString("utf8");
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")${tag}"`);
  expect(text).toContain(`<script>alert(1)</script>${tag}`);
  expect(text.split("\r\n").filter((l) => l.includes(tag))).toHaveLength(2);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'registry.exportCsv' AND username = 'staff' AND message = '2 rows'",
    ),
  ).toBeGreaterThanOrEqual(1);
  // The same filter as .xlsx: the formula name is a plain string cell, never a formula.
  const xres = await page.context().request.get(`/enterprises/export?format=xlsx&q=${encodeURIComponent(tag)}`);
  expect(xres.status()).toBe(200);
  expect(xres.headers()["content-type"]).toContain("spreadsheetml");
  expect(decodeURIComponent(xres.headers()["content-disposition"])).toMatch(
    /渝北区科技局_科技企业_\d{4}-\d{2}-\d{2}\.xlsx/,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xres.body()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("科技企业");
  expect(ws?.rowCount).toBe(3);
  expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  const names = [ws?.getCell("A2").value, ws?.getCell("A3").value];
  expect(names).toContain(`=HYPERLINK("http://x","y")${tag}`);
  expect(ws?.getCell("E2").value).toEqual(1000);
  expect(ws?.getCell("D2").value).toBeInstanceOf(Date);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'registry.exportXlsx' AND username = 'staff' AND message = '2 rows'",
    ),
  ).toBe(1);
});

test("qualifications and annual figures are added on the detail page and appear in history", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/enterprises/new");
  const name = uniqueName("资质企业");
  await fillEnterprise(page, { name, creditCode: freshCreditCode() });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  const id = Number(page.url().split("/").pop());

  const quals = page.getByRole("form", { name: "新增资质" });
  await quals.getByLabel("资质类型").selectOption({ label: "国家高新技术企业" });
  await quals.getByLabel("证书编号").fill("GR202150000123");
  await quals.getByLabel("认定日期").fill("2021-03-01");
  await quals.getByLabel("有效期至").fill("2020-01-01");
  await quals.getByRole("button", { name: "新增资质" }).click();
  await expect(page.locator("#f-expiryDate-error")).toHaveText("有效期不能早于认定日期");
  await quals.getByLabel("有效期至").fill("2024-02-29");
  await quals.getByRole("button", { name: "新增资质" }).click();
  await expect(page.getByTestId("qualifications")).toContainText("GR202150000123");

  const annual = page.getByRole("form", { name: "保存年度数据" });
  await annual.getByLabel("年度").fill("2020");
  await annual.getByLabel("营业收入（万元）").fill("12000");
  await annual.getByLabel("R&D经费支出（万元）").fill("650.25");
  await annual.getByLabel("从业人员").fill("120");
  await annual.getByLabel("研发人员").fill("150");
  await annual.getByRole("button", { name: "保存年度数据" }).click();
  await expect(page.locator("#f-rdStaff-error")).toHaveText("研发人员不能多于从业人员");
  await annual.getByLabel("研发人员").fill("30");
  await annual.getByRole("button", { name: "保存年度数据" }).click();
  await expect(page.getByTestId("annual-figures")).toContainText("650.25");
  expect(scalar("SELECT latest_rd_expense FROM enterprises WHERE id = ?", id)).toBe(650.25);

  await page.getByRole("tab", { name: "变更历史" }).click();
  await expect(page.getByTestId("history-entry").filter({ hasText: "新增企业资质" })).toContainText("GR202150000123");
  await expect(page.getByTestId("history-entry").filter({ hasText: "录入企业年度数据" })).toContainText("650.25");
  // Children's fields carry their labels too: never a raw key such as enterpriseId or note.
  const history = page.getByTestId("history");
  await expect(history).toContainText("证书编号");
  await expect(history).not.toContainText("enterpriseId");
  await expect(history).not.toContainText(/\bnote\b/);
});
