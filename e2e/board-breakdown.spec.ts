import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { contextAs, signInAs } from "./fixtures/auth";
import { scalar, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { freshCreditCode } from "./fixtures/registry";

// The board's 镇街/园区 breakdown: the rows of a registry-count figure add up to the card, each row is what the
// database holds for its street under the same rule, links to exactly its records, and moved by current − previous.
const facts = JSON.parse(fs.readFileSync("features/seed/yubei-2020.json", "utf8"));
const shot = (name: string) =>
  process.env.BOARD_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name);

/** "3,137" → 3137; "−12" → -12; "+5" → 5. */
const num = (s: string | null) => {
  const t = (s ?? "").trim();
  const n = Number(t.replace(/[^\d]/g, ""));
  return t.startsWith("−") || t.startsWith("-") ? -n : n;
};

/** Enterprises holding a valid 市级科技型企业 qualification on `date`, optionally in one street (written here, not imported). */
const MUNICIPAL_IN_STREET = `
  SELECT count(*) FROM enterprises e
  WHERE e.deleted_at IS NULL AND e.status = 'active' AND e.review_state = 'approved' AND (@street IS NULL OR e.street_id = @street)
    AND EXISTS (SELECT 1 FROM enterprise_qualifications q
      JOIN dictionary_items d ON d.id = q.type_id AND d.kind = 'qualification_type' AND d.code = 'municipal_tech_enterprise'
      WHERE q.enterprise_id = e.id AND q.deleted_at IS NULL AND q.review_state = 'approved'
        AND q.awarded_date <= @date AND (q.expiry_date IS NULL OR q.expiry_date >= @date))`;
const municipal = (date: string, street: number | null) =>
  withDb((db) => db.prepare(MUNICIPAL_IN_STREET).pluck().get({ date, street }) as number);

type Row = { key: string; label: string; current: number; previous: number; change: number; href: string };

async function readRows(table: Locator): Promise<Row[]> {
  const out: Row[] = [];
  const rows = table.getByTestId("breakdown-row");
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const r = rows.nth(i);
    const link = r.getByTestId("breakdown-current");
    out.push({
      key: (await r.getAttribute("data-key")) ?? "",
      label: ((await r.getByTestId("breakdown-label").textContent()) ?? "").trim(),
      current: num(await link.textContent()),
      previous: num(await r.getByTestId("breakdown-previous").textContent()),
      change: num(await r.getByTestId("breakdown-change").textContent()),
      href: (await link.getAttribute("href")) ?? "",
    });
  }
  return out;
}

async function cardFigure(page: Page, key: string): Promise<number> {
  return num(await page.getByTestId(`kpi-${key}`).getByTestId("kpi-value").textContent());
}

test("市级科技型企业 at 2021Q1 by 镇街: rows add up to the card, match the database, link to their records, and moved by current − previous", async ({
  page,
}) => {
  await signInAs(page, "leader");
  await page.goto("/?period=2021Q1");
  const figure = await cardFigure(page, "municipal_tech_enterprises");
  // The published figure (the project's copy of the article), and a fresh count of the database.
  const published = facts.indicators.find((f: { key: string }) => f.key === "municipal_tech_enterprises");
  expect(figure).toBe(published.value);
  expect(figure).toBe(municipal("2021-03-31", null));

  // The card leads to its breakdown.
  await page.getByTestId("kpi-municipal_tech_enterprises").getByTestId("kpi-breakdown-link").click();
  await expect(page).toHaveURL(/\/indicators\/municipal_tech_enterprises\?period=2021Q1#breakdown$/);
  const section = page.getByTestId("breakdown");
  await expect(section).toContainText("按镇街 / 按园区分解 · 2021年第一季度");
  await expect(page.getByTestId("breakdown-by-street")).toHaveAttribute("aria-current", "page");
  const table = section.getByTestId("breakdown-table");
  const rows = await readRows(table);
  expect(rows.length).toBeGreaterThan(1);

  // The rows add up exactly to the card's figure; the footer says so too.
  expect(rows.reduce((s, r) => s + r.current, 0)).toBe(figure);
  await expect(section.getByTestId("breakdown-total")).toHaveText(figure.toLocaleString("zh-CN"));

  // The movement: current − previous on every row, and the previous column is the figure at 2020-12-31.
  for (const r of rows) expect(r.change, r.label).toBe(r.current - r.previous);
  const previousFigure = municipal("2020-12-31", null);
  expect(rows.reduce((s, r) => s + r.previous, 0)).toBe(previousFigure);
  await expect(section.getByTestId("breakdown-previous-total")).toHaveText(previousFigure.toLocaleString("zh-CN"));

  // One street's row equals a COUNT(*) of the database under the same rule, now and at the previous period end.
  const street = rows.find((r) => r.label === "仙桃街道") ?? rows[0];
  const streetId = Number(street.key);
  expect(Number.isInteger(streetId)).toBe(true);
  expect(scalar<string>("SELECT label FROM dictionary_items WHERE id = ? AND kind = 'street'", streetId)).toBe(
    street.label,
  );
  expect(street.current).toBe(municipal("2021-03-31", streetId));
  expect(street.previous).toBe(municipal("2020-12-31", streetId));
  expect(street.current).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1440, height: 900 });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: shot("board-breakdown-1440.png") });

  // Its link opens the drilled list filtered to that street, whose total equals the row.
  await table.locator(`[data-key="${street.key}"]`).getByTestId("breakdown-current").click();
  await expect(page).toHaveURL(
    new RegExp(`/enterprises\\?kpi=municipal_tech_enterprises&period=2021Q1&area=street%3A${streetId}$`),
  );
  await expect(page.getByTestId("drill-chip")).toHaveText("截至 2021-03-31 有效的市级科技型企业资质（在册企业）");
  await expect(page.getByTestId("drill-area")).toHaveText(`镇街：${street.label}`);
  const rowTotal = `共 ${street.current.toLocaleString("zh-CN")} 条`;
  await expect(page.getByTestId("drill-total")).toHaveText(rowTotal);
  await expect(page.getByTestId("total-count").first()).toHaveText(rowTotal);
  // The CSV export of that list holds the same records.
  const u = new URL(page.url());
  const csv = await page.request.get(`${u.pathname}/export${u.search}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split(/\r?\n/);
  expect(lines.length - 1).toBe(street.current);
  // ✕ on the area goes back to the whole figure's records.
  await page.getByTestId("drill-area-clear").click();
  await expect(page).not.toHaveURL(/area=/);
  await expect(page.getByTestId("drill-total")).toHaveText(`共 ${figure.toLocaleString("zh-CN")} 条`);
});

test("by 园区: a 未入园 row of its own; talent placed through the employer, with 未关联企业; sortable", async ({
  page,
}) => {
  await signInAs(page, "leader");
  await page.goto("/indicators/municipal_tech_enterprises?period=2021Q1&by=park#breakdown");
  const section = page.getByTestId("breakdown");
  await expect(page.getByTestId("breakdown-by-park")).toHaveAttribute("aria-current", "page");
  const rows = await readRows(section.getByTestId("breakdown-table"));
  const figure = municipal("2021-03-31", null);
  expect(rows.reduce((s, r) => s + r.current, 0)).toBe(figure);
  const outside = rows.find((r) => r.key === "none");
  expect(outside?.label).toBe("未入园");
  const outsideDb = withDb(
    (db) =>
      db
        .prepare(
          MUNICIPAL_IN_STREET.replace(
            "(@street IS NULL OR e.street_id = @street)",
            // No park recorded, or the park dictionary's 不在园区.
            "(e.park_id IS NULL OR e.park_id IN (SELECT id FROM dictionary_items WHERE kind = 'park' AND code = 'none'))",
          ),
        )
        .pluck()
        .get({ date: "2021-03-31" }) as number,
  );
  expect(outside?.current).toBe(outsideDb);
  await page.goto(outside?.href ?? "");
  await expect(page.getByTestId("drill-area")).toHaveText("园区：未入园");
  await expect(page.getByTestId("drill-total")).toHaveText(`共 ${outsideDb.toLocaleString("zh-CN")} 条`);

  // Talent: placed by the employer enterprise's street; those without one are 未关联企业, and the rows still add up.
  await page.goto("/?period=2021Q1");
  const talents = await cardFigure(page, "high_level_talents");
  await page.goto("/indicators/high_level_talents?period=2021Q1#breakdown");
  const tSection = page.getByTestId("breakdown");
  await expect(tSection.getByTestId("breakdown-via")).toContainText("关联企业");
  const tRows = await readRows(tSection.getByTestId("breakdown-table"));
  expect(tRows.reduce((s, r) => s + r.current, 0)).toBe(talents);
  const unlinked = tRows.find((r) => r.key === "unlinked");
  expect(unlinked?.label).toBe("未关联企业");
  await page.goto(unlinked?.href ?? "");
  await expect(page).toHaveURL(/\/talents\?/);
  await expect(page.getByTestId("drill-total")).toHaveText(
    `共 ${(unlinked?.current ?? -1).toLocaleString("zh-CN")} 条`,
  );

  // Sorting by change puts the largest increase first (local, no reload).
  await page.goto("/indicators/municipal_tech_enterprises?period=2021Q1#breakdown");
  await waitForHydration(page);
  const table = page.getByTestId("breakdown-table");
  await page.getByTestId("breakdown-sort-change").click();
  await expect(page.getByTestId("breakdown-sort-change").locator("..")).toHaveAttribute("aria-sort", "descending");
  const byChange = await readRows(table);
  expect(byChange.map((r) => r.change)).toEqual([...byChange.map((r) => r.change)].sort((a, b) => b - a));
});

test("the breakdown on a tablet (1024×768)", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, "leader");
  await page.goto("/indicators/municipal_tech_enterprises?period=2021Q1#breakdown");
  const section = page.getByTestId("breakdown");
  await expect(section.getByTestId("breakdown-row").first()).toBeVisible();
  // Nothing overflows the page sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("board-breakdown-1024.png") });
});

test("the quarterly workbook's 按镇街分解 sheet: each registry-count figure by street, adding up to 指标汇总", async ({
  page,
}) => {
  await signInAs(page, "leader");
  const res = await page.request.get("/reports/2021Q1/export");
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("按镇街分解");
  expect(ws).toBeTruthy();
  if (!ws) return;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const col = (name: string) => header.indexOf(name);
  const rows: { indicator: string; street: string; current: number; previous: number; change: number }[] = [];
  ws.eachRow((r, i) => {
    if (i === 1) return;
    rows.push({
      indicator: String(r.getCell(col("指标")).value),
      street: String(r.getCell(col("所属镇街")).value),
      current: Number(r.getCell(col("本期")).value),
      previous: Number(r.getCell(col("上期值")).value),
      change: Number(r.getCell(col("变动")).value),
    });
  });
  const ours = rows.filter((r) => r.indicator === "市级科技型企业");
  expect(ours.reduce((s, r) => s + r.current, 0)).toBe(municipal("2021-03-31", null));
  expect(ours.reduce((s, r) => s + r.previous, 0)).toBe(municipal("2020-12-31", null));
  for (const r of rows) expect(r.change, `${r.indicator} ${r.street}`).toBe(r.current - r.previous);
  const xiantao = scalar<number>("SELECT id FROM dictionary_items WHERE kind = 'street' AND label = '仙桃街道'");
  expect(ours.find((r) => r.street === "仙桃街道")?.current).toBe(municipal("2021-03-31", xiantao));
  // Every registry-count indicator of the summary has its split, each adding up to its 指标汇总 value.
  const summary = wb.getWorksheet("指标汇总");
  expect(summary).toBeTruthy();
  if (!summary) return;
  const sh = (summary.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const registryNames = withDb(
    (db) =>
      db
        .prepare("SELECT name FROM indicators WHERE source = 'registry_count' AND on_board = 1")
        .pluck()
        .all() as string[],
  );
  summary.eachRow((r, i) => {
    const name = String(r.getCell(sh.indexOf("指标")).value);
    if (i === 1 || !registryNames.includes(name)) return;
    const split = rows.filter((x) => x.indicator === name).reduce((s, x) => s + x.current, 0);
    expect(split, name).toBe(Number(r.getCell(sh.indexOf("数值")).value ?? 0));
  });
});

test("a registry write moves the breakdown at once: a new qualified enterprise, then a change of street", async ({
  page,
  browser,
}) => {
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  /** The 2021Q1 by-street rows as the leader sees them, by street label. */
  const rowsNow = async () => {
    // (No #fragment: going to the same URL with one would only scroll, not load the page again.)
    await lp.goto("/indicators/municipal_tech_enterprises?period=2021Q1");
    const rows = await readRows(lp.getByTestId("breakdown-table"));
    return new Map(rows.map((r) => [r.label, r]));
  };
  const before = await rowsNow();
  const [from, to] = ["龙溪街道", "古路镇"];

  await signInAs(page, "staff");
  await page.goto("/enterprises/new");
  await page.getByLabel("企业名称").fill(uniqueName("分解企业"));
  await page.getByLabel("统一社会信用代码").fill(freshCreditCode());
  await page.getByLabel("法定代表人").fill("分解");
  await page.getByLabel("成立日期").fill("2018-01-01");
  await page.getByLabel("注册资本（万元）").fill("100");
  await page.getByLabel("所属镇街").selectOption({ label: from });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  const quals = page.getByRole("form", { name: "新增资质" });
  await quals.getByLabel("资质类型").selectOption({ label: "市级科技型企业" });
  await quals.getByLabel("认定日期").fill("2021-02-01");
  await quals.getByRole("button", { name: "新增资质" }).click();
  await expect(page.getByTestId("qualifications")).toContainText("市级科技型企业");

  // Counted in 2021Q1 (not in 2020Q4): its street's row and change go up by one, the others stay.
  const added = await rowsNow();
  expect(added.get(from)?.current).toBe((before.get(from)?.current ?? 0) + 1);
  expect(added.get(from)?.previous).toBe(before.get(from)?.previous);
  expect(added.get(from)?.change).toBe((before.get(from)?.change ?? 0) + 1);
  expect(added.get(to)?.current).toBe(before.get(to)?.current);

  // Moved to another street: the row it left goes back, the row it joined gains it.
  await page.goto(`/enterprises/${id}/edit`);
  await page.getByLabel("所属镇街").selectOption({ label: to });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(new RegExp(`/enterprises/${id}$`));
  const moved = await rowsNow();
  expect(moved.get(from)?.current).toBe(before.get(from)?.current);
  expect(moved.get(to)?.current).toBe((before.get(to)?.current ?? 0) + 1);
  expect([...moved.values()].reduce((s, r) => s + r.current, 0)).toBe(municipal("2021-03-31", null));

  // Deleted: it counts nowhere.
  await page.getByRole("button", { name: "删除" }).first().click();
  await page.getByRole("dialog").filter({ hasText: "确定删除“" }).getByRole("button", { name: "确认" }).click();
  await page.waitForURL(/\/enterprises$/);
  const gone = await rowsNow();
  expect(gone.get(to)?.current).toBe(before.get(to)?.current);
  await leader.close();
});
