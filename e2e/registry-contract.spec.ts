import fs from "node:fs";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import type Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { enterpriseRegistry } from "../features/enterprises/registry";
import { incubatorRegistry } from "../features/incubators/registry";
import { institutionRegistry } from "../features/institutions/registry";
import type { RegistryDefinition } from "../features/registry/define";
import { talentRegistry } from "../features/talents/registry";
import { type MessageKey, makeT } from "../lib/i18n/core";
import { type CapturedAction, captureAction, contextAs, replayAction, signInAs } from "./fixtures/auth";
import { row, scalar, uniqueName, withDb } from "./fixtures/db";
import { waitForHydration } from "./fixtures/hydration";
import { downloadTemplate, fillTemplate, previewFile } from "./fixtures/import";
import { freshCreditCode } from "./fixtures/registry";

// The contract every registry keeps, driven by its definition (path, labels, fields): the list (total, search,
// every sortable header both ways against the database, CSV and xlsx exports), the record's life (create, edit,
// history, soft delete, restore), a stale edit refused, the import round trip, and write actions replayed by
// roles without the permission (refused, nothing written; a staff control replay is written).
// What is bespoke to one registry (qualifications, tenancies, personal data, …) stays in its own spec.

const t = makeT("zh-CN");

/** Per registry: sample values for a valid record (form labels and import headers come from the definition). */
type Case = {
  def: RegistryDefinition;
  table: string;
  /** Field key → value typed (or the option label chosen); the name is added per test. */
  sample: () => Record<string, string>;
  /** A text field to edit, from its sample value to this one. */
  edit: { field: string; to: string };
  /** Columns of a valid row written straight into the database; [kind, code] = a dictionary item's id. */
  seed: () => Record<string, string | number | [string, string]>;
};

const CASES: Case[] = [
  {
    def: enterpriseRegistry,
    table: "enterprises",
    sample: () => ({
      creditCode: freshCreditCode(),
      legalRepresentative: "王测试",
      foundedDate: "2015-06-01",
      registeredCapital: "1000",
      streetId: "龙溪街道",
    }),
    edit: { field: "legalRepresentative", to: "李测试" },
    seed: () => ({
      credit_code: freshCreditCode(),
      legal_representative: "王测试",
      founded_date: "2015-06-01",
      registered_capital: 1000,
      street_id: ["street", "longxi"],
    }),
  },
  {
    def: institutionRegistry,
    table: "institutions",
    // A type and level no published figure counts (the board specs check those figures).
    sample: () => ({
      typeId: "重点实验室",
      level: "区级",
      hostOrganisation: "重庆大学",
      recognisedDate: "2020-04-01",
      field: "智能网联汽车",
      staffCount: "10",
    }),
    edit: { field: "field", to: "集成电路" },
    seed: () => ({
      type_id: ["institution_type", "key_laboratory"],
      level: "district",
      host_organisation: "重庆大学",
      recognised_date: "2020-04-01",
      staff_count: 7,
    }),
  },
  {
    def: incubatorRegistry,
    table: "incubators",
    sample: () => ({
      typeId: "众创空间",
      level: "市级",
      operator: "重庆两江孵化运营有限公司",
      incubatedTotal: "30",
      graduatedTotal: "5",
      ipItems: "12",
      highTechCultivated: "3",
    }),
    edit: { field: "operator", to: "重庆仙桃孵化器管理有限公司" },
    seed: () => ({
      type_id: ["incubator_type", "tech_incubator"],
      level: "district",
      operator: "测试运营公司",
      incubated_total: 0,
      ip_items: 0,
    }),
  },
  {
    def: talentRegistry,
    table: "talents",
    // A team in a person-only category: counted by no published figure (the board and report specs check them).
    sample: () => ({
      kind: "团队",
      categoryId: "海内外高层次人才",
      recognisedYear: "2020",
      field: "人工智能",
      phone: "13800138000",
    }),
    edit: { field: "field", to: "集成电路" },
    seed: () => ({
      kind: "team",
      category_id: ["talent_category", "high_level"],
      recognised_year: 2020,
      phone: "13800138000",
    }),
  },
];

const label = (def: RegistryDefinition, field: string) => t(def.fields[field].label);
const snake = (id: string) => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The form control of a field, by its label (a label may carry a hint after the field's name). */
const control = (page: Page, def: RegistryDefinition, field: string) =>
  page.getByLabel(new RegExp(`^${escapeRe(label(def, field))}`));

async function fillForm(page: Page, def: RegistryDefinition, values: Record<string, string>) {
  for (const [field, value] of Object.entries(values)) {
    const input = control(page, def, field);
    if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.selectOption({ label: value });
    else await input.fill(value);
  }
}

function seedRow(c: Case, name: string, db: Database.Database): number {
  const cols = { name, ...c.seed() };
  const values = Object.values(cols).map((v) =>
    Array.isArray(v)
      ? db.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?").pluck().get(v[0], v[1])
      : v,
  );
  const sql = `INSERT INTO ${c.table} (${Object.keys(cols).join(", ")}) VALUES (${values.map(() => "?").join(", ")})`;
  return Number(db.prepare(sql).run(...values).lastInsertRowid);
}

/** Orders of three rows; the k-th sortable column gets PERMS[k % n] (the name keeps the first). */
const PERMS = [
  [0, 1, 2],
  [2, 0, 1],
  [1, 2, 0],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
];

/**
 * Three live rows named `${tag}A|B|C`, and in every column a list could sort by (numbers, dates, timestamps)
 * three distinct values in another order than the names', so each sort has one right answer.
 */
function seedSortable(c: Case, tag: string): void {
  withDb((db) => {
    const ids = [0, 1, 2].map((i) => seedRow(c, `${tag}${"ABC"[i]}`, db));
    const columns = (db.prepare(`PRAGMA table_info(${c.table})`).all() as { name: string; type: string }[]).filter(
      (col) =>
        !/^(id|version|name)$|_id$|_by$|^is_|^deleted_/.test(col.name) &&
        (/INT|REAL|NUM/i.test(col.type) || /_date$|_at$/.test(col.name)),
    );
    columns.forEach((col, k) => {
      const perm = PERMS[(k % (PERMS.length - 1)) + 1];
      ids.forEach((id, i) => {
        const r = perm[i];
        const value = /INT|REAL|NUM/i.test(col.type)
          ? /year/.test(col.name)
            ? 2010 + r
            : (r + 1) * 10
          : /_at$/.test(col.name)
            ? `2020-0${r + 1}-01T08:00:00.000Z`
            : `201${r}-0${r + 1}-1${r + 1}`;
        db.prepare(`UPDATE ${c.table} SET ${col.name} = ? WHERE id = ?`).run(value, id);
      });
    });
  });
}

const liveCount = (c: Case) => scalar<number>(`SELECT count(*) FROM ${c.table} WHERE deleted_at IS NULL`);
const countByName = (c: Case, name: string) => scalar<number>(`SELECT count(*) FROM ${c.table} WHERE name = ?`, name);
const digits = (s: string | null) => Number((s ?? "").replace(/\D/g, ""));

/** The record names the list shows, top to bottom (the rows' links carrying the tag). */
const listedNames = (page: Page, tag: string) =>
  page.getByRole("table").getByRole("link", { name: tag }).allTextContents();

async function download(page: Page, link: Locator): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return fs.readFileSync((await dl.path()) as string);
}

async function replayRefused(
  contexts: BrowserContext[],
  action: CapturedAction,
  body: (role: number) => string,
): Promise<void> {
  for (const [i, ctx] of contexts.entries()) {
    const res = await replayAction(ctx, action, body(i));
    expect(res.text).toContain('"code":"forbidden"');
  }
}

for (const c of CASES) {
  const { def } = c;
  const name = t(def.label);

  test.describe(`${name} (${def.path})`, () => {
    test("the list: total, search, every sortable header both ways, CSV and xlsx exports of the filter", async ({
      page,
    }) => {
      await signInAs(page, "staff");
      const tag = uniqueName(`契约${def.key}`);
      seedSortable(c, tag);

      await page.goto(def.path);
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      const total = page.getByText(/^共 [\d,]+ 条$/);
      await expect.poll(async () => digits(await total.textContent())).toBe(liveCount(c));

      // Search: typing puts ?q= in the URL and the server filters.
      await page.getByRole("searchbox").fill(tag);
      await page.waitForURL((u) => u.searchParams.get("q") === tag);
      await expect(total).toHaveText("共 3 条");
      await expect.poll(() => listedNames(page, tag)).toHaveLength(3);

      // Every header the list offers as sortable sorts in SQL: ascending, then descending.
      await waitForHydration(page);
      const headers = page.getByRole("columnheader").getByRole("button");
      const n = await headers.count();
      expect(n, "the list offers sortable columns").toBeGreaterThan(0);
      const expected = (column: string, dir: "ASC" | "DESC") =>
        withDb(
          (db) =>
            db
              .prepare(`SELECT name FROM ${c.table} WHERE name LIKE ? AND deleted_at IS NULL ORDER BY ${column} ${dir}`)
              .pluck()
              .all(`${tag}%`) as string[],
        );
      for (let i = 0; i < n; i++) {
        const header = headers.nth(i);
        const title = (await header.textContent())?.trim();
        await header.click();
        await page.waitForURL((u) => /\.asc$/.test(u.searchParams.get("sort") ?? ""));
        const id = (new URL(page.url()).searchParams.get("sort") ?? "").replace(/\.asc$/, "");
        const column = snake(id);
        expect(
          scalar(`SELECT count(DISTINCT ${column}) FROM ${c.table} WHERE name LIKE ?`, `${tag}%`),
          `seeded rows differ in ${column}`,
        ).toBe(3);
        await expect.poll(() => listedNames(page, tag), `${title} ↑`).toEqual(expected(column, "ASC"));
        await headers.nth(i).click();
        await page.waitForURL((u) => u.searchParams.get("sort") === `${id}.desc`);
        await expect.poll(() => listedNames(page, tag), `${title} ↓`).toEqual(expected(column, "DESC"));
      }

      // Exports of the current filter: exactly the three rows, in CSV and in xlsx.
      const seeded = expected("name", "ASC");
      const csv = (await download(page, page.getByRole("link", { name: "导出CSV" }))).toString("utf8");
      const lines = csv
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines).toHaveLength(4);
      for (const s of seeded) expect(lines.filter((l) => l.includes(s))).toHaveLength(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await download(page, page.getByRole("link", { name: "导出Excel" }))) as never);
      const ws = wb.worksheets[0];
      expect(ws.rowCount).toBe(4);
      const headerRow = (ws.getRow(1).values as unknown[]).map(String);
      const nameCol = headerRow.indexOf(label(def, "name"));
      expect(nameCol).toBeGreaterThan(0);
      const names = [2, 3, 4].map((r) => String(ws.getRow(r).getCell(nameCol).value));
      expect(names.sort()).toEqual([...seeded].sort());
    });

    test("create, edit, history, soft delete, restore; leader and auditor replays refused, staff's written", async ({
      page,
      browser,
    }) => {
      await signInAs(page, "staff");
      const others = [await contextAs(browser, "leader"), await contextAs(browser, "auditor")];
      const record = uniqueName(`契约新建${def.key}`);
      const sample = c.sample();
      const from = sample[c.edit.field];
      const column = snake(c.edit.field);

      // Create.
      await page.goto(`${def.path}/new`);
      await fillForm(page, def, { name: record, ...sample });
      const create = await captureAction(page, () => page.getByRole("button", { name: "保存" }).click());
      await page.waitForURL(new RegExp(`${def.path}/\\d+$`));
      await expect(page.getByRole("heading", { name: record })).toBeVisible();
      const id = Number(new URL(page.url()).pathname.split("/").pop());
      expect(row(`SELECT name, ${column} AS v, version FROM ${c.table} WHERE id = ?`, id)).toEqual({
        name: record,
        v: from,
        version: 1,
      });

      // Edit one field; the history shows it before → after.
      await page.getByRole("link", { name: "编辑" }).click();
      await page.waitForURL(new RegExp(`${def.path}/${id}/edit$`));
      await control(page, def, c.edit.field).fill(c.edit.to);
      const update = await captureAction(page, () => page.getByRole("button", { name: "保存" }).click());
      await page.waitForURL(new RegExp(`${def.path}/${id}$`));
      expect(row(`SELECT ${column} AS v, version FROM ${c.table} WHERE id = ?`, id)).toEqual({
        v: c.edit.to,
        version: 2,
      });
      await page.getByRole("tab", { name: "变更历史" }).click();
      const change = page
        .getByTestId("history-entry")
        .first()
        .getByRole("row")
        .filter({ hasText: label(def, c.edit.field) });
      await expect(change.getByRole("cell")).toHaveText([label(def, c.edit.field), from, c.edit.to]);

      // The update replayed by the leader and the auditor: refused, nothing written.
      await replayRefused(others, update, (i) => update.body.replaceAll(c.edit.to, `越权修改${i}`));
      expect(row(`SELECT ${column} AS v, version FROM ${c.table} WHERE id = ?`, id)).toEqual({
        v: c.edit.to,
        version: 2,
      });

      // Soft delete, after confirming: gone from the list.
      await page.goto(`${def.path}/${id}`);
      await page.getByRole("button", { name: "删除" }).click();
      const remove = await captureAction(page, () =>
        page.getByRole("dialog").getByRole("button", { name: "确认" }).click(),
      );
      await page.waitForURL(new RegExp(`${def.path}$`));
      expect(scalar(`SELECT deleted_at IS NOT NULL FROM ${c.table} WHERE id = ?`, id)).toBe(1);
      await page.goto(`${def.path}?q=${encodeURIComponent(record)}`);
      await expect(page.getByText(/^共 [\d,]+ 条$/)).toHaveText("共 0 条");
      // Staff cannot see deleted records: no toggle, and the record is a 404.
      await expect(page.getByLabel("显示已删除")).toHaveCount(0);
      await page.goto(`${def.path}/${id}`);
      await expect(page.getByRole("heading", { name: "404 · 页面不存在" })).toBeVisible();

      // The admin finds it under 显示已删除 and restores it.
      const admin = await contextAs(browser, "admin");
      const ap = await admin.newPage();
      await ap.goto(`${def.path}?q=${encodeURIComponent(record)}&deleted=true`);
      await ap.getByRole("link", { name: record }).click();
      await ap.waitForURL(new RegExp(`${def.path}/${id}$`));
      await ap.getByRole("button", { name: "恢复" }).click();
      await ap.getByRole("dialog").getByRole("button", { name: "确认" }).click();
      await expect(ap.getByRole("button", { name: "恢复" })).toHaveCount(0);
      await expect(ap.getByRole("link", { name: "编辑" })).toBeVisible();
      expect(scalar(`SELECT deleted_at IS NULL FROM ${c.table} WHERE id = ?`, id)).toBe(1);
      // The history names people, not logins, and shows the deletion time in Beijing time, not as ISO.
      await ap.getByRole("tab", { name: "变更历史" }).click();
      const deletion = ap
        .getByTestId("history-entry")
        .filter({ hasText: "操作人：李科员" })
        .filter({ has: ap.getByRole("row", { name: /删除时间/ }) });
      await expect(deletion.getByRole("row", { name: /删除时间/ })).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      await expect(deletion).not.toContainText("T0");
      await ap.goto(`${def.path}?q=${encodeURIComponent(record)}`);
      await expect(ap.getByText(/^共 [\d,]+ 条$/)).toHaveText("共 1 条");
      await admin.close();

      // The leader reads the record but gets no write controls, and the create page is a 403.
      const lp = await others[0].newPage();
      await lp.goto(`${def.path}/${id}`);
      await expect(lp.getByRole("heading", { name: record })).toBeVisible();
      await expect(lp.getByRole("link", { name: "编辑" })).toHaveCount(0);
      await expect(lp.getByRole("button", { name: "删除" })).toHaveCount(0);
      await lp.goto(`${def.path}/new`);
      await expect(lp.getByRole("heading", { name: "403 · 无权访问" })).toBeVisible();
      await lp.close();

      // The delete replayed against the live record, and the create with fresh values: refused, nothing written.
      await replayRefused(others, remove, () => remove.body);
      expect(scalar(`SELECT deleted_at IS NULL FROM ${c.table} WHERE id = ?`, id)).toBe(1);
      const fresh = (body: string, newName: string) => {
        let out = body.replaceAll(record, newName);
        if (sample.creditCode) out = out.replaceAll(sample.creditCode, freshCreditCode());
        return out;
      };
      const stolen = [uniqueName("越权新建"), uniqueName("越权新建")];
      await replayRefused(others, create, (i) => fresh(create.body, stolen[i]));
      for (const s of stolen) expect(countByName(c, s)).toBe(0);

      // Control: staff's own replay with fresh values is written, so the refusals above are the guard's.
      const controlName = uniqueName("对照新建");
      const ok = await replayAction(page.context(), create, fresh(create.body, controlName));
      expect(ok.text).toContain('"ok":true');
      expect(countByName(c, controlName)).toBe(1);
      for (const ctx of others) await ctx.close();
    });

    test("a stale edit is refused and keeps the other user's change", async ({ browser }) => {
      const record = uniqueName(`契约并发${def.key}`);
      const id = withDb((db) => seedRow(c, record, db));
      const column = snake(c.edit.field);
      const [first, second] = await Promise.all(
        (["admin", "staff"] as const).map(async (role) => (await contextAs(browser, role)).newPage()),
      );
      for (const p of [first, second]) await p.goto(`${def.path}/${id}/edit`);
      await control(first, def, c.edit.field).fill(`${c.edit.to}甲`);
      await first.getByRole("button", { name: "保存" }).click();
      await first.waitForURL(new RegExp(`${def.path}/${id}$`));
      await control(second, def, c.edit.field).fill(`${c.edit.to}乙`);
      await second.getByRole("button", { name: "保存" }).click();
      // The refusal names who saved in between (the admin's display name) and shows the record's current value.
      const adminName = scalar<string>("SELECT display_name FROM users WHERE username = 'admin'");
      const alert = second.getByRole("alert").filter({ hasText: "未保存" });
      await expect(alert).toContainText(`未保存：该记录已被 ${adminName} 于`);
      await expect(alert.getByTestId("conflict-current")).toContainText(`${c.edit.to}甲`);
      await expect(control(second, def, c.edit.field)).toHaveValue(`${c.edit.to}乙`);
      expect(row(`SELECT ${column} AS v, version FROM ${c.table} WHERE id = ?`, id)).toEqual({
        v: `${c.edit.to}甲`,
        version: 2,
      });
      for (const p of [first, second]) await p.context().close();
    });

    test("import round trip: template, one row filled, preview 1 新增, commit, the record is there", async ({
      page,
    }) => {
      await signInAs(page, "staff");
      const record = uniqueName(`契约导入${def.key}`);
      const template = await downloadTemplate(page, t(`import.registries.${def.key}` as MessageKey));
      const cells: Record<string, ExcelJS.CellValue> = {};
      for (const [field, value] of Object.entries({ name: record, ...c.sample() })) {
        const f = def.fields[field];
        const header = t((f.import ? f.import.header : undefined) ?? f.label);
        cells[header] = f.kind === "number" || f.kind === "year" ? Number(value) : value;
      }
      const file = await fillTemplate(template, t(`import.sheets.${def.key}` as MessageKey), [cells]);
      await previewFile(page, `${record}.xlsx`, file);
      await expect(page.getByTestId("count-new")).toHaveText("1");
      await expect(page.getByTestId("count-invalid")).toHaveText("0");
      await page.getByRole("button", { name: "确认导入" }).click();
      await expect(page.getByTestId("import-result")).toContainText("导入完成：1 条新增");
      expect(countByName(c, record)).toBe(1);
    });
  });
}
