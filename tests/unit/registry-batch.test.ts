import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { createEnterpriseSchema, loadEnterpriseSearch } from "@/features/enterprises/validations";
import { enterpriseWrites } from "@/features/enterprises/writes";
import { incubatorBinding } from "@/features/incubators/queries";
import { incubatorRegistry } from "@/features/incubators/registry";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { incubatorWrites } from "@/features/incubators/writes";
import { institutionBinding } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { institutionWrites } from "@/features/institutions/writes";
import {
  BATCH_MAX,
  type BatchSelection,
  type BatchTarget,
  deleteOp,
  restoreOp,
  runBatch,
  setFieldOp,
} from "@/features/registry/batch";
import { createRecord, updateRecord, Writer } from "@/features/registry/write";
import { seedDictionaries } from "@/features/seed";
import { talentBinding } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { loadTalentSearch } from "@/features/talents/validations";
import { talentWrites } from "@/features/talents/writes";
import { type ActionContext, ActionError } from "@/lib/action";
import { writeOperationLog } from "@/lib/audit";
import { makeCreditCode } from "@/lib/credit-code";
import { makeT, type T } from "@/lib/i18n/core";
import { type DataScope, FULL_SCOPE } from "@/lib/scope";

// The list's batch operations against a real migrated SQLite file: each record through the one write path, the
// selection of "all of the filter" resolved by the server from the URL query, stale rows reported and not
// overwritten, one operation-log row per record linked to the batch's row, and the limit.

const zh = makeT("zh-CN");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-batch-"));
const sqlite = openSqlite(path.join(dir, "batch.db"));
const db = drizzle(sqlite, { schema });
runMigrations(db);
seedDictionaries(db as never);
const user = { id: 0, username: "batch", role: "staff" as const, scope: FULL_SCOPE as DataScope };
user.id = Number(
  sqlite
    .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, '批量员', 'staff', 'x')")
    .run(user.username).lastInsertRowid,
);
const other = Number(
  sqlite
    .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES ('other', '张同事', 'staff', 'x')")
    .run().lastInsertRowid,
);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dictId = (kind: string, label: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND label = ?").pluck().get(kind, label) as number;
let seq = 0;
const code = () => makeCreditCode("91", "500112", `MB7PA${String(++seq).padStart(4, "0")}`);

const target: BatchTarget = {
  definition: enterpriseRegistry,
  binding: enterpriseBinding,
  writes: enterpriseWrites,
  loadSearch: (p) => loadEnterpriseSearch(p),
};

/** Creates enterprises in a street (committed), returning their ids. */
function enterprisesIn(street: string, n: number, prefix: string): number[] {
  const ids: number[] = [];
  sqlite.transaction(() => {
    const w = new Writer(sqlite, user.id);
    for (let i = 0; i < n; i++) {
      const input = createEnterpriseSchema.parse({
        name: `${prefix}${i + 1}号科技有限公司`,
        creditCode: code(),
        legalRepresentative: "王测试",
        foundedDate: "2015-06-01",
        registeredCapital: "100",
        streetId: String(dictId("street", street)),
        parkId: "",
        industryChainId: "",
        contactName: "李四",
        contactPhone: "13800138000",
        status: "active",
      });
      ids.push(createRecord(w, enterpriseWrites, input).id);
    }
    w.finish();
  })();
  return ids;
}

/** Runs a batch as the action wrapper would: one transaction, the batch's log row, then the per-record rows. */
function batch(
  selection: BatchSelection,
  deleted: boolean,
  op: Parameters<typeof runBatch>[3]["op"],
  on: BatchTarget = target,
  as: typeof user = user,
) {
  return db.transaction(
    (tx) => {
      let audit: Record<string, unknown> = {};
      const after: ((id: number) => void)[] = [];
      const ctx = {
        tx,
        user: as,
        ip: null,
        prepared: { t: zh as T },
        audit: (f: Record<string, unknown>) => {
          audit = { ...audit, ...f };
        },
        afterLog: (fn: (id: number) => void) => after.push(fn),
      } as unknown as ActionContext<{ t: T }>;
      const result = runBatch(ctx, on, selection, { deleted, op });
      const logId = writeOperationLog(tx, {
        userId: user.id,
        username: user.username,
        role: user.role,
        ip: null,
        action: "enterprise.batch",
        result: "ok",
        ...audit,
      });
      for (const fn of after) fn(logId);
      return { result, logId };
    },
    { behavior: "immediate" },
  );
}

const row = (id: number) =>
  sqlite.prepare("SELECT status, status_changed_at, deleted_at, version FROM enterprises WHERE id = ?").get(id) as {
    status: string;
    status_changed_at: string | null;
    deleted_at: string | null;
    version: number;
  };
const logsOf = (batchLogId: number) =>
  sqlite
    .prepare(
      "SELECT action, object_id, before, after FROM operation_logs WHERE json_extract(detail, '$.batchLogId') = ? ORDER BY object_id",
    )
    .all(batchLogId) as { action: string; object_id: string; before: string; after: string }[];

describe("batch operations of a registry list", () => {
  it("deletes ticked rows through the write path, one log row each, and reports a stale row without writing it", () => {
    const ids = enterprisesIn("龙溪街道", 3, "批删");
    // Someone else edits the third record after the page was loaded at version 1.
    sqlite.transaction(() => {
      const w = new Writer(sqlite, other);
      const before = sqlite.prepare("SELECT * FROM enterprises WHERE id = ?").get(ids[2]);
      expect(before).toBeTruthy();
      updateRecord(
        w,
        enterpriseWrites,
        { id: ids[2], version: 1 },
        { ...currentValues(ids[2]), legalRepresentative: "赵新" },
      );
    })();
    const { result, logId } = batch(
      { mode: "ids", rows: ids.map((id) => ({ id, version: 1 })) },
      false,
      deleteOp(enterpriseWrites),
    );
    expect(result.total).toBe(3);
    expect(result.ok).toBe(2);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0].name).toBe("批删3号科技有限公司");
    expect(result.failed[0].reason).toContain("张同事");
    expect(row(ids[0]).deleted_at).not.toBeNull();
    expect(row(ids[1]).deleted_at).not.toBeNull();
    expect(row(ids[2]).deleted_at).toBeNull();
    expect(row(ids[2]).version).toBe(2);
    const logs = logsOf(logId);
    expect(logs.map((l) => [l.action, Number(l.object_id)])).toEqual([
      ["enterprise.delete", ids[0]],
      ["enterprise.delete", ids[1]],
    ]);

    // Restore brings them back (their versions moved with the delete).
    const restored = batch(
      { mode: "ids", rows: [ids[0], ids[1]].map((id) => ({ id, version: 2 })) },
      true,
      restoreOp(enterpriseWrites),
    );
    expect(restored.result).toEqual({ total: 2, ok: 2, failed: [] });
    expect(row(ids[0]).deleted_at).toBeNull();
    expect(logsOf(restored.logId).map((l) => l.action)).toEqual(["enterprise.restore", "enterprise.restore"]);
  });

  it("changes the status of every row of a filter resolved on the server, with the status date rule", () => {
    const street = "大竹林街道";
    const ids = enterprisesIn(street, 4, "改状态");
    const streetId = dictId("street", street);
    const matching = sqlite
      .prepare("SELECT count(*) FROM enterprises WHERE street_id = ? AND deleted_at IS NULL")
      .pluck()
      .get(streetId) as number;
    const query = `street=${streetId}&page=3&sort=name.asc`;
    const { result, logId } = batch(
      { mode: "filter", query, expected: matching },
      false,
      setFieldOp(enterpriseWrites, "status", "moved_out"),
    );
    expect(result).toEqual({ total: matching, ok: matching, failed: [] });
    for (const id of ids) {
      expect(row(id).status).toBe("moved_out");
      expect(row(id).status_changed_at).not.toBeNull();
    }
    // Outside the filter, nothing changed.
    expect(
      sqlite
        .prepare("SELECT count(*) FROM enterprises WHERE street_id <> ? AND status <> 'active'")
        .pluck()
        .get(streetId),
    ).toBe(0);
    const logs = logsOf(logId);
    expect(logs).toHaveLength(matching);
    expect(JSON.parse(logs[0].before)).toEqual({ status: "active" });
    expect(JSON.parse(logs[0].after)).toEqual({ status: "moved_out" });

    // Again: every record is already 迁出 — reported, nothing rewritten.
    const again = batch(
      { mode: "filter", query, expected: matching },
      false,
      setFieldOp(enterpriseWrites, "status", "moved_out"),
    );
    expect(again.result.ok).toBe(0);
    expect(again.result.failed.map((f) => f.reason)).toEqual(ids.map(() => zh("registry.batch.unchanged")));
    expect(row(ids[0]).version).toBe(2);
  });

  it("a 镇街-scoped user's batch reaches only their 镇街: ticked ids of another are not found, a filter counts theirs", () => {
    const mine = enterprisesIn("鸳鸯街道", 2, "本街批量");
    const theirs = enterprisesIn("天宫殿街道", 2, "他街批量");
    const street = dictId("street", "鸳鸯街道");
    const scoped = { ...user, scope: { kind: "unit", unit: "street", unitId: street, userId: user.id } as DataScope };
    const ticked = batch(
      { mode: "ids", rows: [...mine, ...theirs].map((id) => ({ id, version: 1 })) },
      false,
      deleteOp(enterpriseWrites),
      target,
      scoped,
    );
    expect(ticked.result.ok).toBe(2);
    expect(ticked.result.failed).toHaveLength(2);
    // A scoped user's deletions wait for review (录入 → 审核): submitted, the records untouched until approved.
    const pendingDelete = (id: number) =>
      sqlite
        .prepare(
          "SELECT count(*) FROM review_items WHERE object_type = 'enterprise' AND record_id = ? AND op = 'delete' AND state = 'pending'",
        )
        .pluck()
        .get(id);
    for (const id of mine) {
      expect(row(id)).toMatchObject({ deleted_at: null, version: 1 });
      expect(pendingDelete(id)).toBe(1);
    }
    for (const id of theirs) {
      expect(row(id)).toMatchObject({ deleted_at: null, version: 1 });
      expect(pendingDelete(id)).toBe(0);
    }
    // "All of the filter" with no filter at all: the scoped list's count is the user's 镇街 only.
    const inStreet = sqlite
      .prepare("SELECT count(*) FROM enterprises WHERE street_id = ? AND deleted_at IS NULL")
      .pluck()
      .get(street) as number;
    const all = batch(
      { mode: "filter", query: "", expected: inStreet },
      false,
      setFieldOp(enterpriseWrites, "status", "deregistered"),
      target,
      scoped,
    );
    expect(all.result.total).toBe(inStreet);
    expect(all.result.ok).toBe(inStreet);
    for (const id of theirs) expect(row(id).status).toBe("active");
  });

  it("refuses a filter whose count is not the one the user confirmed, writing nothing", () => {
    const street = "回兴街道";
    const ids = enterprisesIn(street, 2, "变化");
    const streetId = dictId("street", street);
    expect(() =>
      batch({ mode: "filter", query: `street=${streetId}`, expected: 1 }, false, deleteOp(enterpriseWrites)),
    ).toThrow(ActionError);
    for (const id of ids) expect(row(id).deleted_at).toBeNull();
  });

  it("refuses more than BATCH_MAX records before writing anything", () => {
    const rows = Array.from({ length: BATCH_MAX + 1 }, (_, i) => ({ id: i + 1, version: 1 }));
    const deleted = () => sqlite.prepare("SELECT count(*) FROM enterprises WHERE deleted_at IS NOT NULL").pluck().get();
    const before = deleted();
    let err: unknown;
    try {
      batch({ mode: "ids", rows }, false, deleteOp(enterpriseWrites));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).message).toBe(`registry.batch.tooMany|max=${BATCH_MAX},count=${BATCH_MAX + 1}`);
    expect(deleted()).toBe(before);
  });

  it("reports an id outside the list (here: not deleted, or unknown) as not found, by id only (no name revealed)", () => {
    const [id] = enterprisesIn("龙溪街道", 1, "不存在");
    const { result } = batch(
      {
        mode: "ids",
        rows: [
          { id, version: 1 },
          { id: 999999, version: 1 },
        ],
      },
      true,
      restoreOp(enterpriseWrites),
    );
    expect(result.ok).toBe(0);
    expect(result.failed.map((f) => [f.name, f.reason])).toEqual([
      [`#${id}`, zh("registry.notFound")],
      ["#999999", zh("registry.notFound")],
    ]);
  });
});

describe("the other three registries", () => {
  const firstDict = (kind: string) =>
    sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? ORDER BY id LIMIT 1").pluck().get(kind) as number;
  const cases = [
    {
      table: "institutions",
      target: {
        definition: institutionRegistry,
        binding: institutionBinding,
        writes: institutionWrites,
        loadSearch: (p: URLSearchParams) => loadInstitutionSearch(p),
      },
      insert: (name: string) =>
        sqlite
          .prepare(
            "INSERT INTO institutions (name, type_id, level, host_organisation, recognised_date) VALUES (?, ?, 'district', '对照单位', '2020-01-01')",
          )
          .run(name, firstDict("institution_type")).lastInsertRowid,
    },
    {
      table: "incubators",
      target: {
        definition: incubatorRegistry,
        binding: incubatorBinding,
        writes: incubatorWrites,
        loadSearch: (p: URLSearchParams) => loadIncubatorSearch(p),
      },
      insert: (name: string) =>
        sqlite
          .prepare("INSERT INTO incubators (name, type_id, level, operator) VALUES (?, ?, 'district', '对照运营公司')")
          .run(name, firstDict("incubator_type")).lastInsertRowid,
    },
    {
      table: "talents",
      target: {
        definition: talentRegistry,
        binding: talentBinding,
        writes: talentWrites,
        loadSearch: (p: URLSearchParams) => loadTalentSearch(p),
      },
      insert: (name: string) =>
        sqlite
          .prepare("INSERT INTO talents (name, category_id, recognised_year) VALUES (?, ?, 2020)")
          .run(name, firstDict("talent_category")).lastInsertRowid,
    },
  ];
  for (const c of cases) {
    it(`${c.table}: batch delete of a filter and batch restore of ticked rows, one log row per record`, () => {
      const prefix = `批量${c.table}`;
      const ids = [1, 2].map((i) => Number(c.insert(`${prefix}${i}`)));
      const { result, logId } = batch(
        { mode: "filter", query: `q=${encodeURIComponent(prefix)}`, expected: 2 },
        false,
        deleteOp(c.target.writes),
        c.target,
      );
      expect(result).toEqual({ total: 2, ok: 2, failed: [] });
      const deletedCount = () =>
        sqlite
          .prepare(`SELECT count(*) FROM ${c.table} WHERE name LIKE ? AND deleted_at IS NOT NULL`)
          .pluck()
          .get(`${prefix}%`);
      expect(deletedCount()).toBe(2);
      expect(logsOf(logId).map((l) => [l.action, Number(l.object_id)])).toEqual(
        ids.map((id) => [`${c.target.writes.objectType}.delete`, id]),
      );
      const restored = batch(
        { mode: "ids", rows: ids.map((id) => ({ id, version: 2 })) },
        true,
        restoreOp(c.target.writes),
        c.target,
      );
      expect(restored.result).toEqual({ total: 2, ok: 2, failed: [] });
      expect(deletedCount()).toBe(0);
    });
  }
});

function currentValues(id: number): Record<string, unknown> {
  const stored = sqlite.prepare("SELECT * FROM enterprises WHERE id = ?").get(id) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const byColumn: Record<string, string> = {
    name: "name",
    creditCode: "credit_code",
    legalRepresentative: "legal_representative",
    foundedDate: "founded_date",
    registeredCapital: "registered_capital",
    streetId: "street_id",
    parkId: "park_id",
    industryChainId: "industry_chain_id",
    isAboveScale: "is_above_scale",
    contactName: "contact_name",
    contactPhone: "contact_phone",
    status: "status",
    website: "website",
  };
  for (const [f, c] of Object.entries(byColumn)) if (c in stored) out[f] = stored[c];
  out.isAboveScale = stored.is_above_scale === 1;
  return out;
}
