import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar, seedUser, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { downloadTemplate, fillTemplate, previewFile } from "./fixtures/import";
import { freshCreditCode } from "./fixtures/registry";

// Data scope, enforced on the server: the demo account `street` is staff scoped to 仙桃街道, `park` to 空港工业园区.
// Every read (list, total, search, filter, detail, history, export, picker, import) and every registry write
// replayed with another unit's record id is checked against the database; each refusal has a control that succeeds.

const dictId = (kind: string, code: string) =>
  scalar<number>("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?", kind, code);
const XIANTAO = () => dictId("street", "xiantao");
const KONGGANG = () => dictId("park", "konggang_industrial_park");

/** Live enterprises of 仙桃街道 (in scope) or of other streets (out of scope), never the same ones twice. */
const used = new Set<number>();
function enterpriseIds(inScope: boolean, n: number): number[] {
  const ids = withDb(
    (db) =>
      db
        .prepare(
          // Without qualifications: the writes here must not move a published figure other tests check.
          `SELECT id FROM enterprises e WHERE deleted_at IS NULL AND street_id ${inScope ? "=" : "<>"} ?
             AND NOT EXISTS (SELECT 1 FROM enterprise_qualifications q WHERE q.enterprise_id = e.id) ORDER BY id LIMIT ?`,
        )
        .pluck()
        .all(XIANTAO(), n + used.size) as number[],
  ).filter((id) => !used.has(id));
  const picked = ids.slice(0, n);
  for (const id of picked) used.add(id);
  expect(picked).toHaveLength(n);
  return picked;
}

const totalOf = async (page: Page) =>
  Number(((await page.getByTestId("total-count").textContent()) ?? "").replace(/[^\d]/g, ""));

/** Points a captured action's body at other ids: JSON arguments ("id":1) and multipart fields (name="_1_id"). */
function retarget(body: string, fields: Record<string, number>): string {
  let out = body;
  for (const [k, v] of Object.entries(fields)) {
    out = out.replace(new RegExp(`"${k}":"?\\d+"?`, "g"), `"${k}":${v}`);
    out = out.replace(new RegExp(`(name="(?:_?\\d+_)?${k}"\\r\\n\\r\\n)\\d+`, "g"), `$1${v}`);
  }
  expect(out).not.toBe(body);
  return out;
}

async function shot(page: Page, name: string) {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

test("street sees only 仙桃街道: list total, search, filter, detail and history 404, export, picker", async ({
  page,
}) => {
  await signInAs(page, "street");
  const xt = XIANTAO();
  const expected = scalar("SELECT count(*) FROM enterprises WHERE street_id = ? AND deleted_at IS NULL", xt);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(scalar("SELECT count(*) FROM enterprises WHERE deleted_at IS NULL"));

  await page.goto("/enterprises");
  await expect(page.getByTestId("total-count")).toBeVisible();
  expect(await totalOf(page)).toBe(expected);
  await shot(page, "enterprises-street");

  // Another street's enterprise: not found by search, by its street's filter, by id or by its history.
  const [out] = enterpriseIds(false, 1);
  const [inside] = enterpriseIds(true, 1);
  const outRow = row<{ name: string; street_id: number; credit_code: string }>(
    "SELECT name, street_id, credit_code FROM enterprises WHERE id = ?",
    out,
  )!;
  await page.goto(`/enterprises?q=${encodeURIComponent(outRow.name)}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 0 条");
  await page.goto(`/enterprises?street=${outRow.street_id}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 0 条");
  for (const url of [`/enterprises/${out}`, `/enterprises/${out}?tab=history`, `/enterprises/${out}/edit`]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "404 · 页面不存在" })).toBeVisible();
  }
  // Control: an enterprise of 仙桃街道 opens, history included.
  const insideName = scalar<string>("SELECT name FROM enterprises WHERE id = ?", inside);
  await page.goto(`/enterprises/${inside}?tab=history`);
  await expect(page.getByRole("heading", { name: insideName })).toBeVisible();

  // Exports hold exactly the scoped rows (CSV: a header line, then one line per enterprise).
  const csv = await page.request.get("/enterprises/export");
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(expected);
  const other = await page.request.get(`/enterprises/export?q=${encodeURIComponent(outRow.credit_code)}`);
  expect((await other.text()).trim().split(/\r?\n/)).toHaveLength(1);

  // The picker offers no enterprise outside the scope.
  const byName = await page.request.get(`/enterprises/lookup?q=${encodeURIComponent(outRow.name)}`);
  expect(await byName.json()).toEqual([]);
  const first = (await (await page.request.get("/enterprises/lookup?q=")).json()) as { id: number }[];
  expect(first.length).toBeGreaterThan(0);
  const streets = scalar<string>(
    "SELECT json_group_array(DISTINCT street_id) FROM enterprises WHERE id IN (SELECT value FROM json_each(?))",
    JSON.stringify(first.map((e) => e.id)),
  );
  expect(JSON.parse(streets)).toEqual([xt]);
});

test("park sees only its park's enterprises", async ({ page }) => {
  await signInAs(page, "park");
  const expected = scalar("SELECT count(*) FROM enterprises WHERE park_id = ? AND deleted_at IS NULL", KONGGANG());
  expect(expected).toBeGreaterThan(0);
  await page.goto("/enterprises");
  await expect(page.getByTestId("total-count")).toBeVisible();
  expect(await totalOf(page)).toBe(expected);
  const out = scalar<number>(
    "SELECT id FROM enterprises WHERE deleted_at IS NULL AND (park_id IS NULL OR park_id <> ?) ORDER BY id LIMIT 1",
    KONGGANG(),
  );
  await page.goto(`/enterprises/${out}`);
  await expect(page.getByRole("heading", { name: "404 · 页面不存在" })).toBeVisible();
});

test("an import row of another street is refused with its row number; the in-scope row is valid", async ({ page }) => {
  await signInAs(page, "street");
  const template = await downloadTemplate(page);
  const [out] = enterpriseIds(false, 1);
  const outCode = scalar<string>("SELECT credit_code FROM enterprises WHERE id = ?", out);
  const base = (name: string, code: string, street: string) => ({
    企业名称: name,
    统一社会信用代码: code,
    法定代表人: "王导入",
    成立日期: new Date(Date.UTC(2019, 3, 1)),
    "注册资本（万元）": 500,
    所属镇街: street,
    产业链: "软件信息",
    规上工业企业: "否",
    状态: "在册",
  });
  const good = freshCreditCode();
  const other = freshCreditCode();
  const buffer = await fillTemplate(template, "企业", [
    base(uniqueName("范围内导入"), good, "仙桃街道"),
    base(uniqueName("范围外导入"), other, "龙溪街道"),
    // Another street's existing enterprise, re-imported as if it were 仙桃街道's.
    base(uniqueName("越界改写"), outCode, "仙桃街道"),
  ]);
  await previewFile(page, "scope.xlsx", buffer);
  await expect(page.getByTestId("count-new")).toHaveText("1");
  await expect(page.getByTestId("count-invalid")).toHaveText("2");
  const errors = page.getByTestId("import-error");
  await expect(errors).toHaveCount(2);
  await expect(errors.getByTestId("import-error-row")).toHaveText(["3", "4"]);
  await expect(errors.getByTestId("import-error-column")).toHaveText(["所属镇街", "所属镇街"]);
  await expect(errors.nth(0)).toContainText("超出您的数据范围");
  await expect(errors.nth(1)).toContainText("超出您的数据范围");

  // 仅导入有效行: only the in-scope row is written; the other enterprise is untouched.
  const before = row("SELECT name, street_id, version FROM enterprises WHERE id = ?", out);
  await page.getByRole("button", { name: "仅导入有效行" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect.poll(() => scalar("SELECT count(*) FROM enterprises WHERE credit_code = ?", good)).toBe(1);
  expect(scalar("SELECT count(*) FROM enterprises WHERE credit_code = ?", other)).toBe(0);
  expect(row("SELECT name, street_id, version FROM enterprises WHERE id = ?", out)).toEqual(before);
  // Imported by a 镇街 account: 待审核 like a form entry — stored pending, with its item in the queue.
  const imported = scalar<number>("SELECT id FROM enterprises WHERE credit_code = ?", good);
  expect(scalar("SELECT review_state FROM enterprises WHERE id = ?", imported)).toBe("pending");
  expect(
    scalar(
      "SELECT count(*) FROM review_items WHERE object_type = 'enterprise' AND record_id = ? AND op = 'create' AND state = 'pending'",
      imported,
    ),
  ).toBe(1);
});

test("every registry write replayed by street on another unit's record is refused, nothing written; controls succeed", async ({
  browser,
  page,
}) => {
  await signInAs(page, "street");
  const [a, a2, a3, a4] = enterpriseIds(true, 4);
  const [b] = enterpriseIds(false, 1);
  const snapshot = () =>
    row(
      `SELECT e.legal_representative AS rep, e.street_id AS street, e.version, e.deleted_at AS deleted,
        (SELECT count(*) FROM enterprise_qualifications q WHERE q.enterprise_id = e.id) AS quals,
        (SELECT count(*) FROM enterprise_annual_figures f WHERE f.enterprise_id = e.id) AS annual
       FROM enterprises e WHERE e.id = ?`,
      b,
    );
  const untouched = snapshot();
  const version = (id: number) => scalar<number>("SELECT version FROM enterprises WHERE id = ?", id);
  const refused = (res: { text: string }) => expect(res.text).toContain('"ok":false');
  // 录入 → 审核: what street writes to an approved record waits as a review item (the record is untouched).
  const submitted = (objectType: string, id: number) =>
    row<{ op: string; payload: string | null } | undefined>(
      "SELECT op, payload FROM review_items WHERE object_type = ? AND record_id = ? AND state = 'pending' ORDER BY id DESC LIMIT 1",
      objectType,
      id,
    );
  const repOf = (id: number) => scalar<string>("SELECT legal_representative FROM enterprises WHERE id = ?", id);

  // update
  await page.goto(`/enterprises/${a}/edit`);
  await waitForHydration(page);
  const rep = uniqueName("代表");
  await page.getByLabel("法定代表人").fill(rep);
  const update = await captureAction(page, () => page.getByRole("button", { name: "保存" }).click());
  await page.waitForURL(new RegExp(`/enterprises/${a}$`));
  const repA = repOf(a);
  expect(repA).not.toBe(rep);
  expect(JSON.parse(submitted("enterprise", a)?.payload ?? "{}").legalRepresentative).toBe(rep);
  // The form sends every field: each replay carries the target's own credit code, so nothing but the scope
  // stands in the way (the control shows the same request is written for a record in scope).
  const code = (id: number) => scalar<string>("SELECT credit_code FROM enterprises WHERE id = ?", id);
  const aCode = code(a);
  expect(update.body).toContain(aCode);
  const stolenRep = uniqueName("越权");
  refused(
    await replayAction(
      page.context(),
      update,
      retarget(update.body.replaceAll(rep, stolenRep).replaceAll(aCode, code(b)), { id: b, version: version(b) }),
    ),
  );
  expect(snapshot()).toEqual(untouched);
  const controlRep = uniqueName("对照");
  const ok = await replayAction(
    page.context(),
    update,
    retarget(update.body.replaceAll(rep, controlRep).replaceAll(aCode, code(a2)), { id: a2, version: version(a2) }),
  );
  expect(ok.text).toContain('"ok":true');
  expect(JSON.parse(submitted("enterprise", a2)?.payload ?? "{}").legalRepresentative).toBe(controlRep);

  // Moving one's own enterprise to another 镇街 (the form no longer offers it; a crafted request does) is refused
  // under 所属镇街, in Chinese, and nothing is written.
  const longxi = dictId("street", "longxi");
  const moved = await replayAction(
    page.context(),
    update,
    retarget(update.body.replaceAll(rep, uniqueName("搬走")), { streetId: longxi, version: version(a) }),
  );
  refused(moved);
  expect(moved.text).toContain("超出您的数据范围");
  expect(scalar("SELECT street_id FROM enterprises WHERE id = ?", a)).toBe(XIANTAO());
  expect(JSON.parse(submitted("enterprise", a)?.payload ?? "{}").legalRepresentative).toBe(rep);

  // qualification add
  await page.goto(`/enterprises/${a}`);
  await waitForHydration(page);
  const quals = page.getByRole("form", { name: "新增资质" });
  await quals.getByLabel("资质类型").selectOption({ label: "国家高新技术企业" });
  await quals.getByLabel("认定日期").fill("2021-03-01");
  const addQual = await captureAction(page, () => quals.getByRole("button", { name: "新增资质" }).click());
  await expect(page.getByTestId("qualifications")).toContainText("2021-03-01");
  refused(await replayAction(page.context(), addQual, retarget(addQual.body, { enterpriseId: b })));
  expect(snapshot()).toEqual(untouched);
  const qualsA2 = scalar("SELECT count(*) FROM enterprise_qualifications WHERE enterprise_id = ?", a2);
  expect((await replayAction(page.context(), addQual, retarget(addQual.body, { enterpriseId: a2 }))).text).toContain(
    '"ok":true',
  );
  expect(scalar("SELECT count(*) FROM enterprise_qualifications WHERE enterprise_id = ?", a2)).toBe(qualsA2 + 1);
  // Stored, but pending: it counts nowhere until approved.
  expect(
    scalar("SELECT review_state FROM enterprise_qualifications WHERE enterprise_id = ? ORDER BY id DESC LIMIT 1", a2),
  ).toBe("pending");

  // annual figures (a year no demo enterprise has)
  const annual = page.getByRole("form", { name: "保存年度数据" });
  await annual.getByLabel("年度").fill("2001");
  await annual.getByLabel("营业收入（万元）").fill("1000");
  const saveAnnual = await captureAction(page, () => annual.getByRole("button", { name: "保存年度数据" }).click());
  await expect(page.getByTestId("annual-figures")).toContainText("2001");
  refused(await replayAction(page.context(), saveAnnual, retarget(saveAnnual.body, { enterpriseId: b })));
  expect(snapshot()).toEqual(untouched);
  expect(
    (await replayAction(page.context(), saveAnnual, retarget(saveAnnual.body, { enterpriseId: a2 }))).text,
  ).toContain('"ok":true');
  expect(scalar("SELECT count(*) FROM enterprise_annual_figures WHERE enterprise_id = ? AND year = 2001", a2)).toBe(1);

  // delete
  await page.goto(`/enterprises/${a3}`);
  await waitForHydration(page);
  // The record header's 删除 comes first (the qualification rows have their own).
  await page.getByRole("button", { name: "删除" }).first().click();
  const remove = await captureAction(page, () =>
    page.getByRole("dialog").getByRole("button", { name: "确认" }).click(),
  );
  await page.waitForURL(/\/enterprises$/);
  // A deletion by street waits for review: submitted, the record still live.
  expect(submitted("enterprise", a3)?.op).toBe("delete");
  expect(scalar("SELECT deleted_at IS NULL FROM enterprises WHERE id = ?", a3)).toBe(1);
  refused(await replayAction(page.context(), remove, retarget(remove.body, { id: b, version: version(b) })));
  expect(snapshot()).toEqual(untouched);
  expect(submitted("enterprise", b)).toBeUndefined();
  expect(
    (await replayAction(page.context(), remove, retarget(remove.body, { id: a4, version: version(a4) }))).text,
  ).toContain('"ok":true');
  expect(submitted("enterprise", a4)?.op).toBe("delete");

  // restore: staff may not restore at all; an admin given 仙桃街道's scope restores only there.
  const password = "Scope@2026test";
  const scopedAdmin = uniqueName("scadm");
  const adminId = seedUser(scopedAdmin, "admin", password);
  withDb((db) =>
    db
      .prepare("UPDATE users SET unit_kind = 'street', unit_id = ?, data_scope = 'unit' WHERE id = ?")
      .run(XIANTAO(), adminId),
  );
  // The deletions approved (as a reviewer would): a3 and a4 are deleted records of 仙桃街道.
  withDb((db) =>
    db
      .prepare(
        "UPDATE enterprises SET deleted_at = '2026-01-01T00:00:00.000Z', version = version + 1 WHERE id IN (?, ?)",
      )
      .run(a3, a4),
  );
  withDb((db) =>
    db
      .prepare("UPDATE review_items SET state = 'approved' WHERE object_type = 'enterprise' AND record_id IN (?, ?)")
      .run(a3, a4),
  );
  const admin: BrowserContext = await contextAs(browser, scopedAdmin, password);
  const ap = await admin.newPage();
  await ap.goto(`/enterprises/${a3}`);
  await waitForHydration(ap);
  await ap.getByRole("button", { name: "恢复" }).click();
  const restore = await captureAction(ap, () => ap.getByRole("dialog").getByRole("button", { name: "确认" }).click());
  // A scoped admin's restore waits for review too (the page says so).
  await expect(ap.getByTestId("review-banner")).toContainText("恢复");
  expect(submitted("enterprise", a3)?.op).toBe("restore");
  // Another street's deleted enterprise (deleted here by the test, as the full-scope staff would).
  withDb((db) =>
    db
      .prepare("UPDATE enterprises SET deleted_at = '2026-01-01T00:00:00.000Z', version = version + 1 WHERE id = ?")
      .run(b),
  );
  const deletedB = snapshot();
  refused(await replayAction(admin, restore, retarget(restore.body, { id: b, version: version(b) })));
  refused(await replayAction(page.context(), restore, retarget(restore.body, { id: a4, version: version(a4) })));
  expect(snapshot()).toEqual(deletedB);
  expect(scalar("SELECT deleted_at IS NOT NULL FROM enterprises WHERE id = ?", a4)).toBe(1);
  expect((await replayAction(admin, restore, retarget(restore.body, { id: a4, version: version(a4) }))).text).toContain(
    '"ok":true',
  );
  expect(submitted("enterprise", a4)?.op).toBe("restore");
  await admin.close();
});

test("the admin sets a user's unit and data scope: validated, versioned, logged, sessions ended", async ({
  browser,
}) => {
  const password = "Scope@2026test";
  const username = uniqueName("scope");
  const userId = seedUser(username, "staff", password);
  const target = await contextAs(browser, username, password, { fresh: true });
  const tp = await target.newPage();
  await tp.goto("/enterprises");
  await expect(tp.getByTestId("total-count")).toBeVisible();
  const fullTotal = await totalOf(tp);

  const admin = await contextAs(browser, "admin");
  const page = await admin.newPage();
  await page.goto("/admin/users");
  await waitForHydration(page);
  const form = page.getByRole("form", { name: `修改单位与数据范围：${username}` });
  // 本单位 with a 科室 as the unit is refused under 数据范围.
  await form.getByLabel("所属单位").selectOption({ label: "办公室" });
  await form.getByLabel("数据范围").selectOption({ label: "本单位（本镇街/本园区）" });
  await form.getByRole("button", { name: "保存单位与范围" }).click();
  await expect(form.getByText("“本单位”数据范围须先将所属单位设为某个镇街或园区")).toBeVisible();
  expect(row("SELECT unit_id, data_scope, version FROM users WHERE id = ?", userId)).toEqual({
    unit_id: null,
    data_scope: "all",
    version: 1,
  });

  await form.getByLabel("所属单位").selectOption({ label: "仙桃街道" });
  await form.getByRole("button", { name: "保存单位与范围" }).click();
  await expect(page.getByText("新数据范围在其重新登录后立即生效")).toBeVisible();
  await shot(page, "admin-users-scope");
  expect(row("SELECT unit_kind, unit_id, data_scope, version FROM users WHERE id = ?", userId)).toEqual({
    unit_kind: "street",
    unit_id: XIANTAO(),
    data_scope: "unit",
    version: 2,
  });
  const log = row<{ before: string; after: string }>(
    "SELECT before, after FROM operation_logs WHERE action = 'user.changeScope' AND object_id = ? ORDER BY id DESC LIMIT 1",
    String(userId),
  )!;
  expect(JSON.parse(log.before)).toMatchObject({ unitId: null, dataScope: "all" });
  expect(JSON.parse(log.after)).toMatchObject({ unitKind: "street", unitId: XIANTAO(), dataScope: "unit" });
  expect(scalar("SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL", userId)).toBe(0);

  // Their session has ended; signed in again, they see 仙桃街道's enterprises only.
  await tp.goto("/enterprises");
  await tp.waitForURL(/\/login/);
  await target.close();
  const again = await contextAs(browser, username, password, { fresh: true });
  const ap = await again.newPage();
  await ap.goto("/enterprises");
  await expect(ap.getByTestId("total-count")).toBeVisible();
  const scoped = await totalOf(ap);
  expect(scoped).toBe(scalar("SELECT count(*) FROM enterprises WHERE street_id = ? AND deleted_at IS NULL", XIANTAO()));
  expect(scoped).toBeLessThan(fullTotal);
  await again.close();

  // A new account gets its unit and scope on creation.
  const created = uniqueName("newpark");
  await page.getByLabel("用户名").fill(created);
  await page.getByLabel("姓名").fill("园区专干");
  const createForm = page.getByRole("form", { name: "新建用户" });
  await createForm.getByLabel("所属单位").selectOption({ label: "空港工业园区" });
  await createForm.getByLabel("数据范围").selectOption({ label: "本单位（本镇街/本园区）" });
  await createForm.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByTestId("one-time-password")).toBeVisible();
  expect(row("SELECT unit_kind, unit_id, data_scope FROM users WHERE username = ?", created)).toEqual({
    unit_kind: "park",
    unit_id: KONGGANG(),
    data_scope: "unit",
  });
  await admin.close();
});

test("the quarterly summary's movement lists hold only the records within the scope", async ({ browser, page }) => {
  const staff = await contextAs(browser, "staff");
  const sp = await staff.newPage();
  await sp.goto("/reports/2021Q1");
  const all = await sp.getByTestId("movement-newEnterprises").locator("tbody tr").allInnerTexts();
  await staff.close();
  const inside = all.filter((t) => t.includes("仙桃街道"));
  expect(inside.length).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(all.length);

  await signInAs(page, "street");
  await page.goto("/reports/2021Q1");
  const scoped = await page.getByTestId("movement-newEnterprises").locator("tbody tr").allInnerTexts();
  // Every row is 仙桃街道's; the page shows the first rows of a long list, so the street's list starts with the
  // 仙桃街道 rows among the staff's first rows, in the same order, and goes on with more of its own.
  expect(scoped.every((t) => t.includes("仙桃街道"))).toBe(true);
  expect(scoped.slice(0, inside.length)).toEqual(inside);
});

test("the forms offer a scoped user only their own unit, preselected on a new record", async ({ page }) => {
  await signInAs(page, "street");
  await page.goto("/enterprises/new");
  const street = page.getByLabel("所属镇街");
  await expect(street).toHaveValue(String(XIANTAO()));
  await expect(street.locator("option")).toHaveText(["—", "仙桃街道"]);
  // The 园区 choice is not this user's unit: every park stays on offer.
  expect(await page.getByLabel("所属园区").locator("option").count()).toBeGreaterThan(3);
  await page.goto("/incubators/new");
  await expect(page.getByLabel("所属镇街")).toHaveValue(String(XIANTAO()));

  await signInAs(page, "park");
  await page.goto("/enterprises/new");
  await expect(page.getByLabel("所属园区")).toHaveValue(String(KONGGANG()));
  expect(await page.getByLabel("所属镇街").locator("option").count()).toBeGreaterThan(3);

  // A 全区 user still chooses among every 镇街, none preselected.
  await signInAs(page, "staff");
  await page.goto("/enterprises/new");
  await expect(page.getByLabel("所属镇街")).toHaveValue("");
  expect(await page.getByLabel("所属镇街").locator("option").count()).toBeGreaterThan(20);
});
