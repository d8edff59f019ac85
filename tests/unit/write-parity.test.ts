import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { createEnterpriseSchema, qualificationSchema } from "@/features/enterprises/validations";
import { annualWrites, enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { applyPlan, planImport } from "@/features/import/engine";
import { writeRecordLogs } from "@/features/import/record-logs";
import { type ImportRegistry, REGISTRY_SPECS, type SheetSpec } from "@/features/import/registries";
import { templateHeader } from "@/features/import/template";
import { addTenantSchema, createIncubatorSchema, updateIncubatorSchema } from "@/features/incubators/validations";
import { incubatorWrites, tenancyWrites } from "@/features/incubators/writes";
import { createInstitutionSchema, updateInstitutionSchema } from "@/features/institutions/validations";
import { institutionWrites } from "@/features/institutions/writes";
import {
  createRecord,
  formWrite,
  type RecordLog,
  RuleError,
  setRecordDeleted,
  updateRecord,
} from "@/features/registry/write";
import { seedDictionaries } from "@/features/seed";
import { createTalentSchema, updateTalentSchema } from "@/features/talents/validations";
import { talentWrites } from "@/features/talents/writes";
import { ActionError } from "@/lib/action-error";
import { writeOperationLog } from "@/lib/audit";
import { makeCreditCode } from "@/lib/credit-code";
import { makeT } from "@/lib/i18n/core";
import { readWorkbook } from "@/lib/import/workbook";
import { FULL_SCOPE } from "@/lib/scope";

// One write path: the same row written through a form's write path (the registry's form schema, then exactly the
// call its server action makes, logged as the action wrapper logs it) and through the Excel import (plan + apply +
// per-record history rows) gives the same record and the same history, and a row one path refuses the other
// refuses with the same reason. Each comparison runs in a transaction that is rolled back, so both paths start
// from the same database.

const zh = makeT("zh-CN");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-parity-"));
const sqlite = openSqlite(path.join(dir, "parity.db"));
const db = drizzle(sqlite, { schema });
runMigrations(db);
seedDictionaries(db as never);
const user = { id: 0, username: "parity", role: "staff", scope: FULL_SCOPE };
user.id = Number(
  sqlite
    .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, '对照员', 'staff', 'x')")
    .run(user.username).lastInsertRowid,
);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dictId = (kind: string, label: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND label = ?").pluck().get(kind, label) as number;
let seq = 0;
const code = () => makeCreditCode("91", "500112", `MA7PA${String(++seq).padStart(4, "0")}`);

class Rollback extends Error {}
/** Runs `fn` in a transaction and rolls it back, returning what it returned (or the refusal it threw). */
function rolledBack<T>(fn: () => T): T {
  let out: T | undefined;
  try {
    sqlite.transaction(() => {
      out = fn();
      throw new Rollback();
    })();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return out as T;
}

type Snapshot = { record: Record<string, unknown>; history: { action: string; before: unknown; after: unknown }[] };
const IGNORED = new Set(["id", "created_at", "updated_at", "status_changed_at", "deleted_at"]);

function snapshot(table: string, id: number, logIds: number[]): Snapshot {
  const row = sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown>;
  const record = Object.fromEntries(Object.entries(row).filter(([k]) => !IGNORED.has(k)));
  const history = logIds.map((logId) => {
    const l = sqlite.prepare("SELECT action, before, after FROM operation_logs WHERE id = ?").get(logId) as {
      action: string;
      before: string | null;
      after: string | null;
    };
    return {
      action: l.action,
      before: l.before ? JSON.parse(l.before) : null,
      after: l.after ? JSON.parse(l.after) : null,
    };
  });
  return { record, history };
}

/** A form save: the handler's write-path call on the action's transaction, logged as the wrapper logs it. */
function viaForm<R extends { id: number; log: RecordLog }>(
  table: string,
  fn: (w: Parameters<Parameters<typeof formWrite>[1]>[0]) => R,
) {
  return rolledBack(() =>
    db.transaction((tx) => {
      let audit: Partial<RecordLog> = {};
      const r = formWrite({ tx, user, audit: (f) => (audit = f) }, fn);
      const logId = writeOperationLog(tx, {
        userId: user.id,
        username: user.username,
        role: user.role,
        ip: null,
        action: r.log.action,
        result: "ok",
        ...audit,
      });
      return snapshot(table, r.id, [logId]);
    }),
  );
}

/** Refusal of a form save (rolled back). */
function formRefusal(fn: (w: Parameters<Parameters<typeof formWrite>[1]>[0]) => { log: RecordLog }) {
  try {
    rolledBack(() => db.transaction((tx) => formWrite({ tx, user, audit: () => {} }, fn)));
  } catch (err) {
    if (err instanceof RuleError) return { field: err.field, reason: err.reason };
    if (err instanceof ActionError) return { field: null, reason: err.message };
    throw err;
  }
  return null;
}

async function workbook(registry: ImportRegistry, rows: Partial<Record<string, Record<string, unknown>[]>>) {
  const wb = new ExcelJS.Workbook();
  for (const spec of REGISTRY_SPECS[registry].sheets) {
    const ws = wb.addWorksheet(zh(spec.sheet));
    ws.addRow(spec.columns.map(templateHeader));
    for (const r of rows[spec.key] ?? []) ws.addRow(spec.columns.map((c) => r[c.field] ?? null));
  }
  return readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** An import of the given rows: planned, applied, with its import row and per-record history rows. */
async function viaImport(registry: ImportRegistry, rows: Partial<Record<string, Record<string, unknown>[]>>) {
  const sheets = await workbook(registry, rows);
  return rolledBack(() => {
    const plan = planImport(sqlite, registry, sheets);
    expect(plan.errors).toEqual([]);
    const { logs } = applyPlan(sqlite, plan, { userId: user.id, now: new Date().toISOString() });
    const importLogId = writeOperationLog(db, {
      ...{ userId: user.id, username: user.username, role: user.role, ip: null },
      action: "import.commit",
      result: "ok",
    });
    const first = Number(sqlite.prepare("SELECT max(id) FROM operation_logs").pluck().get()) + 1;
    writeRecordLogs(sqlite, logs, { ...user, userId: user.id, ip: null }, { importLogId, file: "parity.xlsx" });
    const written = plan.rows.filter((r) => r.outcome !== "unchanged");
    const table = (s: SheetSpec) => (s.writes.table as { [k: symbol]: string })[Symbol.for("drizzle:Name")] as string;
    return written.map((r, i) => snapshot(table(r.spec), r.id as number, [first + i]));
  });
}

/** The import's refusals (nothing written): sheet, Excel row, column header and reason. */
async function importRefusals(registry: ImportRegistry, rows: Partial<Record<string, Record<string, unknown>[]>>) {
  const plan = planImport(sqlite, registry, await workbook(registry, rows));
  return plan.errors.map((e) => ({ column: e.column, reason: e.message }));
}

const header = (spec: SheetSpec, field: string) => {
  const c = spec.columns.find((col) => col.field === field);
  if (!c) throw new Error(field);
  return templateHeader(c).replace(/^\*/, "");
};

/** Commits a form write (setup for the update cases). */
function commit<R>(fn: (w: Parameters<Parameters<typeof formWrite>[1]>[0]) => R & { log: RecordLog }): R {
  return db.transaction((tx) => formWrite({ tx, user, audit: () => {} }, fn));
}

const enterpriseForm = (c: string, name: string, over: Record<string, unknown> = {}) =>
  createEnterpriseSchema.parse({
    name,
    creditCode: c,
    legalRepresentative: "王测试",
    foundedDate: "2015-06-01",
    registeredCapital: "100",
    streetId: String(dictId("street", "龙溪街道")),
    parkId: String(dictId("park", "仙桃国际大数据谷")),
    industryChainId: "",
    contactName: "李四",
    contactPhone: "13800138000",
    status: "active",
    ...over,
  });
const enterpriseCells = (c: string, name: string, over: Record<string, unknown> = {}) => ({
  name,
  creditCode: c,
  legalRepresentative: "王测试",
  foundedDate: "2015-06-01",
  registeredCapital: 100,
  streetId: "龙溪街道",
  parkId: "仙桃国际大数据谷",
  isAboveScale: "否",
  contactName: "李四",
  contactPhone: "13800138000",
  status: "在册",
  ...over,
});

describe("enterprises: form and import write the same record and history", () => {
  it("create", async () => {
    const c = code();
    const form = viaForm("enterprises", (w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "对照企业")));
    const [imported] = await viaImport("enterprise", { enterprise: [enterpriseCells(c, "对照企业")] });
    expect(imported).toEqual(form);
    expect(form.record).toMatchObject({ credit_code: c, contact_phone: "13800138000", street_id: expect.any(Number) });
    expect(form.history[0]).toMatchObject({ action: "enterprise.create", before: null });
  });

  it("update with an empty contact phone keeps the stored phone on both paths (drift fixed)", async () => {
    const c = code();
    const { id } = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "对照企业乙")));
    const form = viaForm("enterprises", (w) =>
      updateRecord(
        w,
        enterpriseWrites,
        { id, version: 1 },
        enterpriseForm(c, "对照企业乙（更名）", { contactPhone: "" }),
      ),
    );
    const [imported] = await viaImport("enterprise", {
      enterprise: [enterpriseCells(c, "对照企业乙（更名）", { contactPhone: null })],
    });
    expect(imported).toEqual(form);
    expect(form.record.contact_phone).toBe("13800138000");
    expect(form.history[0]).toEqual({
      action: "enterprise.update",
      before: { name: "对照企业乙" },
      after: { name: "对照企业乙（更名）" },
    });
  });

  it("a qualification and a year of figures", async () => {
    const c = code();
    const { id } = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "对照企业丙")));
    const typeId = dictId("qualification_type", "国家高新技术企业");
    const qualForm = viaForm("enterprise_qualifications", (w) =>
      createRecord(
        w,
        qualificationWrites,
        qualificationSchema.parse({
          enterpriseId: String(id),
          typeId: String(typeId),
          certificateNo: "GR1",
          awardedDate: "2024-01-05",
          expiryDate: "2027-01-04",
          note: "",
        }),
      ),
    );
    const [qualImported] = await viaImport("enterprise", {
      qualification: [
        {
          enterpriseId: c,
          typeId: "国家高新技术企业",
          certificateNo: "GR1",
          awardedDate: "2024-01-05",
          expiryDate: "2027-01-04",
        },
      ],
    });
    expect(qualImported).toEqual(qualForm);

    const figures = { enterpriseId: id, year: 2024, revenue: 1000, rdExpense: 50, employees: 20, rdStaff: 5 };
    const annualForm = viaForm("enterprise_annual_figures", (w) =>
      createRecord(w, annualWrites, { ...figures, inventionPatents: null }),
    );
    const [annualImported] = await viaImport("enterprise", {
      annual: [{ ...figures, enterpriseId: c }],
    });
    expect(annualImported).toEqual(annualForm);
    // Both refresh the list's latest figures the same way.
    const latest = () => sqlite.prepare("SELECT latest_revenue FROM enterprises WHERE id = ?").pluck();
    expect(
      rolledBack(() => {
        commit((w) => createRecord(w, annualWrites, { ...figures, inventionPatents: null }));
        return latest().get(id);
      }),
    ).toBe(1000);
  });

  it("a live credit code is refused with the same reason (form create; import applying a plan made before)", async () => {
    const c = code();
    const holder = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "持有者企业")));
    expect(formRefusal((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "重复企业")))).toEqual({
      field: "creditCode",
      reason: `enterprises.duplicateCreditCode|name=${encodeURIComponent("持有者企业")},href=/enterprises/${holder.id}`,
    });
    // The import matches a live credit code as its natural key (an update); a plan made before that enterprise
    // existed still goes through the same rule when it is applied.
    commit((w) => setRecordDeleted(w, enterpriseWrites, { id: holder.id, version: 1 }, true, "enterprise.delete"));
    const sheets = await workbook("enterprise", { enterprise: [enterpriseCells(c, "重复企业")] });
    const plan = planImport(sqlite, "enterprise", sheets);
    expect(plan.totals.new).toBe(1);
    let refused: unknown;
    try {
      rolledBack(() => {
        commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "持有者企业")));
        return applyPlan(sqlite, plan, { userId: user.id, now: new Date().toISOString() });
      });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(RuleError);
    expect({ field: (refused as RuleError).field, reason: (refused as RuleError).reason }).toEqual({
      field: "creditCode",
      reason: expect.stringMatching(
        new RegExp(
          `^enterprises.duplicateCreditCode\\|name=${encodeURIComponent("持有者企业")},href=/enterprises/\\d+$`,
        ),
      ),
    });
    // …and restoring an enterprise whose code is live again is refused the same way.
    const newHolder = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "新持有者")));
    expect(
      formRefusal((w) =>
        setRecordDeleted(w, enterpriseWrites, { id: holder.id, version: 2 }, false, "enterprise.restore"),
      ),
    ).toEqual({
      field: "creditCode",
      reason: `enterprises.duplicateCreditCode|name=${encodeURIComponent("新持有者")},href=/enterprises/${newHolder.id}`,
    });
  });

  it("a disabled dictionary item is refused with the same reason; a record may keep one it holds", async () => {
    const c = code();
    const street = dictId("street", "龙溪街道");
    const { id } = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "字典企业")));
    const park = dictId("park", "仙桃国际大数据谷");
    sqlite.prepare("UPDATE dictionary_items SET enabled = 0 WHERE id IN (?, ?)").run(street, park);
    try {
      const c2 = code();
      // Every refused field is reported, on both paths.
      let refused: RuleError | undefined;
      try {
        commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c2, "新字典企业")));
      } catch (err) {
        refused = err as RuleError;
      }
      expect(refused?.refusals).toEqual([
        { field: "streetId", reason: "registry.invalidOption" },
        { field: "parkId", reason: "registry.invalidOption" },
      ]);
      const spec = REGISTRY_SPECS.enterprise.sheets[0];
      expect(await importRefusals("enterprise", { enterprise: [enterpriseCells(c2, "新字典企业")] })).toEqual([
        { column: header(spec, "streetId"), reason: "registry.invalidOption" },
        { column: header(spec, "parkId"), reason: "registry.invalidOption" },
      ]);
      // The existing record keeps both disabled items on an unrelated edit, on both paths.
      const form = viaForm("enterprises", (w) =>
        updateRecord(w, enterpriseWrites, { id, version: 1 }, enterpriseForm(c, "字典企业（改）")),
      );
      const [imported] = await viaImport("enterprise", { enterprise: [enterpriseCells(c, "字典企业（改）")] });
      expect(imported).toEqual(form);
    } finally {
      sqlite.prepare("UPDATE dictionary_items SET enabled = 1 WHERE id IN (?, ?)").run(street, park);
    }
  });
});

/** A live enterprise (by credit code) and a deleted one. */
function enterprisesLiveAndDeleted() {
  const live = code();
  const gone = code();
  commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(live, `在册${live.slice(-4)}`)));
  const d = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(gone, `已删${gone.slice(-4)}`)));
  return {
    live,
    gone,
    goneId: d.id,
    deleteGone: () =>
      commit((w) => setRecordDeleted(w, enterpriseWrites, { id: d.id, version: 1 }, true, "enterprise.delete")),
  };
}
const idOf = (c: string) =>
  sqlite
    .prepare("SELECT id FROM enterprises WHERE credit_code = ? ORDER BY deleted_at IS NULL DESC, id DESC")
    .pluck()
    .get(c) as number;

describe("institutions", () => {
  const form = (name: string, hostEnterpriseId: number | null) => ({
    name,
    typeId: String(dictId("institution_type", "重点实验室")),
    level: "district",
    hostEnterpriseId: hostEnterpriseId == null ? "" : String(hostEnterpriseId),
    hostOrganisation: hostEnterpriseId == null ? "重庆大学" : "",
    recognisedDate: "2024-06-30",
    field: "人工智能",
    staffCount: "25",
    status: "active",
  });
  const cells = (name: string, hostCode: string | null) => ({
    name,
    typeId: "重点实验室",
    level: "区级",
    hostEnterpriseId: hostCode,
    hostOrganisation: hostCode ? null : "重庆大学",
    recognisedDate: "2024-06-30",
    field: "人工智能",
    staffCount: 25,
    status: "有效",
  });

  it("create and update write the same record and history", async () => {
    const { live } = enterprisesLiveAndDeleted();
    const created = viaForm("institutions", (w) =>
      createRecord(w, institutionWrites, createInstitutionSchema.parse(form("对照研究院", idOf(live)))),
    );
    const [imported] = await viaImport("institution", { institution: [cells("对照研究院", live)] });
    expect(imported).toEqual(created);

    const { id } = commit((w) =>
      createRecord(w, institutionWrites, createInstitutionSchema.parse(form("对照研究院乙", null))),
    );
    const updated = viaForm("institutions", (w) =>
      updateRecord(
        w,
        institutionWrites,
        { id, version: 1 },
        {
          ...createInstitutionSchema.parse(form("对照研究院乙", idOf(live))),
        },
      ),
    );
    const [reimported] = await viaImport("institution", { institution: [cells("对照研究院乙", live)] });
    expect(reimported).toEqual(updated);
    expect(updated.history[0].after).toMatchObject({ hostEnterpriseId: idOf(live), hostOrganisation: null });
  });

  it("a host enterprise deleted since is kept on update by both paths (drift fixed), refused as a new link by both", async () => {
    const { gone, goneId, deleteGone } = enterprisesLiveAndDeleted();
    const { id } = commit((w) =>
      createRecord(w, institutionWrites, createInstitutionSchema.parse(form("宿主已删研究院", goneId))),
    );
    deleteGone();
    const edit = { ...form("宿主已删研究院", goneId), staffCount: "30" };
    const { id: _id, version: _v, ...input } = updateInstitutionSchema.parse({ ...edit, id, version: 1 });
    const updated = viaForm("institutions", (w) => updateRecord(w, institutionWrites, { id, version: 1 }, input));
    const [imported] = await viaImport("institution", {
      institution: [{ ...cells("宿主已删研究院", gone), staffCount: 30 }],
    });
    expect(imported).toEqual(updated);
    expect(updated.record.host_enterprise_id).toBe(goneId);
    // An unchanged row naming it re-imports as unchanged rather than refused.
    const again = planImport(
      sqlite,
      "institution",
      await workbook("institution", { institution: [cells("宿主已删研究院", gone)] }),
    );
    expect(again.errors).toEqual([]);
    expect(again.totals).toMatchObject({ unchanged: 1 });

    // A new record cannot link to it: same field, same reason.
    const reason = "institutions.hostEnterpriseInvalid";
    expect(
      formRefusal((w) => createRecord(w, institutionWrites, createInstitutionSchema.parse(form("新研究院", goneId)))),
    ).toEqual({ field: "hostEnterpriseId", reason });
    expect(await importRefusals("institution", { institution: [cells("新研究院", gone)] })).toEqual([
      { column: header(REGISTRY_SPECS.institution.sheets[0], "hostEnterpriseId"), reason },
    ]);
  });
});

describe("incubators", () => {
  const form = (name: string) => ({
    name,
    typeId: String(dictId("incubator_type", "众创空间")),
    level: "district",
    operator: "对照运营公司",
    streetId: String(dictId("street", "龙溪街道")),
    address: "渝北区示例路 1 号",
    area: "5000",
    incubatedTotal: "10",
    graduatedTotal: "2",
    ipItems: "3",
    highTechCultivated: "1",
    recognisedDate: "2020-12-01",
    status: "active",
  });
  const cells = (name: string) => ({
    name,
    typeId: "众创空间",
    level: "区级",
    operator: "对照运营公司",
    streetId: "龙溪街道",
    address: "渝北区示例路 1 号",
    area: 5000,
    incubatedTotal: 10,
    graduatedTotal: 2,
    ipItems: 3,
    highTechCultivated: 1,
    recognisedDate: "2020-12-01",
    status: "有效",
  });

  it("create and update write the same record and history", async () => {
    const created = viaForm("incubators", (w) =>
      createRecord(w, incubatorWrites, createIncubatorSchema.parse(form("对照众创空间"))),
    );
    expect(await viaImport("incubator", { incubator: [cells("对照众创空间")] })).toEqual([created]);

    const { id } = commit((w) => createRecord(w, incubatorWrites, createIncubatorSchema.parse(form("对照孵化器"))));
    const {
      id: _id,
      version: _v,
      ...edit
    } = updateIncubatorSchema.parse({
      ...form("对照孵化器"),
      ipItems: "7",
      id,
      version: 1,
    });
    const updated = viaForm("incubators", (w) => updateRecord(w, incubatorWrites, { id, version: 1 }, edit));
    expect(await viaImport("incubator", { incubator: [{ ...cells("对照孵化器"), ipItems: 7 }] })).toEqual([updated]);
    expect(updated.history[0]).toMatchObject({ before: { ipItems: 3 }, after: { ipItems: 7 } });
  });

  it("a bad dictionary value is refused the same way", async () => {
    const wrongKind = dictId("street", "龙溪街道");
    expect(
      formRefusal((w) =>
        createRecord(w, incubatorWrites, createIncubatorSchema.parse({ ...form("错类型"), typeId: String(wrongKind) })),
      ),
    ).toEqual({ field: "typeId", reason: "registry.invalidOption" });
    const typeId = dictId("incubator_type", "众创空间");
    sqlite.prepare("UPDATE dictionary_items SET enabled = 0 WHERE id = ?").run(typeId);
    try {
      expect(
        formRefusal((w) => createRecord(w, incubatorWrites, createIncubatorSchema.parse(form("停用类型")))),
      ).toEqual({
        field: "typeId",
        reason: "registry.invalidOption",
      });
      expect(await importRefusals("incubator", { incubator: [cells("停用类型")] })).toEqual([
        { column: header(REGISTRY_SPECS.incubator.sheets[0], "typeId"), reason: "registry.invalidOption" },
      ]);
    } finally {
      sqlite.prepare("UPDATE dictionary_items SET enabled = 1 WHERE id = ?").run(typeId);
    }
  });

  it("tenancies (form only: the import has no tenant sheet): a live enterprise, no overlapping period", () => {
    const { live, goneId, deleteGone } = enterprisesLiveAndDeleted();
    deleteGone();
    const { id: incubatorId } = commit((w) =>
      createRecord(w, incubatorWrites, createIncubatorSchema.parse(form("对照租户载体"))),
    );
    const tenant = (enterpriseId: number, moveInDate: string, moveOutDate = "") =>
      addTenantSchema.parse({
        incubatorId: String(incubatorId),
        enterpriseId: String(enterpriseId),
        moveInDate,
        moveOutDate,
      });
    expect(formRefusal((w) => createRecord(w, tenancyWrites, tenant(goneId, "2024-01-01")))).toEqual({
      field: "enterpriseId",
      reason: "incubators.tenants.enterpriseNotLive",
    });
    const first = commit((w) => createRecord(w, tenancyWrites, tenant(idOf(live), "2024-01-01", "2024-12-31")));
    expect(formRefusal((w) => createRecord(w, tenancyWrites, tenant(idOf(live), "2024-06-01")))).toEqual({
      field: "enterpriseId",
      reason: `incubators.tenants.alreadyTenant|from=2024-01-01`,
    });
    const later = commit((w) => createRecord(w, tenancyWrites, tenant(idOf(live), "2025-01-01")));
    expect(later.id).toBeGreaterThan(first.id);
    // Moving the first tenancy's move-out date into the second one is refused on the move-out field.
    expect(
      formRefusal((w) =>
        updateRecord(
          w,
          tenancyWrites,
          { id: first.id, version: 1 },
          {
            incubatorId,
            enterpriseId: idOf(live),
            moveInDate: "2024-01-01",
            moveOutDate: "2025-06-30",
          },
        ),
      ),
    ).toEqual({ field: "moveOutDate", reason: "incubators.tenants.alreadyTenant|from=2025-01-01" });
  });
});

describe("talents", () => {
  const form = (name: string, employerEnterpriseId: number | null, over: Record<string, unknown> = {}) => ({
    kind: "person",
    name,
    categoryId: String(dictId("talent_category", "海内外高层次人才")),
    employerEnterpriseId: employerEnterpriseId == null ? "" : String(employerEnterpriseId),
    employerName: employerEnterpriseId == null ? "重庆大学" : "",
    field: "集成电路",
    recognisedYear: "2023",
    programme: "重庆英才计划",
    phone: "13900139000",
    idNumber: "",
    ...over,
  });
  const cells = (name: string, employerCode: string | null, over: Record<string, unknown> = {}) => ({
    kind: "个人",
    name,
    categoryId: "海内外高层次人才",
    employerEnterpriseId: employerCode,
    employerName: employerCode ? null : "重庆大学",
    field: "集成电路",
    recognisedYear: 2023,
    programme: "重庆英才计划",
    phone: "13900139000",
    ...over,
  });

  it("create and update (empty phone keeps the stored one) write the same record and history", async () => {
    const { live } = enterprisesLiveAndDeleted();
    const created = viaForm("talents", (w) =>
      createRecord(w, talentWrites, createTalentSchema.parse(form("对照人才", idOf(live)))),
    );
    expect(await viaImport("talent", { talent: [cells("对照人才", live)] })).toEqual([created]);
    expect(created.record).toMatchObject({ employer_name: null, phone: "13900139000" });

    const { id } = commit((w) => createRecord(w, talentWrites, createTalentSchema.parse(form("对照人才乙", null))));
    const {
      id: _id,
      version: _v,
      clearIdNumber: _c,
      ...edit
    } = updateTalentSchema.parse({
      ...form("对照人才乙", null, { programme: "英才计划（改）", phone: "" }),
      id,
      version: 1,
    });
    const updated = viaForm("talents", (w) => updateRecord(w, talentWrites, { id, version: 1 }, edit));
    expect(await viaImport("talent", { talent: [cells("对照人才乙", null, { programme: "英才计划（改）" })] })).toEqual(
      [updated],
    );
    expect(updated.record.phone).toBe("13900139000");
  });

  it("a deleted employer: kept on update by both paths, refused as a new link by both", async () => {
    const { gone, goneId, deleteGone } = enterprisesLiveAndDeleted();
    const { id } = commit((w) => createRecord(w, talentWrites, createTalentSchema.parse(form("雇主已删人才", goneId))));
    deleteGone();
    const {
      id: _id,
      version: _v,
      clearIdNumber: _c,
      ...edit
    } = updateTalentSchema.parse({
      ...form("雇主已删人才", goneId, { field: "人工智能", phone: "" }),
      id,
      version: 1,
    });
    const updated = viaForm("talents", (w) => updateRecord(w, talentWrites, { id, version: 1 }, edit));
    expect(await viaImport("talent", { talent: [cells("雇主已删人才", gone, { field: "人工智能" })] })).toEqual([
      updated,
    ]);
    expect(updated.record.employer_enterprise_id).toBe(goneId);

    const reason = "talents.employer.notLive";
    expect(formRefusal((w) => createRecord(w, talentWrites, createTalentSchema.parse(form("新人才", goneId))))).toEqual(
      {
        field: "employerEnterpriseId",
        reason,
      },
    );
    expect(await importRefusals("talent", { talent: [cells("新人才", gone)] })).toEqual([
      { column: header(REGISTRY_SPECS.talent.sheets[0], "employerEnterpriseId"), reason },
    ]);
  });
});

describe("stale writes", () => {
  it("a stale update or delete is refused with who saved last and the current values (labels, masked phone)", () => {
    const c = code();
    const { id } = commit((w) => createRecord(w, enterpriseWrites, enterpriseForm(c, "过期企业")));
    commit((w) => updateRecord(w, enterpriseWrites, { id, version: 1 }, enterpriseForm(c, "过期企业（新）")));
    const refusal = (fn: () => unknown) => {
      try {
        rolledBack(fn);
      } catch (err) {
        return err as ActionError;
      }
      throw new Error("not refused");
    };
    for (const attempt of [
      () => commit((w) => updateRecord(w, enterpriseWrites, { id, version: 1 }, enterpriseForm(c, "过期企业（旧）"))),
      () => commit((w) => setRecordDeleted(w, enterpriseWrites, { id, version: 1 }, true, "enterprise.delete")),
    ]) {
      const err = refusal(attempt);
      expect(err.code).toBe("conflict");
      expect(err.stale?.updatedBy).toBe(user.id);
      const current = Object.fromEntries((err.stale?.current ?? []).map((v) => [v.label, v.valueKey ?? v.value]));
      expect(current).toMatchObject({
        "enterprises.fields.name": "过期企业（新）",
        "enterprises.fields.street": "龙溪街道",
        "enterprises.fields.status": "enterprises.status.active",
        "enterprises.fields.isAboveScale": "common.no",
      });
      expect(current["enterprises.fields.contactPhone"]).not.toContain("13800138000");
    }
    expect(sqlite.prepare("SELECT name, version, deleted_at FROM enterprises WHERE id = ?").get(id)).toEqual({
      name: "过期企业（新）",
      version: 2,
      deleted_at: null,
    });
  });
});
