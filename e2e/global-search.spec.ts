import { expect, type Page, test } from "@playwright/test";
import { pinyinOf } from "../lib/search/normalise";
import { signInAs } from "./fixtures/auth";
import { scalar, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { freshCreditCode } from "./fixtures/registry";
import { expectTargetRowShown } from "./fixtures/target";

// 全局搜索 (issue 18): the header's search box, from every page, over the index the registry lists use. The
// records searched for are this file's own (names it controls; no seeded record is changed), written with raw SQL
// as another writer would: the registry triggers queue them and the server indexes them before it answers.

const dictId = (kind: string, code: string) =>
  scalar<number>("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?", kind, code);

// A tag of uncommon characters keeps this run's names apart from the demo data (and from a retry's).
const RARE = Array.from("琨琰瑭璟璇珩瑀琛玥琬");
const tag = Array.from({ length: 3 }, () => RARE[Math.floor(Math.random() * RARE.length)]).join("");
const inName = `重庆${tag}鹭洲测绘科技有限公司`; // 仙桃街道
const outName = `重庆${tag}鹭洲测绘龙溪有限公司`; // 龙溪街道: outside the street account's scope
const inCode = freshCreditCode();
let inId = 0;
let outId = 0;
let batchId = 0;
const policyName = `搜索测试奖励${tag}`;

test.beforeAll(() => {
  // Playwright runs beforeAll again when this worker comes back to the file after another file's test: the
  // records are in this worker's database already.
  if (inId) return;
  withDb((db) => {
    const ins = db.prepare(
      "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王测试', '2015-06-01', 1000, ?)",
    );
    inId = Number(ins.run(inName, inCode, dictId("street", "xiantao")).lastInsertRowid);
    outId = Number(ins.run(outName, freshCreditCode(), dictId("street", "longxi")).lastInsertRowid);
    // 政策兑现: this file's own policy and draft batch, with a line for each enterprise.
    const policyId = Number(
      db
        .prepare(
          `INSERT INTO award_policies (key, name, basis_title, rule_text, kind, mode, amount_yuan, active_from)
           VALUES (?, ?, '测试文件', '定额 10 万元', 'fixed', 'application', 100000, 2020)`,
        )
        .run(`search_test_${tag}_${Date.now()}`, policyName).lastInsertRowid,
    );
    batchId = Number(
      db.prepare("INSERT INTO award_batches (policy_id, year) VALUES (?, 2023)").run(policyId).lastInsertRowid,
    );
    const line = db.prepare(
      `INSERT INTO award_lines (batch_id, policy_id, enterprise_id, enterprise_name, credit_code, street_id, fact_key, amount_yuan)
       SELECT ?, ?, id, name, credit_code, street_id, 'a:' || id || ':2023', 100000 FROM enterprises WHERE id = ?`,
    );
    for (const id of [inId, outId]) line.run(batchId, policyId, id);
  });
});

async function openSearch(page: Page, how: "ctrl-k" | "slash" | "click" = "ctrl-k") {
  await waitForHydration(page);
  if (how === "ctrl-k") await page.keyboard.press("ControlOrMeta+k");
  else if (how === "slash") await page.keyboard.press("/");
  else await page.getByTestId("global-search-open").click();
  const input = page.getByRole("combobox", { name: "全局搜索" });
  await expect(input).toBeFocused();
  return input;
}

const hits = (page: Page) => page.getByTestId("global-search-hit");
/** The enterprises group's hits (the same enterprise's award line is in its own group). */
const enterpriseHits = (page: Page) =>
  page.getByTestId("global-search-group-enterprises").getByTestId("global-search-hit");

test("the shortcut opens the search from any page; initials, a fragment, a spaced code and a traditional variant find the record", async ({
  page,
}) => {
  await signInAs(page, "staff");
  for (const [url, how] of [
    ["/", "ctrl-k"],
    ["/awards", "slash"],
    ["/enterprises", "ctrl-k"],
  ] as const) {
    await page.goto(url);
    const input = await openSearch(page, how);
    await input.press("Escape");
    await expect(page.getByTestId("global-search")).toBeHidden();
  }

  await page.goto("/talents");
  const input = await openSearch(page, "click");
  const initials = pinyinOf(`${tag}鹭洲测绘`).initials; // e.g. "lylzch": what a caller types fastest
  const cases = [initials, "鹭洲", `${inCode.slice(8, 12)} ${inCode.slice(12, 16).toLowerCase()}`, `${tag}鷺洲測繪`];
  for (const q of cases) {
    await input.fill(q);
    const group = page.getByTestId("global-search-group-enterprises");
    await expect(group.getByTestId("global-search-hit").filter({ hasText: inName }), q).toBeVisible();
  }
  // What matched is highlighted, with the record's key facts.
  // (The tag keeps out a retry's records, written by an earlier run of this file into the same database.)
  // (It folds to the previous query: the answer to this one is awaited, so a late answer cannot reset the
  // selection made with the arrow keys below.)
  const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get("q") === `${tag}鹭洲测绘`);
  await input.fill(`${tag}鹭洲测绘`);
  await answered;
  const hit = enterpriseHits(page).filter({ hasText: inName });
  await expect(hit.locator("mark")).toHaveText(`${tag}鹭洲测绘`);
  await expect(hit).toContainText("仙桃街道");
  await expect(hit).toContainText(inCode);
  await expect(hit.getByTestId("global-search-edit")).toBeVisible();
  // Arrow keys and Enter open the record.
  const options = page.getByRole("listbox", { name: "全局搜索" }).getByRole("option");
  const index = await options.evaluateAll((els, id) => els.findIndex((e) => e.textContent?.includes(id)), inName);
  for (let i = 0; i < index; i++) await input.press("ArrowDown");
  await expect(options.nth(index)).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/enterprises/${inId}$`));
  await expect(page.getByRole("heading", { name: inName })).toBeVisible();

  // "View all" opens the registry list filtered to the query, with the same index behind it.
  const again = await openSearch(page);
  await again.fill(`${tag}鹭洲测绘`);
  await page.getByTestId("global-search-group-enterprises").getByTestId("global-search-all").click();
  await expect(page).toHaveURL(/\/enterprises\?q=/);
  await expect(page.getByTestId("total-count")).toHaveText("共 2 条");

  // 政策兑现's lines are found the same way, with the batch's year, policy and amount; one opens its batch at the line.
  const box = await openSearch(page);
  await box.fill(initials);
  const awards = page.getByTestId("global-search-group-award_lines");
  const line = awards.getByTestId("global-search-hit").filter({ hasText: inName });
  await expect(line).toContainText(`2023年度 ${policyName} · 10 万元`);
  await expect(line).toContainText("草稿");
  await expect(line.getByTestId("global-search-edit")).toHaveCount(0);
  await expect(awards.getByTestId("global-search-all")).toHaveCount(0);
  await line.click();
  await expect(page).toHaveURL(new RegExp(`/awards/batches/${batchId}#line-\\d+$`));
  const lineId = page.url().split("#line-")[1];
  const row = page.locator(`[id="line-${lineId}"]`);
  await expect(row).toContainText(inName);
  // The row is scrolled into view below the header and highlighted (the page's :target rule).
  await expectTargetRowShown(page, row);
});

test("a street account sees only its unit's records; the leader sees results without an edit action", async ({
  browser,
}) => {
  const street = await browser.newContext();
  const page = await street.newPage();
  await signInAs(page, "street");
  await page.goto("/enterprises");
  const input = await openSearch(page);
  await input.fill(`${tag}鹭洲测绘`);
  await expect(enterpriseHits(page).filter({ hasText: inName })).toBeVisible();
  await expect(enterpriseHits(page).filter({ hasText: outName })).toHaveCount(0);
  await expect(page.getByTestId("global-search-group-enterprises").getByTestId("global-search-count")).toHaveText(
    "1 条",
  );
  // The award lines likewise: the unit's enterprise's line, not the other unit's.
  const lines = page.getByTestId("global-search-group-award_lines").getByTestId("global-search-hit");
  await expect(lines.filter({ hasText: inName })).toBeVisible();
  await expect(lines).toHaveCount(1);
  await street.close();

  const leaderCtx = await browser.newContext();
  const leader = await leaderCtx.newPage();
  await signInAs(leader, "leader");
  await leader.goto("/");
  const box = await openSearch(leader);
  await box.fill(`${tag}鹭洲测绘`);
  await expect(enterpriseHits(leader).filter({ hasText: inName })).toBeVisible();
  await expect(enterpriseHits(leader).filter({ hasText: outName })).toBeVisible();
  await expect(leader.getByTestId("global-search-group-award_lines").getByTestId("global-search-hit")).toHaveCount(2);
  await expect(leader.getByTestId("global-search-edit")).toHaveCount(0);
  await leaderCtx.close();
});

test("the search endpoint keeps to the scope for a replayed request", async ({ page }) => {
  await signInAs(page, "street");
  const ask = async (q: string, extra = "") => {
    const res = await page.request.get(`/search/query?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { ok: boolean; groups?: { hits: { id: number; href: string }[] }[] };
    return (body.groups ?? []).flatMap((g) => g.hits.map((h) => h.href));
  };
  // Another unit's record, asked for by its exact name, its credit code and with the admin-only deleted flag.
  const outCode = scalar<string>("SELECT credit_code FROM enterprises WHERE id = ?", outId);
  for (const q of [outName, outCode, outCode.slice(6, 14)]) expect(await ask(q)).not.toContain(`/enterprises/${outId}`);
  expect(await ask(outName, "&deleted=1")).not.toContain(`/enterprises/${outId}`);
  const lineOf = (id: number) =>
    `/awards/batches/${batchId}#line-${scalar<number>("SELECT id FROM award_lines WHERE enterprise_id = ?", id)}`;
  expect(await ask(outName)).not.toContain(lineOf(outId));
  // Control: the unit's own record is found the same way.
  expect(await ask(inName)).toContain(`/enterprises/${inId}`);
  expect(await ask(inName)).toContain(lineOf(inId));
  expect(await ask(inCode)).toContain(`/enterprises/${inId}`);
  // Signed out: no answer at all (401 from the route; the proxy does not run for this JSON endpoint).
  const anon = await page.context().browser()!.newContext();
  const res = await anon.request.get(`/search/query?q=${encodeURIComponent(inName)}`, { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect(await res.text()).not.toContain(inName);
  await anon.close();
});

test("hostile queries get a clear answer, never an error", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/enterprises");
  const input = await openSearch(page);
  const message = page.getByTestId("global-search-message");
  for (const q of ["金", "!!", "😀", "？？——"]) {
    await input.fill(q);
    await expect(message).toHaveText("请输入至少 2 个字");
  }
  for (const q of [
    '"鹭洲',
    "鹭洲*",
    "鹭洲 NEAR 测绘",
    "鹭洲 OR 1=1",
    "-鹭洲",
    "'; DROP TABLE enterprises; --",
    "💥鹭洲",
  ]) {
    await input.fill(q);
    // Either records or "nothing matches": the query is data, never FTS syntax or SQL.
    await expect(message.or(hits(page).first())).toBeVisible();
    await expect(page.getByTestId("global-search").getByRole("alert")).toHaveCount(0);
  }
  await input.fill("鹭".repeat(1000));
  await expect(message).toContainText("没有找到");
  // The endpoint answers the same way to a request a browser would not send.
  const res = await page.request.get(`/search/query?q=${encodeURIComponent('" OR "'.repeat(400))}`);
  expect(res.status()).toBe(200);
});
