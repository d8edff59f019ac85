import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar, uniqueName } from "./fixtures/db";
import { freshCreditCode } from "./fixtures/registry";

// The test reads the project's copy of the published figures; it does not repeat the numbers.
const facts = JSON.parse(fs.readFileSync("features/seed/yubei-2020.json", "utf8"));
const fmt = (n: number) => n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
const card = (page: Page, key: string) => page.getByTestId(`kpi-${key}`);

test("the leader's board shows every published figure with its unit and rank", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "指标驾驶舱" })).toBeVisible();
  await expect(page.getByLabel("统计期")).toHaveValue("2021Q1");

  for (const f of facts.indicators) {
    const c = card(page, f.key);
    if (f.kind === "reported_rank") {
      await expect(c.getByTestId("kpi-value")).toHaveText(`全市第${f.value}`);
      continue;
    }
    await expect(c.getByTestId("kpi-value"), f.key).toHaveText(fmt(f.value));
    await expect(c.getByTestId("kpi-unit"), f.key).toHaveText(f.unit);
    if (f.rank) await expect(c.getByTestId("kpi-rank"), f.key).toContainText(`全市第${f.rank}`);
    if (f.city_share_pct) await expect(c.getByTestId("kpi-share"), f.key).toContainText(`${fmt(f.city_share_pct)}%`);
    if (f.growth_pct) await expect(c.getByTestId("kpi-yoy"), f.key).toContainText(`+${fmt(f.growth_pct)}%`);
    if (f.period) await expect(c, f.key).toContainText(`${f.period}年`);
    if (f.gdp_share_pct)
      await expect(card(page, "rd_expenditure_gdp_share").getByTestId("kpi-value")).toHaveText(fmt(f.gdp_share_pct));
  }
  // "连续17个季度排名全市第一"
  await expect(card(page, "innovation_index_rank").getByTestId("kpi-streak")).toHaveText("连续17个季度全市第一");
  // The 2021Q1 figures: 232 new, 9 (19.57%) and 4 (40%) newly recognised.
  const q = facts.quarter_2021Q1;
  await expect(card(page, "new_municipal_tech_enterprises").getByTestId("kpi-value")).toHaveText(
    fmt(q.new_municipal_tech_enterprises),
  );
  await expect(card(page, "new_rd_institutions_recognised").getByTestId("kpi-value")).toHaveText(
    fmt(q.new_rd_institutions_recognised.value),
  );
  await expect(card(page, "new_rd_institutions_recognised").getByTestId("kpi-share")).toContainText(
    `${fmt(q.new_rd_institutions_recognised.city_share_pct)}%`,
  );
  await expect(card(page, "new_hightech_rd_institutions_recognised").getByTestId("kpi-share")).toContainText(
    `${fmt(q.new_hightech_rd_institutions_recognised.city_share_pct)}%`,
  );
  await expect(page.getByTestId("district-chart")).toBeVisible();
  await expect(page.getByTestId("alert-expiring")).toContainText("国家高新技术企业证书90天内到期");
});

test("switching the period updates the URL and the cards", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/");
  const before = await card(page, "municipal_tech_enterprises").getByTestId("kpi-value").textContent();
  await page.getByLabel("统计期").selectOption("2020Q4");
  await expect(page).toHaveURL(/period=2020Q4/);
  await expect(page.getByText("渝北区 · 2020年第四季度")).toBeVisible();
  const after = await card(page, "municipal_tech_enterprises").getByTestId("kpi-value").textContent();
  expect(after).not.toBe(before);
  const live = scalar<number>(
    `SELECT count(DISTINCT q.enterprise_id) FROM enterprise_qualifications q JOIN enterprises e ON e.id = q.enterprise_id
     WHERE q.type_id = (SELECT id FROM dictionary_items WHERE kind='qualification_type' AND code='municipal_tech_enterprise')
       AND q.deleted_at IS NULL AND q.review_state = 'approved' AND q.awarded_date <= '2020-12-31' AND (q.expiry_date IS NULL OR q.expiry_date >= '2020-12-31')
       AND e.deleted_at IS NULL AND e.status = 'active' AND e.review_state = 'approved'`,
  );
  expect(after).toBe(live.toLocaleString("zh-CN"));
});

test("staff enter a district value and the rank on the board changes; the leader cannot", async ({ page, browser }) => {
  const key = "tech_contract_turnover";
  // 2018: a year no published figure or quarterly summary test reads, so parallel tests never see the change.
  await signInAs(page, "staff");
  await page.goto(`/indicators/${key}?period=2018`);
  await expect(page.getByTestId("ranking-us")).toContainText("1");
  const jiangbei = scalar<number>("SELECT id FROM dictionary_items WHERE kind='district' AND label='江北区'");
  const original = row<{ value: number }>(
    `SELECT value FROM district_values WHERE indicator_id = (SELECT id FROM indicators WHERE key = ?) AND period = '2018' AND district_id = ?`,
    key,
    jiangbei,
  )?.value;
  // Capture the save as staff, with 江北区 overtaking us.
  await page.locator(`#v_${jiangbei}`).fill("9.99");
  await page.getByRole("button", { name: "预览并保存" }).click();
  await expect(page.getByTestId("preview-江北区")).toHaveAttribute("data-changed", "true");
  const action = await captureAction(page, () => page.getByRole("button", { name: "确认保存 1 项修改" }).click());
  await expect(page.getByText("已保存")).toBeVisible();
  await expect(page.getByTestId("ranking-us")).toContainText("2");

  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  await lp.goto("/?period=2019Q1");
  await expect(card(lp, key).getByTestId("kpi-rank")).toContainText("全市第2");
  await expect(card(lp, key).getByTestId("kpi-gap")).toBeVisible();
  await expect(card(lp, key)).toContainText("未达标");
  // The leader sees no entry form, and a replayed save is refused with nothing written.
  await lp.goto(`/indicators/${key}?period=2018`);
  await expect(lp.getByRole("button", { name: "预览并保存" })).toHaveCount(0);
  const res = await replayAction(leader, action, action.body.replace("9.99", "0.5"));
  expect(res.text).toContain('"code":"forbidden"');
  expect(
    scalar(
      `SELECT value FROM district_values WHERE indicator_id = (SELECT id FROM indicators WHERE key = ?) AND period = '2018' AND district_id = ?`,
      key,
      jiangbei,
    ),
  ).toBe(9.99);
  // Control: staff restores the original value with the same request (now loaded at 9.99); we are first again.
  const [args] = JSON.parse(action.body);
  args.values[String(jiangbei)] = String(original);
  args.loaded[String(jiangbei)] = "9.99";
  const ok = await replayAction(page.context(), action, JSON.stringify([args]));
  expect(ok.text).toContain('"ok":true');
  await lp.goto("/?period=2019Q1");
  await expect(card(lp, key).getByTestId("kpi-rank")).toContainText("全市第1");
  await leader.close();
});

test("a new 市级科技型企业 qualification raises the live count by one; deleting the enterprise lowers it", async ({
  page,
  browser,
}) => {
  const leader = await contextAs(browser, "leader");
  const lp = await leader.newPage();
  const today = new Date().toISOString().slice(0, 10);
  const quarter = `${today.slice(0, 4)}Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
  const countOnBoard = async () => {
    await lp.goto(`/?period=${quarter}`);
    const text = await card(lp, "municipal_tech_enterprises").getByTestId("kpi-value").textContent();
    return Number((text ?? "").replace(/,/g, ""));
  };
  const before = await countOnBoard();

  await signInAs(page, "staff");
  await page.goto("/enterprises/new");
  await page.getByLabel("企业名称").fill(uniqueName("计数企业"));
  await page.getByLabel("统一社会信用代码").fill(freshCreditCode());
  await page.getByLabel("法定代表人").fill("计数");
  await page.getByLabel("成立日期").fill("2018-01-01");
  await page.getByLabel("注册资本（万元）").fill("100");
  await page.getByLabel("所属镇街").selectOption({ label: "龙溪街道" });
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  const quals = page.getByRole("form", { name: "新增资质" });
  await quals.getByLabel("资质类型").selectOption({ label: "市级科技型企业" });
  await quals.getByLabel("认定日期").fill(today);
  await quals.getByRole("button", { name: "新增资质" }).click();
  await expect(page.getByTestId("qualifications")).toContainText("市级科技型企业");
  expect(await countOnBoard()).toBe(before + 1);

  await page.getByRole("button", { name: "删除" }).first().click();
  await page.getByRole("dialog").filter({ hasText: "确定删除“" }).getByRole("button", { name: "确认" }).click();
  await page.waitForURL(/\/enterprises$/);
  expect(await countOnBoard()).toBe(before);
  await leader.close();
});

test("the board reads on a tablet and a phone without horizontal scrolling", async ({ page }) => {
  await signInAs(page, "leader");
  for (const width of [1024, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    await expect(page.getByTestId("district-chart")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
  }
});
