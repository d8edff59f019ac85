import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";

// The operation log as an auditor reads it: names instead of ids and codes, a labelled diff, translated messages,
// pickers by name, a record's trail, and an Excel export of the current filter that is itself logged.

type Seeded = {
  username: string;
  enterprise: { id: number; name: string };
  annual: { id: number; year: number };
  streetFrom: string;
  streetTo: string;
};

/** Rows shaped as the write path writes them, by a user of this test's own (so the filter finds only them). */
function seedRows(): Seeded {
  const username = uniqueName("aud");
  const userId = seedUser(username, "staff", "Right@2026x");
  const enterprise = row<{ id: number; name: string }>(
    "SELECT id, name FROM enterprises WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
  ) as { id: number; name: string };
  const annual = row<{ id: number; year: number }>(
    "SELECT id, year FROM enterprise_annual_figures WHERE enterprise_id = ? ORDER BY year LIMIT 1",
    enterprise.id,
  ) as { id: number; year: number };
  const [from, to] = withDb(
    (db) =>
      db.prepare("SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id LIMIT 2").all() as { id: number }[],
  );
  const streetLabel = (id: number) => scalar<string>("SELECT label FROM dictionary_items WHERE id = ?", id);
  withDb((db) => {
    const log = db.prepare(
      `INSERT INTO operation_logs (user_id, username, role, ip, action, object_type, object_id, result, message, before, after, detail)
       VALUES (?, ?, 'staff', '127.0.0.1', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    log.run(
      userId,
      username,
      "enterprise.annual.upsert",
      "enterprise_annual",
      String(annual.id),
      "ok",
      null,
      JSON.stringify({ revenue: 1200 }),
      JSON.stringify({ revenue: 1500.5 }),
      null,
    );
    log.run(
      userId,
      username,
      "enterprise.update",
      "enterprise",
      String(enterprise.id),
      "ok",
      null,
      JSON.stringify({ streetId: from.id, contactPhone: "139****0001", status: "active" }),
      JSON.stringify({ streetId: to.id, contactPhone: "138****8000", status: "moved_out" }),
      null,
    );
    log.run(
      userId,
      username,
      "enterprise.create",
      null,
      null,
      "invalid",
      "validation failed",
      null,
      null,
      JSON.stringify({ fieldErrors: { name: ["registry.required"] }, formErrors: [] }),
    );
    log.run(
      userId,
      username,
      "import.preview",
      null,
      null,
      "invalid",
      "import.refuse.unsupportedType",
      null,
      null,
      null,
    );
  });
  return { username, enterprise, annual, streetFrom: streetLabel(from.id), streetTo: streetLabel(to.id) };
}

test("the auditor reads names, a labelled diff and translated messages, and follows a record's trail", async ({
  page,
}) => {
  const s = seedRows();
  await signInAs(page, "auditor");
  await page.goto(`/admin/audit-log?user=${s.username}`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(4);
  // The table's scroll region is reachable by keyboard and named.
  const region = page.getByRole("region", { name: "操作日志表格（可左右滚动）" });
  await expect(region).toHaveAttribute("tabindex", "0");

  // The person by name, the action by name.
  await expect(rows.first()).toContainText(`测试${s.username}`);
  const annualRow = rows.filter({ hasText: "录入企业年度数据" });
  await expect(annualRow).toHaveCount(1);
  // The record by name, linked, never `enterprise_annual #id`.
  const annualLink = annualRow.getByTestId("audit-object").getByRole("link");
  await expect(annualLink).toHaveText(`${s.enterprise.name} · ${s.annual.year}年度数据`);
  await expect(region.getByText(/enterprise_annual|#\d+/)).toHaveCount(0);
  // Field labels from the definitions, numbers formatted.
  await expect(annualRow.getByTestId("audit-changes")).toContainText("营业收入（万元）");
  await expect(annualRow.getByTestId("audit-changes")).toContainText("1,200");
  await expect(annualRow.getByTestId("audit-changes")).toContainText("1,500.5");

  // Dictionary and enum labels instead of ids and codes; personal data masked.
  const update = rows.filter({ hasText: "修改科技企业" }).getByTestId("audit-changes");
  await expect(update).toContainText("所属镇街");
  await expect(update).toContainText(s.streetFrom);
  await expect(update).toContainText(s.streetTo);
  await expect(update).toContainText("138****8000");
  await expect(update).not.toContainText("moved_out");
  await expect(update).not.toContainText("streetId");

  // Messages in words: no English, no catalogue keys.
  const messages = (await page.getByTestId("audit-message").allTextContents()).join("\n");
  expect(messages).toContain("输入校验未通过");
  expect(messages).toContain("此项为必填项");
  expect(messages).toContain("不支持该文件类型");
  expect(messages).not.toMatch(/validation failed|import\.refuse|registry\.required/);

  // The action picker offers names; picking one filters exactly.
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "修改科技企业" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=enterprise\.update/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("修改科技企业");

  // The record's name opens its trail: every row about that record, whoever wrote it.
  await page.goto(`/admin/audit-log?user=${s.username}`);
  await annualLink.click();
  await expect(page).toHaveURL(new RegExp(`type=enterprise_annual&id=${s.annual.id}`));
  await expect(page.getByTestId("audit-trail")).toContainText(s.enterprise.name);
  const trail = await page.getByTestId("audit-row").allTextContents();
  expect(trail.length).toBeGreaterThan(0);
  expect(trail.every((t) => t.includes(`${s.annual.year}年度数据`))).toBe(true);
});

test("the operation log exports the current filter to Excel, and the export is logged", async ({ page }) => {
  const s = seedRows();
  await signInAs(page, "auditor");
  await page.goto(`/admin/audit-log?user=${s.username}&result=invalid`);
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^渝北区科技局操作日志\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.name).toBe("操作日志");
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual([
    "时间",
    "用户",
    "姓名",
    "角色",
    "IP 地址",
    "操作",
    "对象类型",
    "对象",
    "结果",
    "说明",
    "变更内容",
  ]);
  // Exactly the filtered rows, described as on the page.
  expect(ws.actualRowCount).toBe(3);
  const body = [2, 3].map((i) => (ws.getRow(i).values as unknown[]).slice(1).map((v) => String(v ?? "")));
  expect(body.every((r) => r[1] === s.username && r[8] === "校验失败")).toBe(true);
  expect(body.map((r) => r[5]).sort()).toEqual(["新建科技企业", "预览导入文件"].sort());
  expect(body.map((r) => r[9]).join("\n")).toContain("此项为必填项");

  // The export itself is in the log, with its filter and row count.
  await expect
    .poll(() =>
      row<{ detail: string; result: string }>(
        "SELECT detail, result FROM operation_logs WHERE action = 'audit.export' AND username = 'auditor' ORDER BY id DESC LIMIT 1",
      ),
    )
    .toMatchObject({ result: "ok" });
  const detail = JSON.parse(
    scalar<string>("SELECT detail FROM operation_logs WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1"),
  );
  expect(detail).toMatchObject({ rows: 2, filter: { user: s.username, result: "invalid" } });
  await page.goto(`/admin/audit-log?action=audit.export&user=auditor`);
  await expect(page.getByTestId("audit-row").first()).toContainText("导出操作日志");
  await expect(page.getByTestId("audit-row").first()).toContainText("导出 2 行");
});
