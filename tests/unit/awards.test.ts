import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import {
  type AwardUser,
  addApplication,
  approveBatch,
  awardsWaiting,
  batchTotals,
  closePublicity,
  completeBatch,
  computeEligible,
  createBatch,
  getBatch,
  getPolicy,
  recomputeBatch,
  recordPayment,
  reviewBatch,
  startPublicity,
  submitBatch,
} from "@/features/awards/engine";
import { amountAllowed, evaluateRule, ruleOf, wanToYuan } from "@/features/awards/rules";
import { seedDemoUsers, seedDictionaries } from "@/features/seed";
import { seedPolicies } from "@/features/seed/policies";
import { seedRegistries } from "@/features/seed/registries";
import { ActionError } from "@/lib/action-error";
import { FULL_SCOPE } from "@/lib/scope";

describe("award rules (exact 元)", () => {
  const rate = ruleOf({
    kind: "rate_of_base_with_cap",
    rateBp: 100,
    thresholdYuan: wanToYuan(500),
    capYuan: wanToYuan(50),
    amountYuan: null,
    minYuan: null,
    maxYuan: null,
  });
  it("科技成果转化: 1% of 新增销售收入, threshold 500万, cap 50万", () => {
    expect(evaluateRule(rate, { baseYuan: wanToYuan(800) })).toEqual({ ok: true, amountYuan: wanToYuan(8) });
    expect(evaluateRule(rate, { baseYuan: wanToYuan(6000) })).toEqual({
      ok: true,
      amountYuan: wanToYuan(50),
      capped: true,
    });
    expect(evaluateRule(rate, { baseYuan: wanToYuan(400) })).toEqual({ ok: false, reason: "belowThreshold" });
    expect(evaluateRule(rate, { baseYuan: wanToYuan(500) })).toEqual({ ok: true, amountYuan: wanToYuan(5) });
    expect(evaluateRule(rate, { baseYuan: -1 })).toEqual({ ok: false, reason: "baseNegative" });
    expect(evaluateRule(rate, {})).toEqual({ ok: false, reason: "baseMissing" });
    expect(amountAllowed(rate, wanToYuan(50) + 1)).toBe(false);
  });
  it("fixed and range by review", () => {
    const fixed = { kind: "fixed" as const, amountYuan: 30_000 };
    expect(evaluateRule(fixed)).toEqual({ ok: true, amountYuan: 30_000 });
    expect(amountAllowed(fixed, 30_001)).toBe(false);
    const range = { kind: "range_by_review" as const, minYuan: 20_000, maxYuan: 200_000 };
    expect(evaluateRule(range, { amountYuan: 150_000 })).toEqual({ ok: true, amountYuan: 150_000 });
    expect(evaluateRule(range, { amountYuan: 250_000 })).toEqual({ ok: false, reason: "outOfRange" });
    expect(evaluateRule(range, { amountYuan: 10_000 })).toEqual({ ok: false, reason: "outOfRange" });
  });
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-awards-"));
let sqlite: Database.Database;
const users: Record<string, AwardUser> = {};
const policyId = (key: string) =>
  sqlite.prepare("SELECT id FROM award_policies WHERE key = ?").pluck().get(key) as number;

beforeAll(async () => {
  sqlite = openSqlite(path.join(dir, "awards.db"));
  const db = drizzle(sqlite, { schema });
  runMigrations(db);
  seedDictionaries(db as never);
  await seedDemoUsers(db as never);
  seedRegistries(db as never);
  seedPolicies(db as never, { demo: true });
  for (const r of sqlite.prepare("SELECT id, username, role FROM users").all() as {
    id: number;
    username: string;
    role: string;
  }[])
    users[r.username] = { id: r.id, role: r.role, scope: FULL_SCOPE };
}, 60_000);
afterAll(() => {
  sqlite?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a step like the action wrapper does: in one transaction, rolled back whole when refused. */
const tx = <R>(fn: () => R): R => sqlite.transaction(fn)();
const refused = (fn: () => unknown, key: string) => {
  const before = sqlite.prepare("SELECT total_changes()").pluck().get();
  expect(() => tx(fn)).toThrow(ActionError);
  try {
    tx(fn);
  } catch (e) {
    expect((e as ActionError).message.split("|")[0].startsWith(key)).toBe(true);
  }
  expect(sqlite.prepare("SELECT total_changes()").pluck().get()).toBe(before);
};

describe("the published 2019 科技型企业入库奖励 batch from the demo registry", () => {
  it("seeds the four policies once (facts)", () => {
    expect(sqlite.prepare("SELECT count(*) FROM award_policies").pluck().get()).toBe(4);
    expect(seedPolicies(drizzle(sqlite, { schema }) as never, { demo: true })).toBe(0);
  });

  it("355 recipients, 1,065万元; deregistered / moved-out holders listed as exclusions with a reason", () => {
    const policy = getPolicy(sqlite, policyId("tech_enterprise_entry"))!;
    const rows = computeEligible(sqlite, policy, 2019, FULL_SCOPE);
    expect(rows.filter((r) => r.exclusion === null)).toHaveLength(355);
    expect(rows.filter((r) => r.exclusion !== null).length).toBeGreaterThan(0);
    const { id } = tx(() => createBatch(sqlite, users.staff, { policyId: policy.id, year: 2019 }));
    const t = batchTotals(sqlite, id);
    expect(t.count).toBe(355);
    expect(t.totalYuan).toBe(wanToYuan(1065));
    expect(t.excluded).toBe(rows.filter((r) => r.exclusion !== null).length);
    // Each line names the qualification that makes it eligible, awarded in 2019.
    const bad = sqlite
      .prepare(
        `SELECT count(*) FROM award_lines l JOIN enterprise_qualifications q ON q.id = l.qualification_id
         WHERE l.batch_id = ? AND l.excluded = 0 AND (q.enterprise_id <> l.enterprise_id OR substr(q.awarded_date, 1, 4) <> '2019')`,
      )
      .pluck()
      .get(id);
    expect(bad).toBe(0);
    refused(() => createBatch(sqlite, users.admin, { policyId: policy.id, year: 2019 }), "awards.err.batchExists");
  });

  it("walks every state with the right roles; wrong role / wrong state refused with nothing written", () => {
    const id = sqlite.prepare("SELECT id FROM award_batches WHERE year = 2019").pluck().get() as number;
    const v = () => getBatch(sqlite, id)!.version;
    refused(
      () => approveBatch(sqlite, users.leader, { batchId: id, version: v(), decision: "approve" }),
      "awards.err.wrongState",
    );
    tx(() => submitBatch(sqlite, users.staff, { batchId: id, version: v() }));
    refused(
      () => reviewBatch(sqlite, users.staff, { batchId: id, version: v(), decision: "pass" }),
      "awards.err.ownBatch",
    );
    tx(() => reviewBatch(sqlite, users.admin, { batchId: id, version: v(), decision: "pass" }));
    tx(() => approveBatch(sqlite, users.leader, { batchId: id, version: v(), decision: "approve" }));
    expect(getBatch(sqlite, id)!.approvedTotalYuan).toBe(wanToYuan(1065));
    // Frozen: a later registry edit (a recipient deregistered and renamed) changes neither the list nor the amounts,
    // and the list can no longer be recomputed.
    const line = sqlite
      .prepare(
        "SELECT enterprise_id AS e, enterprise_name AS n FROM award_lines WHERE batch_id = ? AND excluded = 0 LIMIT 1",
      )
      .get(id) as { e: number; n: string };
    sqlite.prepare("UPDATE enterprises SET name = name || '（更名）' WHERE id = ?").run(line.e);
    expect(
      sqlite
        .prepare("SELECT enterprise_name FROM award_lines WHERE batch_id = ? AND enterprise_id = ?")
        .pluck()
        .get(id, line.e),
    ).toBe(line.n);
    expect(batchTotals(sqlite, id).totalYuan).toBe(wanToYuan(1065));
    refused(() => recomputeBatch(sqlite, users.staff, { batchId: id, version: v() }), "awards.err.wrongState.approved");
    expect(awardsWaiting(sqlite, users.staff).map((w) => w.batchId)).toContain(id);
    expect(awardsWaiting(sqlite, users.leader).map((w) => w.batchId)).not.toContain(id);
    tx(() =>
      startPublicity(sqlite, users.staff, { batchId: id, version: v(), start: "2020-11-01", end: "2099-11-07" }),
    );
    refused(
      () => closePublicity(sqlite, users.staff, { batchId: id, version: v() }, "2020-11-05"),
      "awards.err.publicityRunning",
    );
    sqlite.prepare("UPDATE award_batches SET publicity_end = '2020-11-07' WHERE id = ?").run(id);
    tx(() => closePublicity(sqlite, users.staff, { batchId: id, version: v() }, "2020-11-08"));
    const lines = sqlite
      .prepare("SELECT id, amount_yuan AS a FROM award_lines WHERE batch_id = ? AND excluded = 0")
      .all(id) as { id: number; a: number }[];
    refused(() => completeBatch(sqlite, users.staff, { batchId: id, version: v() }), "awards.err.unpaid");
    tx(() => {
      for (const [i, l] of lines.entries())
        recordPayment(sqlite, users.staff, {
          lineId: l.id,
          paidDate: "2020-12-01",
          voucherNo: `记-${i + 1}`,
          amountYuan: l.a,
          status: "paid",
        });
    });
    tx(() => completeBatch(sqlite, users.staff, { batchId: id, version: v() }));
    expect(getBatch(sqlite, id)!.state).toBe("done");
    const ledger = sqlite
      .prepare("SELECT sum(amount_yuan) FROM award_payments WHERE batch_id = ? AND status = 'paid'")
      .pluck()
      .get(id);
    expect(ledger).toBe(wanToYuan(1065));
  });
});

describe("科技成果转化 applications", () => {
  it("800万 → 8万, 6000万 → 50万 (cap), 400万 → refused below threshold; same enterprise twice refused", () => {
    const pid = policyId("achievement_transformation");
    const { id } = tx(() => createBatch(sqlite, users.staff, { policyId: pid, year: 2020 }));
    const ents = sqlite
      .prepare("SELECT id FROM enterprises WHERE deleted_at IS NULL AND status = 'active' ORDER BY id LIMIT 3")
      .pluck()
      .all() as number[];
    const v = () => getBatch(sqlite, id)!.version;
    expect(
      tx(() =>
        addApplication(sqlite, users.staff, {
          batchId: id,
          version: v(),
          enterpriseId: ents[0],
          baseYuan: wanToYuan(800),
        }),
      ).amountYuan,
    ).toBe(80_000);
    expect(
      tx(() =>
        addApplication(sqlite, users.staff, {
          batchId: id,
          version: v(),
          enterpriseId: ents[1],
          baseYuan: wanToYuan(6000),
        }),
      ).amountYuan,
    ).toBe(500_000);
    refused(
      () =>
        addApplication(sqlite, users.staff, {
          batchId: id,
          version: v(),
          enterpriseId: ents[2],
          baseYuan: wanToYuan(400),
        }),
      "awards.refuse.belowThreshold",
    );
    refused(
      () =>
        addApplication(sqlite, users.staff, {
          batchId: id,
          version: v(),
          enterpriseId: ents[0],
          baseYuan: wanToYuan(900),
        }),
      "awards.err.duplicateEnterprise",
    );
    refused(
      () =>
        addApplication(sqlite, users.staff, {
          batchId: id,
          version: v(),
          enterpriseId: ents[2],
          baseYuan: wanToYuan(6000),
          amountYuan: 600_000,
        }),
      "awards.refuse.overCap",
    );
  });
});

describe("data scope: a 镇街 user sees and prepares only their unit's lines", () => {
  it("totals, eligibility and line steps are limited to the unit", () => {
    const xt = sqlite
      .prepare("SELECT id FROM dictionary_items WHERE kind = 'street' AND code = 'xiantao'")
      .pluck()
      .get() as number;
    const street: AwardUser = {
      id: users.street.id,
      role: "staff",
      scope: { kind: "unit", unit: "street", unitId: xt, userId: users.street.id },
    };
    const batchId = sqlite.prepare("SELECT id FROM award_batches WHERE year = 2019").pluck().get() as number;
    const all = batchTotals(sqlite, batchId);
    const mine = batchTotals(sqlite, batchId, street.scope);
    const inXt = sqlite
      .prepare(
        "SELECT count(*) FROM award_lines l JOIN enterprises e ON e.id = l.enterprise_id WHERE l.batch_id = ? AND l.excluded = 0 AND e.street_id = ?",
      )
      .pluck()
      .get(batchId, xt);
    expect(mine.count).toBe(inXt);
    expect(mine.count).toBeGreaterThan(0);
    expect(mine.count).toBeLessThan(all.count);
    const policy = getPolicy(sqlite, policyId("tech_enterprise_entry"))!;
    const rows = computeEligible(sqlite, policy, 2019, street.scope);
    expect(rows.every((r) => r.streetId === xt)).toBe(true);
    // A line of another 镇街 is not found for them (nothing written); batch steps need a 全区 user.
    const other = sqlite
      .prepare(
        "SELECT l.id FROM award_lines l JOIN enterprises e ON e.id = l.enterprise_id WHERE l.batch_id = ? AND e.street_id <> ? LIMIT 1",
      )
      .pluck()
      .get(batchId, xt) as number;
    refused(
      () =>
        recordPayment(sqlite, street, {
          lineId: other,
          paidDate: "2020-12-01",
          voucherNo: "x",
          amountYuan: 1,
          status: "paid",
        }),
      "awards.err.notFound",
    );
    refused(
      () => createBatch(sqlite, street, { policyId: policyId("tech_transfer_agency"), year: 2020 }),
      "awards.err.scopeBatch",
    );
  });
});

describe("guards on a draft", () => {
  it("a recipient deregistered after computing is flagged and the submit refused; over budget needs a reason", () => {
    const { id } = tx(() =>
      createBatch(sqlite, users.staff, { policyId: policyId("national_hightech_new"), year: 2020 }),
    );
    const v = () => getBatch(sqlite, id)!.version;
    const e = sqlite
      .prepare("SELECT enterprise_id FROM award_lines WHERE batch_id = ? AND excluded = 0 LIMIT 1")
      .pluck()
      .get(id) as number;
    sqlite.prepare("UPDATE enterprises SET status = 'deregistered' WHERE id = ?").run(e);
    expect(batchTotals(sqlite, id).flagged).toBe(1);
    refused(
      () => submitBatch(sqlite, users.staff, { batchId: id, version: v(), budgetOverrideReason: "追加" }),
      "awards.err.flagged",
    );
    sqlite.prepare("UPDATE enterprises SET status = 'active' WHERE id = ?").run(e);
    // Over the 5,000万 (示例) budget: refused without a reason, accepted with one (kept on the batch).
    expect(batchTotals(sqlite, id).totalYuan).toBeGreaterThan(wanToYuan(5000));
    refused(() => submitBatch(sqlite, users.staff, { batchId: id, version: v() }), "awards.err.overBudget");
    tx(() => submitBatch(sqlite, users.staff, { batchId: id, version: v(), budgetOverrideReason: "区政府同意追加" }));
    expect(getBatch(sqlite, id)!.budgetOverrideReason).toBe("区政府同意追加");
  });
});
