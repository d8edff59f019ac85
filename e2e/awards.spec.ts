import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { captureAction, contextAs, replayAction } from "./fixtures/auth";
import { row, scalar, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { expectTargetRowShown } from "./fixtures/target";

// 政策兑现 end to end: the published 2019 科技型企业入库奖励 batch computed from the demo registry (355 enterprises,
// 1,065万元), walked through every state by the right roles to 已完成; wrong-role and wrong-state replays refused with
// nothing written, each beside a control that succeeds; the 科技成果转化 rule cases; the 公示 xlsx read back.

/** Sets one field of a captured multipart (FormData) action body (React prefixes the names: _1_batchId). */
function setField(body: string, name: string, value: string | number): string {
  const re = new RegExp(`(name="(?:_\\d+_)?${name}"\\r\\n\\r\\n)[^\\r]*`);
  expect(body).toMatch(re);
  return body.replace(re, `$1${value}`);
}

const batchRow = (id: number) =>
  row<{ state: string; version: number }>("SELECT state, version FROM award_batches WHERE id = ?", id);
const okLogs = (action: string) =>
  scalar("SELECT count(*) FROM operation_logs WHERE action = ? AND result = 'ok'", action);

async function createBatch(page: Page, policy: string, year: number): Promise<number> {
  await page.goto("/awards");
  await waitForHydration(page);
  const form = page.getByTestId("new-batch");
  await form.getByLabel("政策").selectOption({ label: policy });
  await form.getByLabel("年度").fill(String(year));
  await form.getByRole("button", { name: "新建并计算名单" }).click();
  const link = page
    .getByTestId("award-batches")
    .getByRole("row")
    .filter({ hasText: policy })
    .filter({ hasText: String(year) });
  await expect(link).toHaveCount(1);
  await link.getByRole("link").click();
  await page.waitForURL(/\/awards\/batches\/\d+$/);
  await waitForHydration(page);
  return Number(page.url().split("/").pop());
}

test("2019 科技型企业入库奖励: 355 enterprises, 1,065万元, walked to 已完成 with the ledger equal to the approved total @slow", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const staffCtx = await contextAs(browser, "staff");
  const staff = await staffCtx.newPage();
  const id = await createBatch(staff, "科技型企业入库奖励", 2019);

  // The computed list: 355 payable lines, 1,065万元, each linked to the 2019 qualification that makes it eligible.
  await expect(staff.getByTestId("batch-totals")).toContainText("合计：355家，1,065万元");
  await expect(staff.getByTestId("award-line")).toHaveCount(355);
  const href = await staff.getByTestId("line-fact").first().getAttribute("href");
  const m = href?.match(/^\/enterprises\/(\d+)#qualification-(\d+)$/);
  expect(m).toBeTruthy();
  const qual = row<{ enterprise_id: number; awarded_date: string; code: string }>(
    `SELECT q.enterprise_id, q.awarded_date, d.code FROM enterprise_qualifications q JOIN dictionary_items d ON d.id = q.type_id
     WHERE q.id = ?`,
    Number(m?.[2]),
  );
  expect(qual?.enterprise_id).toBe(Number(m?.[1]));
  expect(qual?.awarded_date.slice(0, 4)).toBe("2019");
  expect(qual?.code).toBe("municipal_tech_enterprise");
  // The link opens the enterprise at that qualification, the row scrolled to and highlighted (:target).
  await staff.getByTestId("line-fact").first().click();
  await expect(staff).toHaveURL(new RegExp(`/enterprises/${m?.[1]}#qualification-${m?.[2]}$`));
  await expectTargetRowShown(staff, staff.locator(`[id="qualification-${m?.[2]}"]`));
  await staff.goBack();
  await waitForHydration(staff);
  await expect(staff.getByTestId("batch-totals")).toContainText("合计：355家，1,065万元");
  // Exclusions are listed with their reason, never dropped.
  await expect(staff.getByTestId("award-exclusion").first()).toBeVisible();
  await expect(staff.getByTestId("award-exclusions")).toContainText(/企业已注销|企业已迁出本区/);
  expect(
    scalar("SELECT count(*) FROM award_lines WHERE batch_id = ? AND excluded = 1 AND exclusion_reason IS NULL", id),
  ).toBe(0);

  // 草稿 → 科室审核 (staff).
  await staff.getByTestId("submit").getByRole("button", { name: "提交科室审核" }).click();
  await expect(staff.getByTestId("batch-state")).toHaveText("科室审核");
  // The preparer is offered no review; the admin reviews.
  await expect(staff.getByTestId("review-pass")).toHaveCount(0);

  const adminCtx = await contextAs(browser, "admin");
  const admin = await adminCtx.newPage();
  await admin.goto(`/awards/batches/${id}`);
  await waitForHydration(admin);
  const before = batchRow(id);
  const review = await captureAction(admin, () =>
    admin.getByTestId("review-pass").getByRole("button", { name: "审核通过" }).click(),
  );
  await expect(admin.getByTestId("batch-state")).toHaveText("局领导审批");
  expect(review.body).toContain(`${before?.version}`);

  // Approve: the leader (control) — captured, then replayed by the wrong role and on a batch in the wrong state.
  const leaderCtx = await contextAs(browser, "leader");
  const leader = await leaderCtx.newPage();
  await leader.goto(`/awards/batches/${id}`);
  await waitForHydration(leader);
  const approve = await captureAction(leader, () =>
    leader.getByTestId("approve").getByRole("button", { name: "批准" }).click(),
  );
  await expect(leader.getByTestId("batch-state")).toHaveText("已批准");
  await expect(leader.getByTestId("batch-frozen")).toContainText("355家，1,065万元");
  expect(scalar("SELECT approved_total_yuan FROM award_batches WHERE id = ?", id)).toBe(10_650_000);

  // A draft batch of another policy: approving it (a replay of the leader's approval) is refused, nothing written.
  const draftId = await createBatch(staff, "新认定国家高新技术企业奖励", 2019);
  const draft = batchRow(draftId);
  const approvals = okLogs("award.approve");
  let res = await replayAction(
    leaderCtx,
    approve,
    setField(setField(approve.body, "batchId", draftId), "version", draft?.version ?? 1),
  );
  expect(res.text).toContain("批次当前为“草稿”，不能进行此操作");
  expect(batchRow(draftId)).toEqual(draft);
  expect(okLogs("award.approve")).toBe(approvals);
  // The same approval replayed by staff (no award.approve): forbidden, nothing written.
  res = await replayAction(staffCtx, approve, setField(approve.body, "batchId", draftId));
  expect(res.text).toContain('"code":"forbidden"');
  expect(batchRow(draftId)).toEqual(draft);
  // A review replayed by the preparer on a batch in review: refused (no one reviews their own batch).
  // (The 新认定国家高新 batch exceeds its year budget: submitting needs an explicit reason, kept on the batch.)
  await staff.goto(`/awards/batches/${draftId}`);
  await waitForHydration(staff);
  const submit = staff.getByTestId("submit");
  await submit.getByRole("button", { name: "提交科室审核" }).click();
  await expect(submit.getByRole("alert")).toContainText("本批次金额超出本年度剩余预算，请填写超预算说明");
  expect(batchRow(draftId)).toEqual(draft);
  await submit.getByLabel("超预算说明").fill("经区政府常务会议同意，从创新专项资金追加安排");
  await submit.getByRole("button", { name: "提交科室审核" }).click();
  await expect(staff.getByTestId("batch-state")).toHaveText("科室审核");
  expect(scalar("SELECT budget_override_reason FROM award_batches WHERE id = ?", draftId)).toBe(
    "经区政府常务会议同意，从创新专项资金追加安排",
  );
  const inReview = batchRow(draftId);
  res = await replayAction(
    staffCtx,
    review,
    setField(setField(review.body, "batchId", draftId), "version", inReview?.version ?? 0),
  );
  expect(res.text).toContain("不能审核或审批本人经办的批次");
  expect(batchRow(draftId)).toEqual(inReview);
  // Control: the same review replayed by the admin passes it.
  res = await replayAction(
    adminCtx,
    review,
    setField(setField(review.body, "batchId", draftId), "version", inReview?.version ?? 0),
  );
  expect(res.text).toContain('"ok":true');
  expect(batchRow(draftId)?.state).toBe("approval");

  // 公示 (staff): a period still running refuses the move to payment.
  await staff.goto(`/awards/batches/${id}`);
  await waitForHydration(staff);
  const pub = staff.getByTestId("publicity");
  await pub.getByLabel("公示开始").fill("2020-11-01");
  await pub.getByLabel("公示结束").fill("2099-11-07");
  await pub.getByLabel("公示文号").fill("渝北科技〔2020〕88号");
  await pub.getByRole("button", { name: "开始公示" }).click();
  await expect(staff.getByTestId("batch-state")).toHaveText("公示中");
  const publicised = batchRow(id);
  await staff.getByTestId("close-publicity").getByRole("button", { name: "公示结束，转入拨付" }).click();
  await expect(staff.getByTestId("close-publicity").getByRole("alert")).toContainText("公示期尚未结束，不能拨付");
  expect(batchRow(id)).toEqual(publicised);

  // An objection on one line, resolved (kept) with a reason.
  const second = staff.getByTestId("award-line").nth(1);
  await second.getByLabel("异议内容").fill("群众反映该企业已停产");
  await second.getByRole("button", { name: "登记异议" }).click();
  await expect(second).toContainText("公示异议：群众反映该企业已停产");
  await second.getByLabel("原因").fill("经核实企业正常经营");
  await second.getByRole("button", { name: "处理异议" }).click();
  await expect(second).toContainText("异议不成立，保留：经核实企业正常经营");

  // The period ends (its end date passes): now it moves to payment.
  withDb((db) => db.prepare("UPDATE award_batches SET publicity_end = '2020-11-07' WHERE id = ?").run(id));
  await staff.reload();
  await waitForHydration(staff);
  await staff.getByTestId("close-publicity").getByRole("button", { name: "公示结束，转入拨付" }).click();
  await expect(staff.getByTestId("batch-state")).toHaveText("拨付中");

  // 拨付: the first line fails once, then is paid in two parts (both visible); the rest by replaying the payment.
  const first = staff.getByTestId("award-line").first();
  const payForm = first.getByTestId("pay-form");
  await payForm.getByLabel("凭证号").fill("记-0001");
  await payForm.getByLabel("拨付", { exact: true }).selectOption("failed");
  await payForm.getByRole("button", { name: "登记拨付" }).click();
  await expect(first).toContainText("拨付失败");
  await payForm.getByLabel("凭证号").fill("记-0002");
  await payForm.getByLabel("金额（万元）").fill("1");
  await payForm.getByLabel("拨付", { exact: true }).selectOption("paid");
  await payForm.getByRole("button", { name: "登记拨付" }).click();
  await expect(first).toContainText("部分拨付");
  await payForm.getByLabel("凭证号").fill("记-0003");
  await payForm.getByLabel("金额（万元）").fill("2");
  const pay = await captureAction(staff, () => payForm.getByRole("button", { name: "登记拨付" }).click());
  await expect(first).toContainText("已拨付");

  const unpaid = withDb(
    (db) =>
      db
        .prepare("SELECT id FROM award_lines WHERE batch_id = ? AND excluded = 0 AND paid_yuan = 0 ORDER BY id")
        .pluck()
        .all(id) as number[],
  );
  expect(unpaid).toHaveLength(354);
  // Wrong role: the leader replaying a payment is refused, nothing written.
  const payments = scalar("SELECT count(*) FROM award_payments WHERE batch_id = ?", id);
  res = await replayAction(leaderCtx, pay, setField(setField(pay.body, "lineId", unpaid[0]), "amountWan", 3));
  expect(res.text).toContain('"code":"forbidden"');
  expect(scalar("SELECT count(*) FROM award_payments WHERE batch_id = ?", id)).toBe(payments);
  // Control: the same request by staff pays that line.
  res = await replayAction(
    staffCtx,
    pay,
    setField(setField(setField(pay.body, "lineId", unpaid[0]), "amountWan", 3), "voucherNo", "记-1000"),
  );
  expect(res.text).toContain('"ok":true');
  expect(scalar("SELECT payment_state FROM award_lines WHERE id = ?", unpaid[0])).toBe("paid");

  // 批量拨付: the other 353 lines, each paid its remaining amount under one date and 凭证号.
  await staff.reload();
  await waitForHydration(staff);
  const bulk = staff.getByTestId("pay-remaining");
  await bulk.getByLabel("凭证号").fill("记-2000");
  const payAll = await captureAction(staff, () =>
    bulk.getByRole("button", { name: "其余全部按应拨金额登记拨付" }).click(),
  );
  await expect(staff.getByTestId("award-line").filter({ hasText: "未拨付" })).toHaveCount(0);
  expect(scalar("SELECT count(*) FROM award_payments WHERE batch_id = ? AND voucher_no = '记-2000'", id)).toBe(353);
  // The leader replaying the bulk payment is refused, nothing written.
  const paymentsAfter = scalar("SELECT count(*) FROM award_payments WHERE batch_id = ?", id);
  expect((await replayAction(leaderCtx, payAll, payAll.body)).text).toContain('"code":"forbidden"');
  expect(scalar("SELECT count(*) FROM award_payments WHERE batch_id = ?", id)).toBe(paymentsAfter);
  await staff.reload();
  await waitForHydration(staff);
  await staff.getByTestId("complete").getByRole("button", { name: "确认全部拨付完成" }).click();
  await expect(staff.getByTestId("batch-state")).toHaveText("已完成");
  expect(scalar("SELECT sum(amount_yuan) FROM award_payments WHERE batch_id = ? AND status = 'paid'", id)).toBe(
    scalar("SELECT approved_total_yuan FROM award_batches WHERE id = ?", id),
  );
  expect(scalar("SELECT count(*) FROM award_payments WHERE batch_id = ? AND status = 'failed'", id)).toBe(1);

  // The 公示 xlsx read back: every line, the amount a number (万元).
  const xlsx = await staff.request.get(`/awards/batches/${id}/export?kind=publicity`);
  expect(xlsx.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await xlsx.body()) as never);
  const ws = wb.worksheets[0];
  const amounts: unknown[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) amounts.push(r.getCell(7).value);
  });
  expect(amounts).toHaveLength(355);
  expect(amounts.every((a) => a === 3)).toBe(true);

  // The enterprise page shows the award.
  await staff.goto(`/enterprises/${m?.[1]}`);
  await expect(staff.getByTestId("awards-history")).toContainText("科技型企业入库奖励");
  await expect(staff.getByTestId("awards-history")).toContainText("已完成");
  for (const c of [staffCtx, adminCtx, leaderCtx] as BrowserContext[]) await c.close();
});

test("科技成果转化: 800万 → 8万, 6,000万 → 50万 (cap), 400万 refused below the 500万 threshold", async ({
  browser,
}) => {
  const ctx = await contextAs(browser, "staff");
  const page = await ctx.newPage();
  const id = await createBatch(page, "科技成果转化补助", 2020);
  const names = withDb(
    (db) =>
      db
        .prepare(
          "SELECT name FROM enterprises WHERE deleted_at IS NULL AND status = 'active' ORDER BY latest_revenue DESC LIMIT 3",
        )
        .pluck()
        .all() as string[],
  );
  const form = page.getByTestId("application-form");
  const apply = async (name: string, base: string, documents?: string) => {
    const box = form.getByRole("combobox", { name: "申报企业" });
    await box.fill(name);
    await page
      .getByRole("option", { name: new RegExp(name) })
      .first()
      .click();
    await form.getByLabel("新增销售收入等基数（万元）").fill(base);
    if (documents) await form.getByLabel("已收材料").fill(documents);
    await form.getByRole("button", { name: "添加" }).click();
  };
  await apply(names[0], "800", "申请表、销售收入专项审计报告");
  await expect(page.getByTestId("award-line")).toHaveCount(1);
  // The documents received are kept on the line and shown with it.
  await expect(page.getByTestId("line-documents")).toHaveText("已收材料：申请表、销售收入专项审计报告");
  await apply(names[1], "6,000");
  await expect(page.getByTestId("award-line")).toHaveCount(2);
  await expect(page.getByTestId("line-amount")).toHaveText(["8", "50"]);
  await apply(names[2], "400");
  await expect(form.getByRole("alert").or(page.getByText("基数低于政策门槛，不予兑现")).first()).toContainText(
    "基数低于政策门槛，不予兑现",
  );
  await expect(page.getByTestId("award-line")).toHaveCount(2);
  expect(
    scalar(
      "SELECT group_concat(amount_yuan) FROM (SELECT amount_yuan FROM award_lines WHERE batch_id = ? ORDER BY id)",
      id,
    ),
  ).toBe("80000,500000");
  await ctx.close();
});

test("申报导入: unknown code, non-numeric / negative base, duplicate enterprise, amount over cap → refused by row; valid rows only on request", async ({
  browser,
}) => {
  const ctx = await contextAs(browser, "staff");
  const page = await ctx.newPage();
  const id = await createBatch(page, "科技成果转化补助", 2021);
  const codes = withDb(
    (db) =>
      db
        .prepare(
          "SELECT credit_code FROM enterprises WHERE deleted_at IS NULL AND status = 'active' ORDER BY id DESC LIMIT 4",
        )
        .pluck()
        .all() as string[],
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("申报");
  ws.addRow(["统一社会信用代码", "新增销售收入（万元）", "兑现金额（万元）"]);
  ws.addRow([codes[0], 800, null]); // row 2: valid → 8万
  ws.addRow(["91500112MA5UNKNOWN", 900, null]); // row 3: unknown
  ws.addRow([codes[1], "很多", null]); // row 4: not a number
  ws.addRow([codes[2], -5, null]); // row 5: negative
  ws.addRow([codes[0], 700, null]); // row 6: duplicate of row 2
  ws.addRow([codes[3], 6000, 60]); // row 7: amount over the 50万 cap
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const form = page.getByTestId("import-form");
  await form.getByLabel("申报表（.xlsx）").setInputFiles({
    name: "申报.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await form.getByRole("button", { name: "导入" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("共 5 行有误，整表未导入");
  for (const text of [
    "第3行：统一社会信用代码不在台账中",
    "第4行：请输入数字（万元）",
    "第5行：基数不能为负数",
    "第6行：与第2行是同一企业",
    "第7行：金额超过政策上限",
  ])
    await expect(alert).toContainText(text);
  expect(scalar("SELECT count(*) FROM award_lines WHERE batch_id = ?", id)).toBe(0);

  await form.getByLabel("申报表（.xlsx）").setInputFiles({
    name: "申报.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await form.getByLabel("仅导入有效行（有误的行不导入）").check();
  await form.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("award-line")).toHaveCount(1);
  expect(scalar("SELECT amount_yuan FROM award_lines WHERE batch_id = ?", id)).toBe(80_000);
  await ctx.close();
});

test("data scope: a 镇街 user sees only their unit's lines of a batch, and its totals", async ({ browser }) => {
  const staffCtx = await contextAs(browser, "staff");
  const staff = await staffCtx.newPage();
  const id = await createBatch(staff, "新认定国家高新技术企业奖励", 2020);
  const all = scalar("SELECT count(*) FROM award_lines WHERE batch_id = ? AND excluded = 0", id);
  const xiantao = scalar(
    `SELECT count(*) FROM award_lines l JOIN enterprises e ON e.id = l.enterprise_id
     JOIN dictionary_items d ON d.id = e.street_id AND d.kind = 'street' AND d.code = 'xiantao'
     WHERE l.batch_id = ? AND l.excluded = 0`,
    id,
  );
  expect(xiantao).toBeGreaterThan(0);
  expect(xiantao).toBeLessThan(all);
  const ctx = await contextAs(browser, "street");
  const page = await ctx.newPage();
  await page.goto(`/awards/batches/${id}`);
  await expect(page.getByTestId("award-line")).toHaveCount(xiantao);
  await expect(page.getByTestId("batch-totals")).toContainText(`合计：${xiantao}家`);
  // Batch-level steps are not offered to them (and the engine refuses them: tests/unit/awards.test.ts).
  await expect(page.getByTestId("submit")).toHaveCount(0);
  await ctx.close();
  await staffCtx.close();
});
