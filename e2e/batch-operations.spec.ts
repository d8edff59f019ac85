import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { scalar, uniqueName, withDb } from "./fixtures/db";
import { freshCreditCode } from "./fixtures/registry";

// Batch operations in a registry list: select rows (or all rows of the filter, resolved by the server), then
// 导出所选, 批量修改状态, 批量删除 / 批量恢复. Each test seeds its own enterprises under a unique name prefix and
// filters the list by it (?q=), so only its rows are in play.

const shot = (name: string) =>
  process.env.BATCH_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name);

/** Inserts `n` live enterprises named <prefix>01…, returning their ids in name order. */
function seed(prefix: string, n: number): { id: number; name: string }[] {
  const street = scalar("SELECT id FROM dictionary_items WHERE kind='street' AND code='longxi'");
  return withDb((db) => {
    const insert = db.prepare(
      "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, contact_phone) VALUES (?, ?, '王测试', '2015-06-01', 1000, ?, '13800138000')",
    );
    const out: { id: number; name: string }[] = [];
    for (let i = 1; i <= n; i++) {
      const name = `${prefix}${String(i).padStart(2, "0")}`;
      out.push({ id: Number(insert.run(name, freshCreditCode(), street).lastInsertRowid), name });
    }
    return out;
  });
}

async function openList(page: Page, prefix: string, extra = "") {
  await page.goto(`/enterprises?q=${encodeURIComponent(prefix)}${extra}`);
  await expect(page.getByRole("checkbox", { name: "选择本页全部" })).toBeVisible();
}

/** Confirms the open dialog (its text is checked first). */
async function confirm(page: Page, text: string | RegExp, button = "确认") {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(text);
  await dialog.getByRole("button", { name: button }).click();
}

test("staff ticks 3 enterprises: 导出所选 (CSV and Excel) holds exactly those 3 rows, the phone masked", async ({
  page,
}) => {
  const prefix = uniqueName("导出所选企业");
  const rows = seed(prefix, 5);
  await signInAs(page, "staff");
  await openList(page, prefix);
  const picked = [rows[0], rows[2], rows[4]];
  for (const r of picked) await page.getByRole("checkbox", { name: `选择 ${r.name}` }).check();
  await expect(page.getByTestId("selection-count")).toHaveText("已选择 3 条");
  await expect(page.getByTestId("selection-count")).toHaveAttribute("aria-live", "polite");

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出所选（CSV）" }).click(),
  ]);
  const text = fs.readFileSync((await csv.path()) as string, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + 3);
  const names = lines.slice(1).map((l) => l.split(",")[0].replace(/"/g, ""));
  expect(names.sort()).toEqual(picked.map((r) => r.name).sort());
  expect(text).not.toContain("13800138000");
  expect(text).toContain("138****8000");

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出所选（Excel）" }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await xlsx.path()) as string) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const cells: string[] = [];
  sheet.eachRow((row) => {
    const v = String(row.getCell(1).value ?? "");
    if (v.startsWith(prefix)) cells.push(v);
  });
  expect(cells.sort()).toEqual(picked.map((r) => r.name).sort());

  // ?ids= narrows the list's filter, never widens it: an id outside the filter exports nothing.
  const other = seed(uniqueName("筛选外企业"), 1)[0];
  const outside = await page.request.get(`/enterprises/export?q=${encodeURIComponent(prefix)}&ids=${other.id}`);
  expect(outside.status()).toBe(200);
  expect(
    (await outside.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/),
  ).toHaveLength(1);
  // Not a list of positive integers: refused.
  const bad = await page.request.get(`/enterprises/export?ids=1,x`);
  expect(bad.status()).toBe(400);
});

test("select all rows of a filter → 批量修改状态: every filtered record changed, one log row each; the screenshots", async ({
  page,
}) => {
  const prefix = uniqueName("批量状态企业");
  const rows = seed(prefix, 23); // more than one page of 20
  await signInAs(page, "staff");
  await page.setViewportSize({ width: 1440, height: 900 });
  await openList(page, prefix);
  await expect(page.getByTestId("total-count")).toHaveText("共 23 条");
  await page.getByRole("checkbox", { name: "选择本页全部" }).check();
  await expect(page.getByTestId("selection-count")).toHaveText("已选择 20 条");
  await page.getByRole("button", { name: "选择当前筛选的全部 23 条" }).click();
  await expect(page.getByTestId("selection-count")).toHaveText("已选择当前筛选的全部 23 条");
  await page.screenshot({ path: shot("batch-selection-1440.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("batch-selection-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  const logBefore = scalar<number>("SELECT coalesce(max(id), 0) FROM operation_logs");
  await page.getByLabel("修改状态为").selectOption({ label: "迁出" });
  await page.getByRole("button", { name: "批量修改状态" }).click();
  await confirm(page, "确定将选中的 23 条记录的状态修改为“迁出”？");
  await expect(page.getByTestId("batch-result")).toContainText("成功 23 条，失败 0 条");

  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => "?").join(",");
  expect(
    scalar(
      `SELECT count(*) FROM enterprises WHERE id IN (${marks}) AND status = 'moved_out' AND status_changed_at IS NOT NULL`,
      ...ids,
    ),
  ).toBe(23);
  const batchLog = withDb(
    (db) =>
      db
        .prepare("SELECT id, result FROM operation_logs WHERE action = 'enterprise.batchStatus' AND id > ?")
        .all(logBefore) as { id: number; result: string }[],
  );
  expect(batchLog).toEqual([{ id: expect.any(Number), result: "ok" }]);
  const perRecord = withDb(
    (db) =>
      db
        .prepare(
          "SELECT object_id, count(*) AS n FROM operation_logs WHERE action = 'enterprise.update' AND json_extract(detail, '$.batchLogId') = ? GROUP BY object_id",
        )
        .all(batchLog[0].id) as { object_id: string; n: number }[],
  );
  expect(perRecord.map((r) => Number(r.object_id)).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  expect(perRecord.every((r) => r.n === 1)).toBe(true);
});

test("批量删除 asks with the count, soft-deletes and hides the rows; 批量恢复 (admin) brings them back", async ({
  page,
  browser,
}) => {
  const prefix = uniqueName("批量删除企业");
  const rows = seed(prefix, 3);
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => "?").join(",");
  await signInAs(page, "staff");
  await openList(page, prefix);
  await page.getByRole("checkbox", { name: "选择本页全部" }).check();
  await page.getByRole("button", { name: "批量删除" }).click();
  await confirm(page, "确定删除选中的 3 条记录？", "删除");
  await expect(page.getByTestId("batch-result")).toContainText("成功 3 条，失败 0 条");
  expect(scalar(`SELECT count(*) FROM enterprises WHERE id IN (${marks}) AND deleted_at IS NOT NULL`, ...ids)).toBe(3);
  await expect(page.getByTestId("total-count")).toHaveText("共 0 条");

  const admin = await contextAs(browser, "admin");
  const adminPage = await admin.newPage();
  await openList(adminPage, prefix, "&deleted=true");
  await expect(adminPage.getByTestId("total-count")).toHaveText("共 3 条");
  await adminPage.getByRole("checkbox", { name: "选择本页全部" }).check();
  await adminPage.getByRole("button", { name: "批量恢复" }).click();
  await confirm(adminPage, "确定恢复选中的 3 条记录？", "恢复");
  await expect(adminPage.getByTestId("batch-result")).toContainText("成功 3 条，失败 0 条");
  expect(scalar(`SELECT count(*) FROM enterprises WHERE id IN (${marks}) AND deleted_at IS NULL`, ...ids)).toBe(3);
  await openList(page, prefix);
  await expect(page.getByTestId("total-count")).toHaveText("共 3 条");
  await admin.close();
});

test("a leader's replay of the batch action is refused with nothing written; a staff control replay succeeds", async ({
  page,
  browser,
}) => {
  const prefix = uniqueName("批量重放企业");
  const [a, b] = seed(prefix, 2);
  await signInAs(page, "staff");
  await openList(page, prefix);
  await page.getByRole("checkbox", { name: `选择 ${a.name}` }).check();
  await page.getByRole("button", { name: "批量删除" }).click();
  const action = await captureAction(page, () => confirm(page, "确定删除选中的 1 条记录？", "删除"));
  expect(action.body).toContain(`"id":${a.id}`);
  expect(scalar("SELECT deleted_at IS NOT NULL FROM enterprises WHERE id = ?", a.id)).toBe(1);
  const body = action.body.replaceAll(`"id":${a.id}`, `"id":${b.id}`);

  const leader = await contextAs(browser, "leader");
  const denied = () =>
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'enterprise.batchDelete' AND result = 'denied' AND username = 'leader'",
    );
  const deniedBefore = denied();
  const logsBefore = scalar("SELECT count(*) FROM operation_logs WHERE object_id = ? AND result = 'ok'", String(b.id));
  const res = await replayAction(leader, action, body);
  expect(res.text).toContain('"code":"forbidden"');
  expect(scalar("SELECT deleted_at IS NULL FROM enterprises WHERE id = ?", b.id)).toBe(1);
  expect(scalar("SELECT version FROM enterprises WHERE id = ?", b.id)).toBe(1);
  expect(scalar("SELECT count(*) FROM operation_logs WHERE object_id = ? AND result = 'ok'", String(b.id))).toBe(
    logsBefore,
  );
  expect(denied()).toBe(deniedBefore + 1);
  await leader.close();

  // Control: the same request by staff does delete the other record.
  const control = await replayAction(page.context(), action, body);
  expect(control.text).toContain('"ok":true');
  expect(scalar("SELECT deleted_at IS NOT NULL FROM enterprises WHERE id = ?", b.id)).toBe(1);
});

test("a row changed since the page was loaded is reported by name and not overwritten; the others are written", async ({
  page,
}) => {
  const prefix = uniqueName("批量过期企业");
  const rows = seed(prefix, 3);
  await signInAs(page, "staff");
  await openList(page, prefix);
  await page.getByRole("checkbox", { name: "选择本页全部" }).check();
  // Meanwhile the admin edits the second record (as a save through the form would: version + 1, who and when).
  const stale = rows[1];
  const adminId = scalar("SELECT id FROM users WHERE username = 'admin'");
  withDb((db) =>
    db
      .prepare(
        "UPDATE enterprises SET legal_representative = '赵新', version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
      )
      .run(adminId, new Date().toISOString(), stale.id),
  );
  await page.getByRole("button", { name: "批量删除" }).click();
  await confirm(page, "确定删除选中的 3 条记录？", "删除");
  const result = page.getByTestId("batch-result");
  await expect(result).toContainText("成功 2 条，失败 1 条");
  await expect(result.getByRole("listitem")).toHaveCount(1);
  await expect(result.getByRole("listitem")).toContainText(stale.name);
  await expect(result.getByRole("listitem")).toContainText("已被王管理");
  await page.screenshot({ path: shot("batch-result-stale.png") });
  expect(scalar("SELECT deleted_at IS NULL FROM enterprises WHERE id = ?", stale.id)).toBe(1);
  expect(scalar("SELECT legal_representative FROM enterprises WHERE id = ?", stale.id)).toBe("赵新");
  for (const r of [rows[0], rows[2]])
    expect(scalar("SELECT deleted_at IS NOT NULL FROM enterprises WHERE id = ?", r.id)).toBe(1);
});
