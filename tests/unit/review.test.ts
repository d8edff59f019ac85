import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { countRegistry } from "@/features/kpi/count-queries";
import { createRecord, setRecordDeleted, updateRecord, Writer } from "@/features/registry/write";
import { approveItem, resubmitItem, returnItem } from "@/features/review/apply";
import { seedDictionaries } from "@/features/seed";
import { ActionError } from "@/lib/action-error";
import { makeCreditCode } from "@/lib/credit-code";
import { type DataScope, FULL_SCOPE } from "@/lib/scope";

// 录入 → 审核 through the one write path: a scoped writer's new record is stored pending and counts nowhere until
// approved; a change to an approved record waits as an item while the approved values keep counting; approving
// one's own submission, a changed item or a submission over a since-changed record is refused.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-review-"));
const sqlite = openSqlite(path.join(dir, "review.db"));
runMigrations(drizzle(sqlite, { schema }));
seedDictionaries(drizzle(sqlite, { schema }) as never);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dict = (kind: string, code: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?").pluck().get(kind, code) as number;
const XT = dict("street", "xiantao");
const MTE = dict("qualification_type", "municipal_tech_enterprise");
const user = (name: string) =>
  Number(
    sqlite
      .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, 'staff', 'x')")
      .run(name, name).lastInsertRowid,
  );
const clerk = user("clerk");
const reviewer = user("reviewer");
const other = user("other");
const street = (id: number): DataScope => ({ kind: "unit", unit: "street", unitId: XT, userId: id });

/** Runs fn in a transaction as `who` with `scope`; returns its value or the ActionError it threw (rolled back). */
function as<T>(who: number, scope: DataScope, fn: (w: Writer) => T): T | ActionError {
  try {
    return sqlite.transaction(() => {
      const w = new Writer(sqlite, who, undefined, scope);
      const out = fn(w);
      w.finish();
      return out;
    })();
  } catch (err) {
    if (err instanceof ActionError) return err;
    throw err;
  }
}
const count = () => countRegistry(sqlite, "municipal_tech_enterprises", "2021Q1");
const item = (id: number) =>
  sqlite.prepare("SELECT state, version, op, reason FROM review_items WHERE id = ?").get(id) as {
    state: string;
    version: number;
    op: string;
    reason: string | null;
  };
let seq = 0;
const values = () => ({
  name: `审核企业${++seq}`,
  creditCode: makeCreditCode("91", "500112", `MA7RQ${String(seq).padStart(4, "0")}`),
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

describe("review before a record counts", () => {
  it("a scoped user's new enterprise and qualification count only once both are approved", () => {
    const before = count();
    const e = as(clerk, street(clerk), (w) => createRecord(w, enterpriseWrites, values()));
    if (e instanceof ActionError) throw e;
    expect(e.reviewItemId).toBeGreaterThan(0);
    const q = as(clerk, street(clerk), (w) =>
      createRecord(w, qualificationWrites, {
        enterpriseId: e.id,
        typeId: MTE,
        certificateNo: null,
        awardedDate: "2020-06-01",
        expiryDate: null,
        note: null,
      }),
    );
    if (q instanceof ActionError) throw q;
    expect(count()).toBe(before);
    expect(sqlite.prepare("SELECT review_state FROM enterprises WHERE id = ?").pluck().get(e.id)).toBe("pending");

    // The submitter cannot approve their own submission (were they ever given the whole district).
    const own = as(clerk, FULL_SCOPE, (w) => approveItem(w, { id: e.reviewItemId!, version: 1 }));
    expect(own).toBeInstanceOf(ActionError);
    expect((own as ActionError).message).toBe("review.ownSubmission");
    expect(item(e.reviewItemId!).state).toBe("pending");

    expect(as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: e.reviewItemId!, version: 1 }))).not.toBeInstanceOf(
      ActionError,
    );
    expect(count()).toBe(before); // the qualification is still pending
    expect(as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: q.reviewItemId!, version: 1 }))).not.toBeInstanceOf(
      ActionError,
    );
    expect(count()).toBe(before + 1);
    // Approving again (the item was decided meanwhile) is refused.
    const again = as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: q.reviewItemId!, version: 1 }));
    expect((again as ActionError).message).toMatch(/^review\.changed/);
  });

  it("returned with a reason, corrected and resubmitted; a stale approval is refused", () => {
    const e = as(clerk, street(clerk), (w) => createRecord(w, enterpriseWrites, values()));
    if (e instanceof ActionError) throw e;
    const id = e.reviewItemId!;
    expect(as(reviewer, FULL_SCOPE, (w) => returnItem(w, { id, version: 1 }, "注册资本有误"))).not.toBeInstanceOf(
      ActionError,
    );
    expect(item(id)).toMatchObject({ state: "returned", reason: "注册资本有误", version: 2 });
    expect(sqlite.prepare("SELECT review_state FROM enterprises WHERE id = ?").pluck().get(e.id)).toBe("returned");
    // The submitter corrects it: saving resubmits (the record still counts nowhere).
    const fixed = as(clerk, street(clerk), (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...values(), registeredCapital: 200 }),
    );
    if (fixed instanceof ActionError) throw fixed;
    expect(item(id)).toMatchObject({ state: "pending", version: 3, op: "create" });
    // A reviewer who was shown version 2 (before the correction) is refused.
    expect((as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id, version: 2 })) as ActionError).message).toMatch(
      /^review\.changed/,
    );
    expect(as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id, version: 3 }))).not.toBeInstanceOf(ActionError);
    expect(sqlite.prepare("SELECT registered_capital, review_state FROM enterprises WHERE id = ?").get(e.id)).toEqual({
      registered_capital: 200,
      review_state: "approved",
    });
  });

  it("an edit of an approved record keeps the approved values until approved", () => {
    const e = as(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, values()));
    if (e instanceof ActionError) throw e;
    expect(e.reviewItemId).toBeUndefined();
    const change = as(clerk, street(clerk), (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...e.values, name: "改名后的企业" }),
    );
    if (change instanceof ActionError) throw change;
    const row = () => sqlite.prepare("SELECT name, version FROM enterprises WHERE id = ?").get(e.id);
    expect(row()).toEqual({ name: e.values.name, version: 1 });
    // Another scoped user cannot stack a second change on it.
    const stacked = as(other, street(other), (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...e.values, name: "第三个名字" }),
    );
    expect((stacked as ActionError).message).toBe("review.otherPending");
    expect(
      as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: change.reviewItemId!, version: 1 })),
    ).not.toBeInstanceOf(ActionError);
    expect(row()).toEqual({ name: "改名后的企业", version: 2 });
  });

  it("a change over a record edited since is refused as stale, with the record as it is now", () => {
    const e = as(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, values()));
    if (e instanceof ActionError) throw e;
    const change = as(clerk, street(clerk), (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...e.values, registeredCapital: 999 }),
    );
    if (change instanceof ActionError) throw change;
    as(other, FULL_SCOPE, (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...e.values, registeredCapital: 300 }),
    );
    const stale = as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: change.reviewItemId!, version: 1 }));
    expect(stale).toBeInstanceOf(ActionError);
    expect(
      (stale as ActionError).stale?.current.find((c) => c.label === "enterprises.fields.registeredCapital")?.value,
    ).toBe(300);
    expect(sqlite.prepare("SELECT registered_capital FROM enterprises WHERE id = ?").pluck().get(e.id)).toBe(300);
    expect(item(change.reviewItemId!).state).toBe("pending");
  });

  it("a scoped deletion waits for approval; resubmitting a returned one puts it back", () => {
    const e = as(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, values()));
    if (e instanceof ActionError) throw e;
    const del = as(clerk, street(clerk), (w) =>
      setRecordDeleted(w, enterpriseWrites, { id: e.id }, true, "enterprise.delete"),
    );
    if (del instanceof ActionError) throw del;
    expect(sqlite.prepare("SELECT deleted_at FROM enterprises WHERE id = ?").pluck().get(e.id)).toBeNull();
    as(reviewer, FULL_SCOPE, (w) => returnItem(w, { id: del.reviewItemId!, version: 1 }, "仍在经营"));
    // Only the submitter resubmits.
    expect(
      (as(other, street(other), (w) => resubmitItem(w, { id: del.reviewItemId!, version: 2 })) as ActionError).message,
    ).toBe("review.notFound");
    as(clerk, street(clerk), (w) => resubmitItem(w, { id: del.reviewItemId!, version: 2 }));
    expect(item(del.reviewItemId!).state).toBe("pending");
    as(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: del.reviewItemId!, version: 3 }));
    expect(sqlite.prepare("SELECT deleted_at FROM enterprises WHERE id = ?").pluck().get(e.id)).not.toBeNull();
  });
});
