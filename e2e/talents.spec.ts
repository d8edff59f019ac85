import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { makeCreditCode } from "../lib/credit-code";
import { captureAction, contextAs, replayAction } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";

// 人才 registry. The heart of it is personal data: the phone and ID number are stored in full but leave the
// server masked, for every role, except through the logged, one-record `talent.reveal` action.

const PHONE = "13800138000";
const PHONE_MASKED = "138****8000";
const ID_NUMBER = "500112199001011239";
const ID_MASKED = "500112********1239";
const THIS_YEAR = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format());

type TalentInput = {
  name: string;
  kind?: "个人" | "团队";
  category?: string;
  year?: number;
  employer?: string;
  field?: string;
  programme?: string;
  phone?: string;
  idNumber?: string;
};

async function fillTalentForm(page: Page, v: TalentInput) {
  if (v.kind) await page.getByLabel("类型").selectOption({ label: v.kind });
  await page.getByLabel("姓名/团队名称").fill(v.name);
  await page.getByLabel("人才类别").selectOption({ label: v.category ?? "海内外高层次人才" });
  await page.getByLabel("认定年份").fill(String(v.year ?? 2020));
  if (v.employer !== undefined) await page.getByLabel("工作单位").fill(v.employer);
  if (v.field !== undefined) await page.getByLabel("专业领域").fill(v.field);
  if (v.programme !== undefined) await page.getByLabel("入选计划").fill(v.programme);
  await page.getByLabel(/^联系电话/).fill(v.phone ?? PHONE);
  await page.getByLabel(/^身份证号/).fill(v.idNumber ?? ID_NUMBER);
}

/** Creates a talent through the form as the page's user; returns its id. */
async function createTalent(page: Page, v: TalentInput): Promise<number> {
  await page.goto("/talents/new");
  await fillTalentForm(page, v);
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/talents\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

async function confirmDialog(page: Page, button: string) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button }).click();
}

function talentCount(name: string): number {
  return scalar("SELECT count(*) FROM talents WHERE name = ?", name);
}

test("the phone and ID number: masked on the record, not prefilled on edit, kept when left empty, replaced when typed, masked in the history", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const name = uniqueName("张人才");
  const id = await createTalent(page, {
    name,
    employer: "重庆邮电大学",
    field: "人工智能",
    programme: "鸿雁计划",
    year: 2020,
  });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("talent-phone")).toHaveText(PHONE_MASKED);
  await expect(page.getByTestId("talent-id-number")).toHaveText(ID_MASKED);
  await expect(page.getByText("重庆邮电大学")).toBeVisible();
  // Stored in full (the reveal action needs it), shown masked.
  expect(row("SELECT phone, id_number AS idNumber FROM talents WHERE id = ?", id)).toEqual({
    phone: PHONE,
    idNumber: ID_NUMBER,
  });

  // Edit 1: the personal fields are not prefilled; left empty they keep the stored values.
  await page.getByRole("link", { name: "编辑" }).click();
  await page.waitForURL(`**/talents/${id}/edit`);
  await expect(page.getByLabel(/^联系电话/)).toHaveValue("");
  await expect(page.getByLabel(/^联系电话/)).toHaveAttribute("placeholder", PHONE_MASKED);
  await expect(page.getByLabel(/^身份证号/)).toHaveValue("");
  await expect(page.getByLabel(/^身份证号/)).toHaveAttribute("placeholder", ID_MASKED);
  await expect(page.getByText("留空则保留原值").first()).toBeVisible();
  await page.getByLabel("专业领域").fill("集成电路");
  await page.getByLabel("认定年份").fill("2021");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/talents/${id}$`));
  await expect(page.getByText("集成电路")).toBeVisible();
  expect(row("SELECT phone, id_number AS idNumber, field FROM talents WHERE id = ?", id)).toEqual({
    phone: PHONE,
    idNumber: ID_NUMBER,
    field: "集成电路",
  });

  // Edit 2: a new phone replaces the stored one.
  await page.goto(`/talents/${id}/edit`);
  await page.getByLabel(/^联系电话/).fill("13900139000");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/talents/${id}$`));
  await expect(page.getByTestId("talent-phone")).toHaveText("139****9000");
  expect(scalar("SELECT phone FROM talents WHERE id = ?", id)).toBe("13900139000");

  // History: field by field, before → after; the phone change is shown (and logged) masked.
  await page.getByRole("tab", { name: "变更历史" }).click();
  await page.waitForURL(/tab=history/);
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(3);
  const phoneEdit = entries.nth(0);
  await expect(phoneEdit).toContainText("修改人才");
  await expect(phoneEdit.getByRole("row", { name: /联系电话/ })).toContainText(PHONE_MASKED);
  await expect(phoneEdit.getByRole("row", { name: /联系电话/ })).toContainText("139****9000");
  const fieldEdit = entries.nth(1);
  await expect(fieldEdit.getByRole("row", { name: /专业领域/ })).toContainText("人工智能");
  await expect(fieldEdit.getByRole("row", { name: /专业领域/ })).toContainText("集成电路");
  await expect(fieldEdit.getByRole("row", { name: /认定年份/ })).toContainText("2020");
  await expect(fieldEdit.getByRole("row", { name: /认定年份/ })).toContainText("2021");
  await expect(fieldEdit).not.toContainText("联系电话");
  await expect(entries.nth(2)).toContainText("新建人才");
  const html = await page.content();
  expect(html).not.toContain("13900139000");
  expect(html).not.toContain(PHONE);
  expect(html).not.toContain(ID_NUMBER);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE object_type = 'talent' AND object_id = ? AND (before LIKE ? OR after LIKE ? OR before LIKE ? OR after LIKE ?)",
      String(id),
      `%${PHONE}%`,
      `%${PHONE}%`,
      "%13900139000%",
      "%13900139000%",
    ),
  ).toBe(0);
  await staff.close();
});

test("the list filters by category, kind and year range, all in the URL", async ({ browser }) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const prefix = uniqueName("筛选");
  const person = `${prefix}甲`;
  const team = `${prefix}乙团队`;
  await createTalent(page, { name: person, kind: "个人", category: "海内外高层次人才", year: 2015 });
  await createTalent(page, { name: team, kind: "团队", category: "创业示范团队", year: 2022 });
  const teamCategory = scalar(
    "SELECT id FROM dictionary_items WHERE kind = 'talent_category' AND code = 'startup_demo_team'",
  );

  // A facet select writes its key.
  await page.goto(`/talents?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 2 条");
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "类型" }).selectOption({ label: "团队" });
  await page.waitForURL((u) => u.searchParams.get("kind") === "team");
  await expect(page.getByTestId("total-count")).toHaveText("共 1 条");
  await expect(page.getByRole("link", { name: team })).toBeVisible();

  // The URL alone reproduces every filter.
  const q = `q=${encodeURIComponent(prefix)}`;
  const cases: [string, string[]][] = [
    [`${q}&category=${teamCategory}`, [team]],
    [`${q}&kind=person`, [person]],
    [`${q}&yearFrom=2010&yearTo=2016`, [person]],
    [`${q}&yearFrom=2020`, [team]],
    [`${q}&yearTo=2014`, []],
    [`q=${encodeURIComponent(`${prefix}乙`)}`, [team]],
  ];
  for (const [params, names] of cases) {
    await page.goto(`/talents?${params}`);
    await expect(page.getByTestId("total-count")).toHaveText(`共 ${names.length} 条`);
    for (const n of names) await expect(page.getByRole("link", { name: n })).toBeVisible();
  }
  // Row click opens the detail page.
  await page.goto(`/talents?${q}&sort=recognisedYear.desc`);
  await waitForHydration(page);
  await page.getByTestId("table-talents").locator("tbody tr").first().locator("td").nth(2).click();
  await page.waitForURL(/\/talents\/\d+$/);
  await expect(page.getByRole("heading", { name: team })).toBeVisible();
  await staff.close();
});

async function assertNoLeak(context: BrowserContext, page: Page, url: string, masked: string[]) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  const html = await page.content();
  const raw = await (await context.request.get(url)).text();
  const rscRes = await context.request.get(url, { headers: { RSC: "1" } });
  expect(rscRes.headers()["content-type"], `${url} answers RSC: 1 with the flight payload`).toContain(
    "text/x-component",
  );
  const rsc = await rscRes.text();
  for (const [what, text] of [
    ["DOM", html],
    ["HTML", raw],
    ["RSC", rsc],
  ] as const) {
    expect(text, `${what} of ${url}`).not.toContain(PHONE);
    expect(text, `${what} of ${url}`).not.toContain(ID_NUMBER);
    for (const m of masked) expect(text, `${what} of ${url} shows ${m}`).toContain(m);
  }
}

test("the full phone and ID number never reach the browser: list, detail, history and edit, for every role", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const sp = await staff.newPage();
  const name = uniqueName("隐私");
  const id = await createTalent(sp, { name });

  for (const role of ["staff", "leader", "admin"] as const) {
    const ctx = role === "staff" ? staff : await contextAs(browser, role);
    const page = role === "staff" ? sp : await ctx.newPage();
    await assertNoLeak(ctx, page, `/talents?q=${encodeURIComponent(name)}`, [PHONE_MASKED, ID_MASKED]);
    await assertNoLeak(ctx, page, `/talents/${id}`, [PHONE_MASKED, ID_MASKED]);
    await assertNoLeak(ctx, page, `/talents/${id}?tab=history`, [PHONE_MASKED, ID_MASKED]);
    if (role === "leader") {
      // The leader may not edit: the page is refused, and says nothing either.
      const res = await ctx.request.get(`/talents/${id}/edit`);
      expect(res.status()).toBe(403);
      const text = await res.text();
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(ID_NUMBER);
    } else {
      await assertNoLeak(ctx, page, `/talents/${id}/edit`, [PHONE_MASKED, ID_MASKED]);
    }
    if (role !== "staff") await ctx.close();
  }
  await staff.close();
});

test("staff reveals one record (logged without the values); the leader cannot, not even by replaying the action", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const name = uniqueName("查看");
  const id = await createTalent(page, { name });
  await expect(page.getByTestId("talent-phone")).toHaveText(PHONE_MASKED);

  await page.getByRole("button", { name: "查看完整信息" }).click();
  const action = await captureAction(page, () => confirmDialog(page, "查看完整信息"));
  await expect(page.getByTestId("talent-phone")).toHaveText(PHONE);
  await expect(page.getByTestId("talent-id-number")).toHaveText(ID_NUMBER);
  await expect(page.getByText("本次查看已记入操作日志")).toBeVisible();

  const log = row<Record<string, unknown>>(
    "SELECT * FROM operation_logs WHERE action = 'talent.reveal' AND object_type = 'talent' AND object_id = ? AND result = 'ok' AND username = 'staff'",
    String(id),
  );
  expect(log).toBeDefined();
  expect(String(log?.message)).toContain("phone");
  expect(String(log?.message)).toContain("idNumber");
  const logText = JSON.stringify(log);
  expect(logText).not.toContain(PHONE);
  expect(logText).not.toContain(ID_NUMBER);
  // Nothing in the whole log carries the values.
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE coalesce(before,'') || coalesce(after,'') || coalesce(detail,'') || coalesce(message,'') LIKE ? OR coalesce(before,'') || coalesce(after,'') || coalesce(detail,'') || coalesce(message,'') LIKE ?",
      `%${PHONE}%`,
      `%${ID_NUMBER}%`,
    ),
  ).toBe(0);

  // A reload is masked again: the values lived only in that component's state.
  await page.reload();
  await expect(page.getByTestId("talent-phone")).toHaveText(PHONE_MASKED);
  expect(await page.content()).not.toContain(PHONE);

  // The leader sees no reveal button …
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto(`/talents/${id}`);
  await expect(lp.getByTestId("talent-phone")).toHaveText(PHONE_MASKED);
  await expect(lp.getByRole("button", { name: "查看完整信息" })).toHaveCount(0);
  await expect(lp.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await expect(lp.getByRole("button", { name: "删除" })).toHaveCount(0);

  // … and the server refuses the replayed action, logging the refusal.
  const denied = () =>
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'talent.reveal' AND result = 'denied' AND username = 'leader'",
    );
  const deniedBefore = denied();
  const refused = await replayAction(leader, action, action.body);
  expect(refused.text).toContain('"code":"forbidden"');
  expect(refused.text).not.toContain(PHONE);
  expect(refused.text).not.toContain(ID_NUMBER);
  expect(denied()).toBe(deniedBefore + 1);
  await leader.close();

  // Control: the same request with the staff cookie is answered (so the refusal above is the guard's).
  const okBefore = scalar(
    "SELECT count(*) FROM operation_logs WHERE action = 'talent.reveal' AND result = 'ok' AND object_id = ?",
    String(id),
  );
  const control = await replayAction(staff, action, action.body);
  expect(control.text).toContain('"ok":true');
  expect(control.text).toContain(PHONE);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'talent.reveal' AND result = 'ok' AND object_id = ?",
      String(id),
    ),
  ).toBe(okBefore + 1);
  await staff.close();
});

test("create replayed with a leader cookie is refused and writes nothing; the staff control succeeds", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const original = uniqueName("原始");
  await page.goto("/talents/new");
  await fillTalentForm(page, { name: original });
  const action = await captureAction(page, () => page.getByRole("button", { name: "保存" }).click());
  await page.waitForURL(/\/talents\/\d+$/);
  expect(action.body).toContain(original);

  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto("/talents");
  await expect(lp.getByRole("link", { name: "新建人才" })).toHaveCount(0);
  expect((await lp.goto("/talents/new"))?.status()).toBe(403);

  const attacker = uniqueName("越权");
  const total = scalar("SELECT count(*) FROM talents");
  const deniedBefore = scalar(
    "SELECT count(*) FROM operation_logs WHERE action = 'talent.create' AND result = 'denied' AND username = 'leader'",
  );
  const res = await replayAction(leader, action, action.body.replaceAll(original, attacker));
  expect(res.text).toContain('"code":"forbidden"');
  expect(talentCount(attacker)).toBe(0);
  expect(scalar("SELECT count(*) FROM talents")).toBe(total);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'talent.create' AND result = 'denied' AND username = 'leader'",
    ),
  ).toBe(deniedBefore + 1);
  await leader.close();

  // The refused request carried a full phone and ID number: the denied log row keeps them masked.
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE coalesce(detail,'') LIKE ? OR coalesce(detail,'') LIKE ?",
      `%${PHONE}%`,
      `%${ID_NUMBER}%`,
    ),
  ).toBe(0);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'talent.create' AND result = 'denied' AND username = 'leader' AND detail LIKE ?",
      `%${PHONE_MASKED}%`,
    ),
  ).toBeGreaterThanOrEqual(1);

  const control = uniqueName("对照");
  const ok = await replayAction(staff, action, action.body.replaceAll(original, control));
  expect(ok.text).toContain('"ok":true');
  expect(talentCount(control)).toBe(1);
  await staff.close();
});

test("an invalid phone or ID, an out-of-range year and a 10,000-character name are refused field by field", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const name = uniqueName("校验");
  await page.goto("/talents/new");
  const total = () => scalar("SELECT count(*) FROM talents");
  const before = total();
  // Each refusal must be back (and rendered) before the next edit, or the re-render would overwrite it.
  const save = async () => {
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && !!r.request().headers()["next-action"],
    );
    await page.getByRole("button", { name: "保存" }).click();
    await answered;
    await expect(page.getByRole("button", { name: "保存" })).toBeEnabled();
  };
  const yearError = `年份应在 1990–${THIS_YEAR} 之间`;

  await fillTalentForm(page, { name, phone: "12345", field: "生物医药" });
  await save();
  await expect(page.getByText("请输入有效的电话号码（手机11位或座机）")).toBeVisible();
  await expect(page.getByLabel(/^联系电话/)).toHaveAttribute("aria-invalid", "true");
  // The form keeps what was typed.
  await expect(page.getByLabel("姓名/团队名称")).toHaveValue(name);
  await expect(page.getByLabel("专业领域")).toHaveValue("生物医药");
  await expect(page.getByLabel(/^联系电话/)).toHaveValue("12345");

  await page.getByLabel(/^联系电话/).fill(PHONE);
  await page.getByLabel(/^身份证号/).fill("50011219900101123");
  await save();
  await expect(page.getByText("身份证号应为18位（最后一位可为X）")).toBeVisible();
  // GB 11643: the check character, the date of birth and the province are checked, each with its reason.
  await page.getByLabel(/^身份证号/).fill("500112199001011234");
  await save();
  await expect(page.getByText("身份证号校验位错误（第18位与前17位不符），请核对后重新输入")).toBeVisible();
  await page.getByLabel(/^身份证号/).fill("500112199002301232");
  await save();
  await expect(page.getByText("身份证号第7至14位不是有效的出生日期（应为19000101以后的真实日期）")).toBeVisible();
  await page.getByLabel(/^身份证号/).fill("990112199001011231");
  await save();
  await expect(page.getByText("身份证号前2位不是有效的省级行政区划代码，请核对")).toBeVisible();

  await page.getByLabel(/^身份证号/).fill(ID_NUMBER);
  for (const y of [THIS_YEAR + 1, 2099, 1989]) {
    await page.getByLabel("认定年份").fill(String(y));
    await save();
    await expect(page.getByText(yearError)).toBeVisible();
    await expect(page.getByLabel("认定年份")).toHaveValue(String(y));
  }

  await page.getByLabel("认定年份").fill("2020");
  const long = "长".repeat(10_000);
  // The input's maxlength is only a convenience; the server decides.
  await page.getByLabel("姓名/团队名称").evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("姓名/团队名称").fill(long);
  await save();
  await expect(page.getByText("内容过长（不超过 100 个字）")).toBeVisible();

  expect(total()).toBe(before);
  expect(talentCount(name)).toBe(0);
  expect(scalar("SELECT count(*) FROM talents WHERE length(name) > 100")).toBe(0);
  expect(
    scalar(
      "SELECT count(*) FROM operation_logs WHERE action = 'talent.create' AND result = 'invalid' AND username = 'staff'",
    ),
  ).toBeGreaterThanOrEqual(6);

  // Fixed, it saves (the button stays disabled while the browser moves to the new record).
  await page.getByLabel("姓名/团队名称").fill(name);
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/talents\/\d+$/);
  expect(talentCount(name)).toBe(1);
  await staff.close();
});

test("markup and formulas in a name are shown as text and neutralised in the CSV, which holds masked personal data only", async ({
  browser,
}) => {
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const tag = uniqueName("x");
  const formula = `=HYPERLINK("http://x","y")${tag}`;
  const script = `<script>alert(1)</script>${tag}`;
  const formulaId = await createTalent(page, { name: formula });
  await expect(page.getByRole("heading", { name: formula })).toHaveText(formula);
  const scriptId = await createTalent(page, { name: script });
  await expect(page.getByRole("heading", { name: script })).toHaveText(script);
  expect(formulaId).not.toBe(scriptId);

  await page.goto(`/talents?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 2 条");
  await expect(page.getByRole("link", { name: script })).toHaveText(script);
  await expect(page.getByRole("link", { name: formula })).toHaveText(formula);
  expect(dialogs).toEqual([]);

  const exportsBefore = scalar(
    "SELECT count(*) FROM operation_logs WHERE action = 'registry.exportCsv' AND object_type = 'talent'",
  );
  const href = await page.getByRole("link", { name: "导出CSV" }).getAttribute("href");
  expect(href).toContain(`q=${tag}`);
  const res = await staff.request.get(href ?? "");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const csv = await res.text();
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("姓名/团队名称,类型,人才类别,工作单位,专业领域,认定年份,入选计划,联系电话,身份证号,示例数据");
  expect(lines).toHaveLength(3);
  expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")${tag}"`);
  expect(lines.some((l) => l.startsWith("=") || l.startsWith('"='))).toBe(false);
  expect(csv).toContain(script);
  expect(csv).toContain(PHONE_MASKED);
  expect(csv).toContain(ID_MASKED);
  expect(csv).not.toContain(PHONE);
  expect(csv).not.toContain(ID_NUMBER);
  await expect
    .poll(() =>
      scalar("SELECT count(*) FROM operation_logs WHERE action = 'registry.exportCsv' AND object_type = 'talent'"),
    )
    .toBe(exportsBefore + 1);
  await staff.close();
});

test("the employer picker links a live enterprise found on the server, which then lists the talent", async ({
  browser,
}) => {
  const enterprise = uniqueName("渝北智造科技有限公司");
  const body = String(Date.now() % 1e9).padStart(9, "0");
  const creditCode = makeCreditCode("91", "500112", body);
  const enterpriseId = withDb((db) => {
    const street = db
      .prepare("SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id LIMIT 1")
      .pluck()
      .get();
    return Number(
      db
        .prepare(
          "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王法人', '2015-06-01', 500, ?)",
        )
        .run(enterprise, creditCode, street).lastInsertRowid,
    );
  });

  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  const name = uniqueName("关联");
  await page.goto("/talents/new");
  await fillTalentForm(page, { name });
  const employer = page.getByRole("combobox", { name: "工作单位" });
  // Found by credit code prefix as well as by name.
  await employer.fill(creditCode.slice(0, 12));
  await expect(page.getByRole("option", { name: new RegExp(enterprise) })).toBeVisible();
  await employer.fill(enterprise.slice(0, 8));
  await page.getByRole("option", { name: new RegExp(enterprise) }).click();
  await expect(page.getByTestId("enterprise-linked")).toBeVisible();
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/talents\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  expect(row("SELECT employer_enterprise_id AS e, employer_name AS n FROM talents WHERE id = ?", id)).toEqual({
    e: enterpriseId,
    n: null,
  });
  await page.getByRole("link", { name: enterprise }).click();
  await page.waitForURL(`**/enterprises/${enterpriseId}`);
  await expect(page.getByRole("link", { name })).toBeVisible();

  // The picker answers writers only.
  const leader = await contextAs(browser, "leader");
  expect((await leader.request.get(`/enterprises/lookup?q=${encodeURIComponent(enterprise)}`)).status()).toBe(403);
  const found = await staff.request.get(`/enterprises/lookup?q=${encodeURIComponent(enterprise)}`);
  expect(await found.json()).toEqual([{ id: enterpriseId, name: enterprise, creditCode }]);
  await leader.close();
  await staff.close();
});
