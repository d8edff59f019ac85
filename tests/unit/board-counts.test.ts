import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The board's registry counts are kept current by deltas (a write's journal folded into the cached counts), not by
// recounting: after each write of a mixed series — create, an edit that changes membership, a certificate added and
// removed, soft delete, restore, 录入 → 审核 approval, a rolled-back write, a batch of raw SQL — every cached
// (rule, period) is served from the cache and equals a fresh COUNT(*). A dictionary edit and a commit by another
// connection drop the counts instead (a delta could not be exact), and they are still exact afterwards.

const dir = vi.hoisted(() => {
  const d = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "bureau-bc-"));
  process.env.DATABASE_URL = require("node:path").join(d, "board-counts.db");
  return d as string;
});

import { closeDb, getConn, getDb, openSqlite } from "@/db";
import { runMigrations } from "@/db/migrate";
import { enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { institutionWrites } from "@/features/institutions/writes";
import { computeBoard, getBoard } from "@/features/kpi/board";
import { countRegistry, REGISTRY_RULES } from "@/features/kpi/count-queries";
import { countCacheStats, registryCount } from "@/features/kpi/registry-counts";
import { createRecord, setRecordDeleted, updateRecord, type Values, type Writer } from "@/features/registry/write";
import { approveItem } from "@/features/review/apply";
import { seedDictionaries } from "@/features/seed";
import { seedIndicators } from "@/features/seed/indicators";
import { seedRegistries } from "@/features/seed/registries";
import { ActionError } from "@/lib/action-error";
import { emitCommittedWrite } from "@/lib/committed-writes";
import { makeCreditCode } from "@/lib/credit-code";
import { type DataScope, FULL_SCOPE } from "@/lib/scope";
import { dictId, insertStaff, writeAs } from "./helpers/registry-db";

const PERIODS = ["2019", "2020Q2", "2020Q4", "2021Q1", "2021Q2", "2021", "2022Q4", "2023"];
const RULES = Object.keys(REGISTRY_RULES);

let sqlite: ReturnType<typeof getConn>["sqlite"];
let clerk = 0;
let reviewer = 0;
let XT = 0;
let MTE = 0;

beforeAll(() => {
  const db = getDb();
  runMigrations(db);
  seedDictionaries(db);
  seedRegistries(db);
  seedIndicators(db, { demo: false, ourRegistryValue: (rule, p) => countRegistry(db.$client, rule, p) });
  sqlite = getConn().sqlite;
  clerk = insertStaff(sqlite, "bc-clerk");
  reviewer = insertStaff(sqlite, "bc-reviewer");
  const dict = (kind: string, code: string) => dictId(sqlite, kind, code);
  XT = dict("street", "xiantao");
  MTE = dict("qualification_type", "municipal_tech_enterprise");
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const street = (id: number): DataScope => ({ kind: "unit", unit: "street", unitId: XT, userId: id });

const write = <T>(who: number, scope: DataScope, fn: (w: Writer) => T): T => writeAs(sqlite, who, scope, fn);

/** Every cached (rule, period) equals a fresh count, and none of them was recounted to get there. */
function expectCurrentFromCache(label: string) {
  const recounts = countCacheStats().recounts;
  for (const rule of RULES)
    for (const p of PERIODS)
      expect(registryCount(rule, p), `${label}: ${rule} @ ${p}`).toBe(countRegistry(sqlite, rule, p));
  expect(countCacheStats().recounts, `${label}: served from the cache`).toBe(recounts);
}
/** Every count equals a fresh count (the cache may have been dropped and refilled). */
function expectExact(label: string) {
  for (const rule of RULES)
    for (const p of PERIODS)
      expect(registryCount(rule, p), `${label}: ${rule} @ ${p}`).toBe(countRegistry(sqlite, rule, p));
}

let seq = 0;
const enterprise = (): Values => ({
  name: `计数企业${++seq}`,
  creditCode: makeCreditCode("91", "500112", `MA7BC${String(seq).padStart(4, "0")}`),
  legalRepresentative: "王",
  foundedDate: "2015-01-01",
  registeredCapital: 100,
  streetId: XT,
  parkId: null,
  industryChainId: null,
  isAboveScale: false,
  contactName: null,
  contactPhone: null,
  website: null,
  status: "active",
});
const certificate = (enterpriseId: number, awardedDate: string): Values => ({
  enterpriseId,
  typeId: MTE,
  certificateNo: null,
  awardedDate,
  expiryDate: null,
  note: null,
});

describe("board counts kept current by write deltas", () => {
  it("a mixed series of writes: every cached count equals a fresh count, served from the cache", () => {
    // Warm the cache: every rule at every period (the board's and the indicator pages' counts).
    expectExact("warm-up");
    const mte = (p: string) => registryCount("municipal_tech_enterprises", p);
    const before = mte("2021Q1");

    // Create an enterprise (全区: approved at once) and give it a 市级科技型企业 certificate.
    const e = write(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, enterprise()));
    expectCurrentFromCache("create enterprise");
    const q = write(reviewer, FULL_SCOPE, (w) => createRecord(w, qualificationWrites, certificate(e.id, "2020-06-01")));
    expectCurrentFromCache("add certificate");
    expect(mte("2021Q1")).toBe(before + 1);

    // An edit that changes membership (the enterprise moves out), announced as the action wrapper does.
    write(reviewer, FULL_SCOPE, (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...e.values, status: "moved_out" }),
    );
    emitCommittedWrite({ action: "enterprise.update", registries: ["enterprise"] });
    expect(countCacheStats().lastFold?.result).toMatch(/moved/);
    expectCurrentFromCache("status moved_out");
    expect(mte("2021Q1")).toBe(before);
    write(reviewer, FULL_SCOPE, (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 2 }, { ...e.values, status: "active" }),
    );
    expectCurrentFromCache("status active again");

    // The certificate's date moves it between flow periods; then it is removed (soft delete) and a new one added.
    write(reviewer, FULL_SCOPE, (w) =>
      updateRecord(w, qualificationWrites, { id: q.id, version: 1 }, { ...q.values, awardedDate: "2021-02-01" }),
    );
    expectCurrentFromCache("certificate re-dated");
    write(reviewer, FULL_SCOPE, (w) =>
      setRecordDeleted(w, qualificationWrites, { id: q.id }, true, "enterprise.qualification.delete"),
    );
    expectCurrentFromCache("certificate removed");
    expect(mte("2021Q1")).toBe(before);
    write(reviewer, FULL_SCOPE, (w) => createRecord(w, qualificationWrites, certificate(e.id, "2019-03-01")));
    expectCurrentFromCache("certificate added");

    // Soft delete and restore of the enterprise.
    write(reviewer, FULL_SCOPE, (w) => setRecordDeleted(w, enterpriseWrites, { id: e.id }, true, "enterprise.delete"));
    expectCurrentFromCache("enterprise deleted");
    write(reviewer, FULL_SCOPE, (w) =>
      setRecordDeleted(w, enterpriseWrites, { id: e.id }, false, "enterprise.restore"),
    );
    expectCurrentFromCache("enterprise restored");

    // A seeded, counted enterprise deleted: its count goes down without a recount.
    const counted = sqlite
      .prepare(
        `SELECT e.id FROM enterprises e JOIN enterprise_qualifications q ON q.enterprise_id = e.id
         WHERE q.type_id = ? AND q.deleted_at IS NULL AND q.awarded_date <= '2021-03-31' AND q.expiry_date IS NULL
           AND e.deleted_at IS NULL AND e.status = 'active' AND e.review_state = 'approved' AND e.id <> ? LIMIT 1`,
      )
      .pluck()
      .get(MTE, e.id) as number;
    const atDelete = mte("2021Q1");
    write(reviewer, FULL_SCOPE, (w) =>
      setRecordDeleted(w, enterpriseWrites, { id: counted }, true, "enterprise.delete"),
    );
    expectCurrentFromCache("seeded enterprise deleted");
    expect(mte("2021Q1")).toBe(atDelete - 1);

    // 录入 → 审核: a scoped clerk's enterprise and certificate count only once a reviewer approves each.
    const pe = write(clerk, street(clerk), (w) => createRecord(w, enterpriseWrites, enterprise()));
    const pq = write(clerk, street(clerk), (w) =>
      createRecord(w, qualificationWrites, certificate(pe.id, "2020-01-15")),
    );
    expectCurrentFromCache("pending submissions");
    const pending = mte("2021Q1");
    write(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: pe.reviewItemId as number, version: 1 }));
    expectCurrentFromCache("enterprise approved");
    write(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: pq.reviewItemId as number, version: 1 }));
    expectCurrentFromCache("certificate approved");
    expect(mte("2021Q1")).toBe(pending + 1);

    // A write that fails part-way is rolled back with its journal: nothing moves.
    const atFailure = mte("2021Q1");
    expect(() =>
      write(reviewer, FULL_SCOPE, (w) => {
        createRecord(w, qualificationWrites, certificate(counted, "2020-01-01"));
        throw new ActionError("registry.notFound");
      }),
    ).toThrow(ActionError);
    expectCurrentFromCache("rolled-back write");
    expect(mte("2021Q1")).toBe(atFailure);

    // Institutions and talents (one batch of raw statements in one transaction), and an institution edit.
    sqlite.transaction(() => {
      sqlite
        .prepare(
          "UPDATE institutions SET status = 'revoked' WHERE id IN (SELECT id FROM institutions ORDER BY id LIMIT 5)",
        )
        .run();
      sqlite
        .prepare(
          "UPDATE talents SET recognised_year = recognised_year - 1 WHERE id IN (SELECT id FROM talents LIMIT 7)",
        )
        .run();
      sqlite.prepare("UPDATE talents SET deleted_at = '2024-01-01' WHERE id = (SELECT max(id) FROM talents)").run();
    })();
    expectCurrentFromCache("batch of raw writes");
    const inst = sqlite
      .prepare("SELECT id, version FROM institutions WHERE deleted_at IS NULL AND status = 'active' LIMIT 1")
      .get() as { id: number; version: number };
    write(reviewer, FULL_SCOPE, (w) => setRecordDeleted(w, institutionWrites, inst, true, "institution.delete"));
    expectCurrentFromCache("institution deleted");
  });

  it("a dictionary edit and another connection's commit drop the counts; they stay exact", () => {
    expectExact("before");
    sqlite.prepare("UPDATE dictionary_items SET code = 'municipal_tech_enterprise_x' WHERE id = ?").run(MTE);
    expectExact("qualification type code changed");
    expect(registryCount("municipal_tech_enterprises", "2021Q1")).toBe(0);
    expect(countCacheStats().lastFold?.result).toMatch(/dropped/);
    sqlite.prepare("UPDATE dictionary_items SET code = 'municipal_tech_enterprise' WHERE id = ?").run(MTE);
    expectExact("code restored");

    const other = openSqlite(process.env.DATABASE_URL as string);
    try {
      other
        .prepare(
          "UPDATE enterprises SET status = 'deregistered' WHERE id IN (SELECT enterprise_id FROM enterprise_qualifications WHERE type_id = ? LIMIT 3)",
        )
        .run(MTE);
    } finally {
      other.close();
    }
    expectExact("another connection's write");
  });

  it("the board built from the cache equals a fresh board after writes", () => {
    const period = "2021Q1";
    getBoard(period);
    const e = write(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, enterprise()));
    write(reviewer, FULL_SCOPE, (w) => createRecord(w, qualificationWrites, certificate(e.id, "2021-01-10")));
    emitCommittedWrite({ action: "enterprise.qualification.create", registries: ["enterprise"] });
    const served = getBoard(period).cards.map((c) => [c.indicator.key, c.value, c.previous, c.trend]);
    const fresh = computeBoard(period).cards.map((c) => [c.indicator.key, c.value, c.previous, c.trend]);
    expect(served).toEqual(fresh);
    // computeBoard reads through the same (current) counts: compare the registry cards with fresh COUNT(*) too.
    for (const c of computeBoard(period).cards)
      if (c.indicator.registryRule)
        expect(c.value, c.indicator.key).toBe(countRegistry(sqlite, c.indicator.registryRule, c.period));
  });

  it("the expiry alert follows certificate writes, and district values the board keeps across registry writes", () => {
    const period = "2021Q1";
    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const until = new Date(`${today}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() + 90);
    const HT = sqlite
      .prepare("SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = 'national_high_tech'")
      .pluck()
      .get() as number;
    const fresh = () =>
      sqlite
        .prepare(
          `SELECT count(DISTINCT q.enterprise_id) FROM enterprise_qualifications q JOIN enterprises e ON e.id = q.enterprise_id
           WHERE q.type_id = ? AND q.deleted_at IS NULL AND q.review_state = 'approved' AND q.expiry_date BETWEEN ? AND ?
             AND e.deleted_at IS NULL AND e.status = 'active' AND e.review_state = 'approved'`,
        )
        .pluck()
        .get(HT, today, until.toISOString().slice(0, 10)) as number;
    const before = getBoard(period).alerts.expiringHighTech.count;
    expect(before).toBe(fresh());
    const e = write(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, enterprise()));
    const q = write(reviewer, FULL_SCOPE, (w) =>
      createRecord(w, qualificationWrites, { ...certificate(e.id, "2020-01-01"), typeId: HT, expiryDate: soon }),
    );
    emitCommittedWrite({ action: "enterprise.qualification.create", registries: ["enterprise"] });
    expect(getBoard(period).alerts.expiringHighTech.count).toBe(before + 1);
    expect(getBoard(period).alerts.expiringHighTech.count).toBe(fresh());
    write(reviewer, FULL_SCOPE, (w) =>
      setRecordDeleted(w, qualificationWrites, { id: q.id }, true, "enterprise.qualification.delete"),
    );
    emitCommittedWrite({ action: "enterprise.qualification.delete", registries: ["enterprise"] });
    expect(getBoard(period).alerts.expiringHighTech.count).toBe(before);

    // A district value written after the board was built (here by a raw statement, announced as nothing) is seen:
    // the board's cached inputs follow writes to their tables.
    const card = getBoard(period).cards.find((c) => c.indicator.source !== "registry_count");
    expect(card, "a board card of an entered indicator").toBeDefined();
    if (!card) return;
    const us = sqlite
      .prepare("SELECT id FROM dictionary_items WHERE kind = 'district' AND label = '渝北区'")
      .pluck()
      .get() as number;
    sqlite
      .prepare(
        `INSERT INTO district_values (indicator_id, period, district_id, value) VALUES (?, ?, ?, 41)
         ON CONFLICT (indicator_id, period, district_id) DO UPDATE SET value = 41`,
      )
      .run(card.indicator.id, card.period, us);
    emitCommittedWrite({ action: "indicator.values", registries: [] });
    expect(getBoard(period).cards.find((c) => c.indicator.key === card.indicator.key)?.value).toBe(41);
    sqlite
      .prepare("UPDATE district_values SET value = 42 WHERE indicator_id = ? AND district_id = ? AND period = ?")
      .run(card.indicator.id, us, card.period);
    emitCommittedWrite({ action: "indicator.values", registries: [] });
    expect(getBoard(period).cards.find((c) => c.indicator.key === card.indicator.key)?.value).toBe(42);
  });

  it("counts first read inside a transaction that rolls back are not cached, and the journal still follows writes", () => {
    closeDb();
    sqlite = getConn().sqlite; // a new connection: no journal yet
    const rule = "municipal_tech_enterprises";
    const period = "2021Q1";
    expect(() =>
      sqlite.transaction(() => {
        expect(registryCount(rule, period)).toBe(countRegistry(sqlite, rule, period));
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expectExact("after the rolled-back first read");
    const e = write(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, enterprise()));
    write(reviewer, FULL_SCOPE, (w) => createRecord(w, qualificationWrites, certificate(e.id, "2020-02-02")));
    expectCurrentFromCache("a write after it");
  });
});
