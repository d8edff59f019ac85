import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { contextAs } from "./fixtures/auth";
import { scalar } from "./fixtures/db";
import { baseUrlFor, workerIndex } from "./fixtures/workers";

// English that is English: every main page of every role, in English, holds no Chinese character outside data
// values — the names of records and people, marked translate="no" where they are shown (a record's own text is
// data; a dictionary label, an indicator's name, unit and 口径, a message or a unit are interface text and have
// an English form). Full-width punctuation counts as Chinese.

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/g;

async function english(browser: import("@playwright/test").Browser, role: string): Promise<BrowserContext> {
  const ctx = await contextAs(browser, role);
  await ctx.addCookies([{ name: "locale", value: "en", url: baseUrlFor(workerIndex()) }]);
  return ctx;
}

async function untranslated(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[translate="no"], script, style, template')) continue;
      // Only what is shown (a closed dialog's text is checked when it opens).
      if (!el.checkVisibility() || !n.textContent?.trim()) continue;
      out.push(n.textContent);
    }
    for (const el of document.querySelectorAll("[title], [placeholder]"))
      if (!el.closest('[translate="no"]'))
        out.push(`${el.getAttribute("title") ?? ""} ${el.getAttribute("placeholder") ?? ""}`);
    for (const o of document.querySelectorAll("option")) if (!o.closest('[translate="no"]')) out.push(o.text);
    return out.join("\n");
  });
  return [...new Set(text.match(CJK) ?? [])];
}

const ids = () => ({
  enterprise: scalar<number>("SELECT min(id) FROM enterprises WHERE deleted_at IS NULL AND review_state = 'approved'"),
  institution: scalar<number>(
    "SELECT min(id) FROM institutions WHERE deleted_at IS NULL AND review_state = 'approved'",
  ),
  incubator: scalar<number>("SELECT min(id) FROM incubators WHERE deleted_at IS NULL AND review_state = 'approved'"),
  talent: scalar<number>("SELECT min(id) FROM talents WHERE deleted_at IS NULL AND review_state = 'approved'"),
});

const PAGES: Record<string, (i: ReturnType<typeof ids>) => string[]> = {
  staff: (i) => [
    "/",
    "/enterprises",
    `/enterprises/${i.enterprise}`,
    `/enterprises/${i.enterprise}?tab=history`,
    `/enterprises/${i.enterprise}/edit`,
    "/enterprises/new",
    "/institutions",
    `/institutions/${i.institution}`,
    "/incubators",
    `/incubators/${i.incubator}`,
    "/talents",
    `/talents/${i.talent}`,
    "/indicators",
    "/indicators/municipal_tech_enterprises?period=2021Q1",
    "/indicators/municipal_tech_enterprises?period=2021Q1&by=park",
    "/enterprises?kpi=municipal_tech_enterprises&period=2021Q1",
    "/reports",
    "/reports/2021Q1",
    "/reports/2021Q1/print",
    "/import",
    "/review",
  ],
  admin: () => ["/admin/users", "/admin/dictionaries", "/admin/dictionaries?kind=district"],
  leader: () => ["/", "/enterprises", "/reports/2021Q1"],
  street: () => ["/", "/enterprises", "/review"],
  auditor: () => ["/admin/audit-log", "/admin/login-log", "/admin/auditors"],
};

for (const [role, pages] of Object.entries(PAGES)) {
  test(`${role}: every main page in English has no untranslated Chinese outside data`, async ({ browser }) => {
    const ctx = await english(browser, role);
    const page = await ctx.newPage();
    const found: Record<string, string[]> = {};
    for (const url of pages(ids())) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBeLessThan(400);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      const hits = await untranslated(page);
      if (hits.length) found[url] = hits.slice(0, 20);
    }
    expect(found).toEqual({});
    await ctx.close();
  });
}
