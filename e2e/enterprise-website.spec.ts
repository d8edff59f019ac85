import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./fixtures/auth";
import { row, uniqueName } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { downloadTemplate, fillTemplate, previewFile } from "./fixtures/import";
import { freshCreditCode } from "./fixtures/registry";

// 企业官网 was added as one field of the enterprise definition plus a migration: the form, detail, list column,
// exports, import template and history all take it from the definition. This checks each of them for real.

async function download(page: Page, link: Locator): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return fs.readFileSync((await dl.path()) as string);
}

test("企业官网: form (bare host stored with https://), detail link, list, exports, history, import", async ({
  page,
}) => {
  const name = uniqueName("官网企业");
  await signInAs(page, "staff");
  await page.goto("/enterprises/new");
  await waitForHydration(page);
  await page.getByLabel("企业名称").fill(name);
  await page.getByLabel("统一社会信用代码").fill(freshCreditCode());
  await page.getByLabel("法定代表人").fill("王测试");
  await page.getByLabel("成立日期").fill("2015-06-01");
  await page.getByLabel("注册资本（万元）").fill("1000");
  await page.getByLabel("所属镇街").selectOption({ label: "龙溪街道" });
  // A scheme other than http(s) is refused in Chinese and the form keeps the input.
  await page.getByLabel("企业官网").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("请输入有效的网址，例如 https://www.example.com")).toBeVisible();
  await expect(page.getByLabel("企业名称")).toHaveValue(name);

  await page.getByLabel("企业官网").fill("www.guanwang-example.cn");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  const id = Number(page.url().split("/").pop());
  expect(row("SELECT website FROM enterprises WHERE id = ?", id)).toEqual({
    website: "https://www.guanwang-example.cn",
  });

  // Detail: a link that opens in a new tab and tells the site nothing about us.
  const link = page.getByRole("link", { name: "www.guanwang-example.cn" });
  await expect(link).toHaveAttribute("href", "https://www.guanwang-example.cn");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener/);

  // Edit → history shows the field by its label, before → after.
  await page.goto(`/enterprises/${id}/edit`);
  await waitForHydration(page);
  await page.getByLabel("企业官网").fill("https://guanwang-example.cn/about");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  await page.getByRole("tab", { name: "变更历史" }).click();
  await expect(page.getByTestId("history-entry").first()).toContainText("企业官网");
  await expect(page.getByTestId("history-entry").first()).toContainText("https://guanwang-example.cn/about");

  // List column and both exports of the filtered list.
  await page.goto(`/enterprises?q=${encodeURIComponent(name)}`);
  // A secondary column: hidden by default so the essential ones fit, shown by ticking it under 显示列.
  await expect(page.getByRole("columnheader", { name: "企业官网" })).toHaveCount(0);
  await waitForHydration(page);
  await page.getByRole("button", { name: "显示列" }).click();
  await page.getByRole("checkbox", { name: "企业官网" }).check();
  await expect(page.getByRole("columnheader", { name: "企业官网" })).toBeVisible();
  await expect(page.getByRole("link", { name: "guanwang-example.cn/about" })).toBeVisible();
  const csv = (await download(page, page.getByRole("link", { name: "导出CSV" }))).toString("utf8");
  const [header, line] = csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(header.split(",")).toContain("企业官网");
  expect(line).toContain("https://guanwang-example.cn/about");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download(page, page.getByRole("link", { name: "导出Excel" }))) as never);
  const ws = wb.worksheets[0];
  const col = (ws.getRow(1).values as unknown[]).map(String).indexOf("企业官网");
  expect(col).toBeGreaterThan(0);
  expect(ws.getRow(2).getCell(col).value).toBe("https://guanwang-example.cn/about");

  // Import template has the column; an imported bare host is stored with https:// like the form's.
  const imported = uniqueName("官网导入企业");
  const code = freshCreditCode();
  const template = await downloadTemplate(page);
  const file = await fillTemplate(template, "企业", [
    {
      企业名称: imported,
      统一社会信用代码: code,
      法定代表人: "李导入",
      成立日期: "2016-03-01",
      "注册资本（万元）": 500,
      所属镇街: "龙溪街道",
      企业官网: "www.daoru-example.cn",
    },
  ]);
  await previewFile(page, "website.xlsx", file);
  await expect(page.getByTestId("import-preview")).toContainText("新增");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect
    .poll(() => row("SELECT website FROM enterprises WHERE credit_code = ?", code))
    .toEqual({
      website: "https://www.daoru-example.cn",
    });
});
