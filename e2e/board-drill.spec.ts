import fs from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { captureAction, replayAction, signInAs } from "./fixtures/auth";
import { scalar, withDb } from "./fixtures/db";

// Every registry-count figure leads to exactly the records that make it: the list's total and both exports agree
// with the figure, and the published figures (the project's copy, not repeated here) are what the list holds.
const facts = JSON.parse(fs.readFileSync("features/seed/yubei-2020.json", "utf8"));
const shot = (name: string) =>
  process.env.BOARD_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name);

/** The published figure for an indicator on the 2021Q1 board, if the article gives one. */
function published(key: string): number | undefined {
  const q = facts.quarter_2021Q1?.[key];
  if (typeof q === "number") return q;
  if (q && typeof q.value === "number") return q.value;
  const f = facts.indicators.find((i: { key: string; kind: string }) => i.key === key && i.kind === "registry_count");
  return f && !f.period ? f.value : undefined;
}

const digits = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Data rows of the list's CSV and xlsx exports, fetched with the list's own filter. */
async function exportRows(request: APIRequestContext, listUrl: string): Promise<{ csv: number; xlsx: number }> {
  const u = new URL(listUrl);
  const csv = await request.get(`${u.pathname}/export${u.search}`);
  expect(csv.status()).toBe(200);
  const records = csvRecords(await csv.text());
  const xs = new URLSearchParams(u.search);
  xs.set("format", "xlsx");
  const xlsx = await request.get(`${u.pathname}/export?${xs.toString()}`);
  expect(xlsx.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  let xlsxRows = 0;
  ws.eachRow((r, i) => {
    if (i > 1 && r.hasValues) xlsxRows++;
  });
  return { csv: records.length - 1, xlsx: xlsxRows };
}

/** Follows a drill link (a click, or `goto` of its href) and checks the list: readable chip, total, both exports. */
async function followAndCheck(page: Page, link: ReturnType<Page["getByTestId"]> | string, n: number, what: string) {
  if (typeof link === "string") await page.goto(link);
  else await link.click();
  await expect(page).toHaveURL(/[?&]kpi=[^&]+&period=|[?&]period=[^&]+&kpi=/);
  await expect(page.getByTestId("drill-chip"), what).toBeVisible();
  await expect(page.getByTestId("drill-total"), what).toHaveText(`共 ${n.toLocaleString("zh-CN")} 条`);
  await expect(page.getByTestId("total-count").first(), what).toHaveText(`共 ${n.toLocaleString("zh-CN")} 条`);
  const rows = await exportRows(page.request, page.url());
  expect(rows.csv, `${what}: CSV rows`).toBe(n);
  expect(rows.xlsx, `${what}: xlsx rows`).toBe(n);
}

const registryCards = () =>
  withDb(
    (db) =>
      db
        .prepare("SELECT key FROM indicators WHERE source = 'registry_count' AND on_board = 1 ORDER BY sort_order, id")
        .pluck()
        .all() as string[],
  );

test("every registry-count card on the 2021Q1 board drills to a list of exactly its records, and so do its exports", {
  tag: "@slow",
}, async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "leader");
  const keys = registryCards();
  expect(keys.length).toBeGreaterThan(0);
  // One board load: every card's figure and drill link (the board is the expensive page).
  await page.goto("/?period=2021Q1");
  const cards = [];
  for (const key of keys) {
    const link = page.getByTestId(`kpi-${key}`).getByTestId("kpi-drill");
    const n = digits(await link.getByTestId("kpi-value").textContent());
    const fact = published(key);
    if (fact !== undefined) expect(n, `${key} is the published figure`).toBe(fact);
    cards.push({ key, n, href: (await link.getAttribute("href")) ?? "" });
  }
  // 市级科技型企业 is followed first, by a click on the board (with its hover title); the others by their links.
  cards.sort((a, b) => Number(b.key === "municipal_tech_enterprises") - Number(a.key === "municipal_tech_enterprises"));
  const first = page.getByTestId("kpi-municipal_tech_enterprises").getByTestId("kpi-drill");
  await first.hover();
  await expect(first).toHaveAttribute("title", /查看构成该数字的记录/);
  await page.screenshot({ path: shot("board-drill-hover.png") });
  for (const { key, n, href } of cards) {
    await followAndCheck(page, key === "municipal_tech_enterprises" ? first : href, n, key);
    if (key === "municipal_tech_enterprises") {
      await expect(page.getByTestId("drill-chip")).toHaveText("截至 2021-03-31 有效的市级科技型企业资质（在册企业）");
      await page.screenshot({ path: shot("drilled-list.png") });
      // ✕ clears the filter: the whole registry again, and the URL no longer carries it.
      const filtered = digits(await page.getByTestId("total-count").first().textContent());
      await page.getByTestId("drill-clear").click();
      await expect(page).not.toHaveURL(/kpi=/);
      await expect(page.getByTestId("drill-chip")).toHaveCount(0);
      const all = scalar<number>("SELECT count(*) FROM enterprises WHERE deleted_at IS NULL");
      await expect(page.getByTestId("total-count").first()).toHaveText(`共 ${all.toLocaleString("zh-CN")} 条`);
      expect(all).toBeGreaterThan(filtered);
    }
  }
});

test("the quarterly summary's registry-count rows drill to the same records", { tag: "@slow" }, async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "leader");
  const keys = registryCards();
  // One summary load: every row's figure and drill link; then each link is followed and checked.
  await page.goto("/reports/2021Q1");
  const rows = [];
  for (const key of keys) {
    const link = page.getByTestId(`report-row-${key}`).getByTestId("report-drill");
    const n = digits(await link.getByTestId("report-number").textContent());
    const fact = published(key);
    if (fact !== undefined) expect(n, `${key} is the published figure`).toBe(fact);
    rows.push({ key, n, href: (await link.getAttribute("href")) ?? "" });
  }
  for (const { key, n, href } of rows) await followAndCheck(page, href, n, `summary ${key}`);
  // The print view carries the same links.
  await page.goto("/reports/2021Q1/print");
  await expect(page.getByTestId("report-row-municipal_tech_enterprises").getByTestId("report-drill")).toHaveAttribute(
    "href",
    "/enterprises?kpi=municipal_tech_enterprises&period=2021Q1",
  );
});

test("a reported figure links to its provenance", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/?period=2021Q1");
  await expect(page.getByTestId("kpi-innovation_index_rank").getByTestId("kpi-drill")).toHaveAttribute(
    "href",
    "/indicators/innovation_index_rank?period=2021Q1#provenance",
  );
});

test("one 2021Q2 value leaves the board on 2021Q1; 2021Q2 opens only when chosen, with its progress and 待录入 cards", async ({
  page,
}) => {
  // Staff entered one value for 2021Q2 (a district's figure for one indicator).
  const inserted = withDb((db) => {
    const ind = db.prepare("SELECT id FROM indicators WHERE key = 'new_rd_institutions'").pluck().get() as number;
    const district = db
      .prepare(
        "SELECT id FROM dictionary_items WHERE kind = 'district' AND label <> '渝北区' ORDER BY sort_order LIMIT 1",
      )
      .pluck()
      .get() as number;
    return db
      .prepare("INSERT INTO district_values (indicator_id, district_id, period, value) VALUES (?, ?, '2021Q2', 3)")
      .run(ind, district).lastInsertRowid as number;
  });
  try {
    await signInAs(page, "leader");
    await page.goto("/");
    await expect(page.getByLabel("统计期")).toHaveValue("2021Q1");
    await expect(page.getByTestId("entry-progress")).toHaveCount(0);

    await page.getByLabel("统计期").selectOption("2021Q2");
    await expect(page).toHaveURL(/period=2021Q2/);
    const total = scalar<number>("SELECT count(*) FROM indicators WHERE on_board = 1");
    const progress = page.getByTestId("entry-progress");
    await expect(progress).toContainText(new RegExp(`本期数据录入进度 \\d+ / ${total}`));
    // The quarterly reported rank has no 2021Q2 value yet: it is listed as missing, and its card waits for entry.
    const rankName = scalar<string>("SELECT name FROM indicators WHERE key = 'innovation_index_rank'");
    await expect(page.getByTestId("entry-missing")).toContainText(rankName);
    const pending = page.getByTestId("kpi-innovation_index_rank");
    await expect(pending.getByTestId("kpi-pending")).toHaveText("待录入");
    await expect(pending).not.toContainText("未达标");
    // A card with Yubei's count but no district ranking is 待录入 too, never 未达标.
    const unranked = page.getByTestId("kpi-municipal_tech_enterprises");
    await expect(unranked.getByTestId("kpi-pending")).toHaveText("待录入");
    await expect(unranked).not.toContainText("未达标");
    // Alerts keep missing data apart from missed targets.
    await expect(page.getByTestId("alerts-missing")).toContainText("数据缺失");
    await expect(page.getByTestId("alerts-missing")).toContainText(rankName);
    const offTarget = page.getByTestId("alerts-off-target");
    if (await offTarget.count()) await expect(offTarget).not.toContainText(rankName);
    await pending.scrollIntoViewIfNeeded();
    await pending.screenshot({ path: shot("card-pending.png") });
  } finally {
    withDb((db) => db.prepare("DELETE FROM district_values WHERE id = ?").run(inserted));
  }
});

test("封账 lists what is missing and needs a confirmation naming it; the server refuses a close without it", async ({
  page,
}) => {
  await signInAs(page, "staff");
  await page.goto("/reports/2020Q3");
  await expect(page.getByTestId("report-status")).toHaveText("草稿");
  await page.getByRole("button", { name: "封账" }).click();
  const dialog = page.getByRole("dialog", { name: "确认封账" });
  const gaps = dialog.getByTestId("close-gaps");
  await expect(gaps).toContainText("工作总结为空");
  await expect(gaps).toContainText("下季度计划为空");
  const confirm = dialog.getByRole("button", { name: "确认" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/我已知晓以上 \d+ 项缺失，仍要封账/).check();
  await expect(confirm).toBeEnabled();
  const close = await captureAction(page, () => confirm.click());
  await expect(page.getByTestId("report-status")).toHaveText("已封账 · 第1版");
  expect(close.body).toContain("summaryText");

  // Server-side: the same request for another quarter, without the confirmation, is refused with the list.
  const staff = page.context();
  const other = close.body.replaceAll("2020Q3", "2020Q4");
  const bare = other.replace(/"confirmMissing":\[[^\]]*\]/, '"confirmMissing":[]');
  expect(bare).not.toEqual(other);
  const refused = await replayAction(staff, close, bare);
  expect(refused.text).toContain("封账前仍有");
  expect(refused.text).toContain("工作总结为空");
  expect(scalar<number>("SELECT count(*) FROM quarterly_reports WHERE quarter = '2020Q4' AND status = 'closed'")).toBe(
    0,
  );
  // Control: with the confirmation it goes through.
  const ok = await replayAction(staff, close, other);
  expect(ok.status).toBe(200);
  expect(scalar<number>("SELECT count(*) FROM quarterly_reports WHERE quarter = '2020Q4' AND status = 'closed'")).toBe(
    1,
  );
});

test("a rank trend reads as ranks: inverted integer axis 1 … 38, a point per ranked period, a legend for the target", async ({
  page,
}) => {
  await signInAs(page, "leader");
  await page.goto("/?period=2021Q1&focus=innovation_index_rank#charts");
  const chart = page.getByTestId("trend-chart");
  const tick = chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(tick.first()).toBeVisible();
  const ticks = await tick.allTextContents();
  const districts = scalar<number>("SELECT count(*) FROM dictionary_items WHERE kind = 'district' AND enabled = 1");
  expect(ticks[0]).toBe("1");
  expect(ticks.at(-1)).toBe(String(districts));
  expect(ticks.every((v) => /^\d+$/.test(v))).toBe(true);
  expect(new Set(ticks).size).toBe(ticks.length);
  // Rank 1 sits at the top of the plot: the axis is inverted.
  const one = await tick.first().boundingBox();
  const last = await tick.last().boundingBox();
  expect(one && last && one.y < last.y).toBe(true);
  const ranked = scalar<number>(
    `SELECT count(*) FROM district_values v JOIN indicators i ON i.id = v.indicator_id JOIN dictionary_items d ON d.id = v.district_id
     WHERE i.key = 'innovation_index_rank' AND d.label = '渝北区' AND v.period IN ('2019Q2','2019Q3','2019Q4','2020Q1','2020Q2','2020Q3','2020Q4','2021Q1')`,
  );
  await expect(chart.locator(".recharts-line-dots circle[stroke='#1d4ed8']")).toHaveCount(ranked);
  await expect(chart.locator(".recharts-legend-wrapper")).toContainText("目标");
  await chart.screenshot({ path: test.info().outputPath("rank-trend.png") });
});
