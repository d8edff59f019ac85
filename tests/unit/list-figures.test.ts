import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The enterprise list's total and 合计 are kept current by the count journal's deltas, like the board's counts:
// after each write of a mixed series — create, edits that move a record between filters, R&D and revenue changed,
// a certificate added and removed, soft delete, restore, 录入 → 审核 approval, a rolled-back write, raw SQL — every
// cached list figure of a row-local filter is served without a recount and equals a fresh COUNT(*) / SUM() (the
// sum as shown); a search's figures are counted afresh after a write; a dictionary edit and another connection's
// commit drop them all, and they stay exact.

const dir = vi.hoisted(() => {
  const d = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "bureau-lf-"));
  process.env.DATABASE_URL = require("node:path").join(d, "list-figures.db");
  return d as string;
});

import { formatAmount } from "@/components/registry/cells";
import { closeDb, getConn, getDb, openSqlite } from "@/db";
import { runMigrations } from "@/db/migrate";
import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { cachedListCount, countCacheStats } from "@/features/kpi/registry-counts";
import { registryCountQuery, registrySumQuery } from "@/features/registry/query";
import { ensureSearchIndex } from "@/features/registry/search-index";
import { createRecord, setRecordDeleted, updateRecord, type Values, type Writer } from "@/features/registry/write";
import { approveItem } from "@/features/review/apply";
import { seedDictionaries } from "@/features/seed";
import { seedRegistries } from "@/features/seed/registries";
import { ActionError } from "@/lib/action-error";
import { emitCommittedWrite } from "@/lib/committed-writes";
import { makeCreditCode } from "@/lib/credit-code";
import { type DataScope, FULL_SCOPE } from "@/lib/scope";
import { dictId, insertStaff, writeAs } from "./helpers/registry-db";

let sqlite: ReturnType<typeof getConn>["sqlite"];
let clerk = 0;
let reviewer = 0;
let XT = 0;
let LX = 0;
let MTE = 0;
let CHAIN = 0;

beforeAll(() => {
  const db = getDb();
  runMigrations(db);
  seedDictionaries(db);
  seedRegistries(db);
  sqlite = getConn().sqlite;
  ensureSearchIndex(sqlite);
  clerk = insertStaff(sqlite, "lf-clerk");
  reviewer = insertStaff(sqlite, "lf-reviewer");
  const dict = (kind: string, code: string) => dictId(sqlite, kind, code);
  XT = dict("street", "xiantao");
  LX = dict("street", "longxi");
  MTE = dict("qualification_type", "municipal_tech_enterprise");
  CHAIN = sqlite
    .prepare("SELECT id FROM dictionary_items WHERE kind = 'industry_chain' ORDER BY id")
    .pluck()
    .get() as number;
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const street = (id: number, unitId = XT): DataScope => ({ kind: "unit", unit: "street", unitId, userId: id });

const write = <T>(who: number, scope: DataScope, fn: (w: Writer) => T): T => writeAs(sqlite, who, scope, fn);

/** The list statements a staff member's day touches: filters, scopes, deletion, a certificate filter, a search. */
const LISTS: { qs: string; scope?: () => DataScope; deleted?: boolean; search?: boolean }[] = [
  { qs: "" },
  { qs: "", scope: () => street(clerk) },
  { qs: "", scope: () => ({ kind: "all", approvedOnly: true }) },
  { qs: "street=XT" },
  { qs: "status=moved_out" },
  { qs: "chain=CHAIN&status=active" },
  { qs: "qual=MTE" },
  { qs: "", deleted: true },
  { qs: "q=计数", search: true },
];
const SUMS = ["latestRdExpense", "latestRevenue"] as const;

function statements() {
  const db = getDb();
  return LISTS.flatMap((l) => {
    const qs = l.qs.replace("XT", String(XT)).replace("CHAIN", String(CHAIN)).replace("MTE", String(MTE));
    const s = loadEnterpriseSearch(new URLSearchParams(qs)) as unknown as Parameters<typeof registryCountQuery>[3];
    const scope = l.scope?.() ?? FULL_SCOPE;
    const count = registryCountQuery(db, enterpriseRegistry, enterpriseBinding, s, !!l.deleted, scope);
    return [
      {
        label: `${qs || "(all)"}${l.deleted ? " deleted" : ""} ${scope.kind} total`,
        search: !!l.search,
        sum: false,
        query: count,
        fresh: () => count.all()[0].n as number,
      },
      ...SUMS.map((k) => {
        const q = registrySumQuery(db, enterpriseRegistry, enterpriseBinding, s, !!l.deleted, scope, [k]);
        return {
          label: `${qs || "(all)"}${l.deleted ? " deleted" : ""} ${scope.kind} 合计 ${k}`,
          search: !!l.search,
          sum: true,
          query: q,
          fresh: () => (q.all()[0] as Record<string, number | null>)[k] ?? Number.NaN,
        };
      }),
    ];
  });
}

/** Every list figure equals a fresh count (a sum as shown, NULL as NULL); `fromCache`: none was recounted. */
function expectCurrent(label: string, fromCache: boolean) {
  const all = statements();
  const before = countCacheStats().listRecounts;
  for (const st of all) {
    const served = cachedListCount(st.query, st.fresh);
    const fresh = st.fresh();
    if (!st.sum) expect(served, `${label}: ${st.label}`).toBe(fresh);
    else {
      expect(Number.isNaN(served), `${label}: ${st.label} is NULL`).toBe(Number.isNaN(fresh));
      if (!Number.isNaN(fresh)) {
        expect(formatAmount(served), `${label}: ${st.label}`).toBe(formatAmount(fresh));
        expect(Math.abs(served - fresh), `${label}: ${st.label}`).toBeLessThanOrEqual(Math.abs(fresh) * 1e-12);
      }
    }
  }
  if (fromCache)
    expect(
      countCacheStats().listRecounts - before,
      `${label}: only the search's figures recounted`,
    ).toBeLessThanOrEqual(all.filter((s) => s.search).length);
}

let seq = 0;
const enterprise = (over: Partial<Values> = {}): Values => ({
  name: `计数列表企业${++seq}`,
  creditCode: makeCreditCode("91", "500112", `MA7LF${String(seq).padStart(4, "0")}`),
  legalRepresentative: "王",
  foundedDate: "2015-01-01",
  registeredCapital: 100,
  streetId: XT,
  parkId: null,
  industryChainId: CHAIN,
  isAboveScale: false,
  contactName: null,
  contactPhone: null,
  website: null,
  status: "active",
  ...over,
});

describe("list totals and 合计 kept current by write deltas", () => {
  it("a mixed series of writes: every row-local figure equals a fresh count, served from the cache", () => {
    expectCurrent("warm-up", false);
    const warm = countCacheStats().listRecounts;
    expectCurrent("again", true);
    expect(countCacheStats().listRecounts, "a second read recounts nothing").toBe(warm);

    const e = write(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, enterprise()));
    emitCommittedWrite({ action: "enterprise.create", registries: ["enterprise"] });
    expectCurrent("create", true);
    write(reviewer, FULL_SCOPE, (w) =>
      updateRecord(w, enterpriseWrites, { id: e.id, version: 1 }, { ...e.values, status: "moved_out", streetId: LX }),
    );
    expectCurrent("moved out, other street", true);
    // R&D and revenue are the latest annual figures, denormalised onto the row: a raw change, then one to NULL.
    const rd = sqlite.prepare("UPDATE enterprises SET latest_rd_expense = ?, latest_revenue = ? WHERE id = ?");
    rd.run(1234.56, 98765.4321, e.id);
    expectCurrent("figures set", true);
    rd.run(null, 0.1, e.id);
    expectCurrent("R&D emptied", true);
    const q = write(reviewer, FULL_SCOPE, (w) =>
      createRecord(w, qualificationWrites, {
        enterpriseId: e.id,
        typeId: MTE,
        certificateNo: null,
        awardedDate: "2021-06-01",
        expiryDate: null,
        note: null,
      }),
    );
    expectCurrent("certificate added", true);
    write(reviewer, FULL_SCOPE, (w) =>
      setRecordDeleted(w, qualificationWrites, { id: q.id }, true, "enterprise.qualification.delete"),
    );
    expectCurrent("certificate removed", true);
    write(reviewer, FULL_SCOPE, (w) => setRecordDeleted(w, enterpriseWrites, { id: e.id }, true, "enterprise.delete"));
    expectCurrent("deleted", true);
    write(reviewer, FULL_SCOPE, (w) =>
      setRecordDeleted(w, enterpriseWrites, { id: e.id }, false, "enterprise.restore"),
    );
    expectCurrent("restored", true);

    // A seeded enterprise with figures leaves the filters it was in.
    const seeded = sqlite
      .prepare(
        "SELECT id FROM enterprises WHERE deleted_at IS NULL AND street_id = ? AND latest_rd_expense > 0 ORDER BY id LIMIT 1",
      )
      .pluck()
      .get(XT) as number;
    sqlite
      .prepare("UPDATE enterprises SET street_id = ?, latest_rd_expense = latest_rd_expense * 3 WHERE id = ?")
      .run(LX, seeded);
    expectCurrent("seeded record moved", true);

    // 录入 → 审核: the clerk's own record is in their scope at once, in the leader's (approved only) after review.
    const pe = write(clerk, street(clerk), (w) => createRecord(w, enterpriseWrites, enterprise()));
    expectCurrent("pending submission", true);
    write(reviewer, FULL_SCOPE, (w) => approveItem(w, { id: pe.reviewItemId as number, version: 1 }));
    expectCurrent("approved", true);

    // A write rolled back with its journal: nothing moves.
    expect(() =>
      write(reviewer, FULL_SCOPE, (w) => {
        createRecord(w, enterpriseWrites, enterprise());
        throw new ActionError("registry.notFound");
      }),
    ).toThrow(ActionError);
    expectCurrent("rolled back", true);

    // Many records in one transaction (raw): still adjusted, not recounted.
    sqlite
      .prepare(
        "UPDATE enterprises SET status = 'deregistered' WHERE id IN (SELECT id FROM enterprises WHERE street_id = ? LIMIT 40)",
      )
      .run(XT);
    expectCurrent("batch of raw writes", true);
  });

  it("a second copy of the modules (the app's bundles hold several) folds the journal the first one installed", async () => {
    expectCurrent("before", false);
    vi.resetModules();
    const copy = await import("@/features/kpi/registry-counts");
    expect(copy.cachedListCount).not.toBe(cachedListCount);
    write(reviewer, FULL_SCOPE, (w) => createRecord(w, enterpriseWrites, enterprise({ streetId: LX })));
    const before = countCacheStats().listRecounts;
    for (const st of statements()) {
      const served = copy.cachedListCount(st.query, st.fresh);
      if (!st.sum) expect(served, st.label).toBe(st.fresh());
    }
    expect(countCacheStats().listRecounts - before).toBeLessThanOrEqual(statements().filter((s) => s.search).length);
    expectCurrent("read again through the first copy", true);
  });

  it("a dictionary edit and another connection's commit drop the figures; they stay exact", () => {
    expectCurrent("before", false);
    sqlite.prepare("UPDATE dictionary_items SET label = label || '（改）' WHERE id = ?").run(CHAIN);
    expect(countCacheStats().listRecounts).toBeGreaterThanOrEqual(0);
    expectCurrent("dictionary edited", false);
    expect(countCacheStats().lastFold?.result).toMatch(/dropped/);
    const other = openSqlite(process.env.DATABASE_URL as string);
    try {
      other
        .prepare("UPDATE enterprises SET latest_revenue = 7.77 WHERE id IN (SELECT id FROM enterprises LIMIT 5)")
        .run();
    } finally {
      other.close();
    }
    const before = countCacheStats().listRecounts;
    expectCurrent("another connection's write", false);
    expect(countCacheStats().listRecounts, "recounted after the other connection's commit").toBeGreaterThan(before);
  });
});
