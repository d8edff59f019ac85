import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { type DB, openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { addApplication, createBatch, getBatch } from "@/features/awards/engine";
import { enterpriseCountQuery } from "@/features/enterprises/list-query";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { enterpriseWrites } from "@/features/enterprises/writes";
import { applyPlan, planImport } from "@/features/import/engine";
import { REGISTRY_SPECS } from "@/features/import/registries";
import { templateHeader } from "@/features/import/template";
import { incubatorWrites } from "@/features/incubators/writes";
import { institutionWrites } from "@/features/institutions/writes";
import {
  drainSearchQueue,
  ensureSearchIndex,
  parseQuery,
  partition,
  SEARCH_REGISTRIES,
  type SearchTable,
  searchClauses,
  searchDocument,
} from "@/features/registry/search-index";
import { createRecord, setRecordDeleted, updateRecord, Writer } from "@/features/registry/write";
import { globalSearch } from "@/features/search/global";
import { seedDictionaries } from "@/features/seed";
import { talentWrites } from "@/features/talents/writes";
import { makeCreditCode } from "@/lib/credit-code";
import { readWorkbook } from "@/lib/import/workbook";
import { type DataScope, FULL_SCOPE } from "@/lib/scope";
import { foldText, pinyinOf, pinyinWord } from "@/lib/search/normalise";

// 全局搜索's index against a real migrated SQLite file: after a mixed series of creates, edits, deletes and restores
// through the one write path, an Excel import, a raw SQL change and a review-pending record, the index holds
// exactly the documents of the stored rows (live ones in the live partition, deleted ones in the other), and the
// lists' `?q=` and the global search find through it what a scan of the rows finds, within the user's scope.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-search-"));
const sqlite = openSqlite(path.join(dir, "search.db"));
const db = drizzle(sqlite, { schema }) as unknown as DB;
runMigrations(db);
seedDictionaries(db);
ensureSearchIndex(sqlite);
const userId = Number(
  sqlite
    .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES ('s', 's', 'staff', 'x')")
    .run().lastInsertRowid,
);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dict = (kind: string, label?: string) =>
  sqlite
    .prepare(`SELECT id FROM dictionary_items WHERE kind = ?${label ? " AND label = ?" : ""} ORDER BY id`)
    .pluck()
    .get(...(label ? [kind, label] : [kind])) as number;
const XT = dict("street", "仙桃街道");
const LX = dict("street", "龙溪街道");
let seq = 0;
const code = () => makeCreditCode("91", "500112", `MA8QX${String(++seq).padStart(4, "0")}`);
const enterprise = (name: string, street = LX, creditCode = code()) => ({
  name,
  creditCode,
  legalRepresentative: "王测试",
  foundedDate: "2015-06-01",
  registeredCapital: 100,
  streetId: street,
  parkId: null,
  industryChainId: null,
  isAboveScale: false,
  contactName: "李四",
  contactPhone: "13800138000",
  status: "active",
});
const write = <R>(fn: (w: Writer) => R, scope: DataScope = FULL_SCOPE): R =>
  sqlite.transaction(() => {
    const w = new Writer(sqlite, userId, undefined, scope);
    const r = fn(w);
    w.finish();
    return r;
  })();

/** The index's documents by rowid (both tables), and what the stored rows say they should be. */
function parity() {
  const expected = new Map<number, string>();
  const actual = new Map<number, string>();
  for (const t of Object.keys(SEARCH_REGISTRIES) as SearchTable[]) {
    const r0 = SEARCH_REGISTRIES[t];
    const rows = sqlite
      .prepare(
        `SELECT id, ${r0.nameCol} AS name, ${r0.creditCode ? "credit_code" : "NULL"} AS code,
           ${r0.softDelete ? "deleted_at" : "NULL"} AS deleted_at FROM ${t}`,
      )
      .all() as { id: number; name: string; code: string | null; deleted_at: string | null }[];
    for (const r of rows) {
      const d = searchDocument(r.name, r.code);
      const rowid = partition(t, !!r.deleted_at).lo + r.id;
      expected.set(rowid, JSON.stringify([d.name, d.code, d.pinyin, d.initials]));
    }
  }
  const idx = sqlite.prepare("SELECT rowid, name, code, pinyin, initials FROM search_index").all() as {
    rowid: number;
    name: string;
    code: string;
    pinyin: string;
    initials: string;
  }[];
  for (const r of idx) actual.set(r.rowid, JSON.stringify([r.name, r.code, r.pinyin, r.initials]));
  return { expected, actual };
}

const getBatchId = (lineId: number) =>
  sqlite.prepare("SELECT batch_id FROM award_lines WHERE id = ?").pluck().get(lineId) as number;
const listCount = (q: string, deleted = false) =>
  enterpriseCountQuery(db, loadEnterpriseSearch(new URLSearchParams({ q })), deleted, FULL_SCOPE).all()[0].n;
const names = (q: string, scope: DataScope = FULL_SCOPE, deleted = false) => {
  const r = globalSearch(db, { scope, canEdit: true }, q, { deleted, perGroup: 50 });
  return r.ok ? r.groups.flatMap((g) => g.hits.map((h) => h.name.map((s) => s.text).join(""))) : r.reason;
};

describe("search index", () => {
  it("equals the live rows after creates, edits, deletes, restores, an import and a raw change", async () => {
    const a = write((w) => createRecord(w, enterpriseWrites, enterprise("重庆金山科技有限公司")));
    const b = write((w) => createRecord(w, enterpriseWrites, enterprise("重庆长江智能制造有限公司", XT)));
    const c = write((w) => createRecord(w, enterpriseWrites, enterprise("渝北临时改名数据服务有限公司")));
    write((w) =>
      createRecord(w, institutionWrites, {
        name: "重庆金山工程技术研究中心",
        typeId: dict("institution_type"),
        level: "district",
        hostOrganisation: "对照单位",
        recognisedDate: "2020-01-01",
      }),
    );
    const inc = write((w) =>
      createRecord(w, incubatorWrites, {
        name: "金山众创空间",
        typeId: dict("incubator_type"),
        level: "district",
        operator: "对照运营公司",
        streetId: LX,
      }),
    );
    write((w) =>
      createRecord(w, talentWrites, {
        kind: "person",
        name: "金山明",
        categoryId: dict("talent_category"),
        recognisedYear: 2020,
        phone: "13912345678",
        idNumber: "500112199001011234",
      }),
    );
    // An edit renames; a delete leaves the live partition; a restore comes back; a deleted incubator stays out.
    const cRow = sqlite.prepare("SELECT version FROM enterprises WHERE id = ?").get(c.id) as { version: number };
    write((w) =>
      updateRecord(
        w,
        enterpriseWrites,
        { id: c.id, version: cRow.version },
        enterprise("渝北鼎新数据服务有限公司", LX, c.values.creditCode as string),
      ),
    );
    write((w) => setRecordDeleted(w, enterpriseWrites, { id: b.id }, true, "enterprise.delete"));
    write((w) => setRecordDeleted(w, enterpriseWrites, { id: a.id }, true, "enterprise.delete"));
    write((w) => setRecordDeleted(w, enterpriseWrites, { id: a.id }, false, "enterprise.restore"));
    write((w) => setRecordDeleted(w, incubatorWrites, { id: inc.id }, true, "incubator.delete"));
    // A scoped writer's new record: pending review, in the index (the scope and review state are read from the row).
    write((w) => createRecord(w, enterpriseWrites, enterprise("重庆仙桃待审科技有限公司", XT)), {
      kind: "unit",
      unit: "street",
      unitId: XT,
      userId,
    });
    // The Excel import, through the same write path.
    const [ENT, QUAL, ANNUAL] = REGISTRY_SPECS.enterprise.sheets;
    const wb = new ExcelJS.Workbook();
    for (const [spec, rows] of [
      [
        ENT,
        [
          [
            "重慶導入電子有限公司",
            code(),
            "王测试",
            new Date(Date.UTC(2015, 5, 1)),
            100,
            "龙溪街道",
            null,
            null,
            "否",
            null,
            null,
            null,
            "在册",
          ],
        ],
      ],
      [QUAL, []],
      [ANNUAL, []],
    ] as const) {
      const ws = wb.addWorksheet(spec === ENT ? "企业" : spec === QUAL ? "资质" : "年度数据");
      ws.addRow(spec.columns.map(templateHeader));
      for (const r of rows) ws.addRow([...r]);
    }
    const plan = planImport(sqlite, "enterprise", await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(plan.errors).toEqual([]);
    sqlite.transaction(() => applyPlan(sqlite, plan, { userId, now: new Date().toISOString() }))();
    // Every write above left the index complete inside its own transaction: nothing waits in the queue.
    expect(sqlite.prepare("SELECT count(*) FROM search_queue").pluck().get()).toBe(0);
    let p = parity();
    expect(p.actual).toEqual(p.expected);

    // A record inserted around the write path — alone, or just before a write-path create in the same transaction
    // or the one after — is queued by the trigger and indexed by the next drain (a reader's, or the write path's).
    const rawIns = sqlite.prepare(
      "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王测试', '2015-06-01', 100, ?)",
    );
    rawIns.run("重庆直插甲号科技有限公司", code(), LX);
    expect(names("直插甲号")).toEqual(["重庆直插甲号科技有限公司"]);
    sqlite.transaction(() => {
      rawIns.run("重庆直插乙号科技有限公司", code(), LX);
      const w = new Writer(sqlite, userId);
      createRecord(w, enterpriseWrites, enterprise("重庆写入丙号科技有限公司"));
      w.finish();
    })();
    rawIns.run("重庆直插丁号科技有限公司", code(), LX);
    write((w) => createRecord(w, enterpriseWrites, enterprise("重庆写入戊号科技有限公司")));
    expect(sqlite.prepare("SELECT count(*) FROM search_queue").pluck().get()).toBe(0);
    p = parity();
    expect(p.actual).toEqual(p.expected);
    expect(names("直插乙号")).toEqual(["重庆直插乙号科技有限公司"]);
    expect(names("直插丁号")).toEqual(["重庆直插丁号科技有限公司"]);

    // A raw SQL change (outside the write path) is queued by the trigger and indexed by the next reader.
    sqlite.prepare("UPDATE enterprises SET name = '重庆手改名称科技有限公司' WHERE id = ?").run(c.id);
    expect(sqlite.prepare("SELECT count(*) FROM search_queue").pluck().get()).toBe(1);
    expect(names("手改名称")).toEqual(["重庆手改名称科技有限公司"]);
    p = parity();
    expect(p.actual).toEqual(p.expected);

    // A large batch (a bulk load: new records, an existing one renamed, a deleted one re-stamped, then restored) skips the
    // removal only for records above every indexed id; renamed and moved records lose their old entries. (Put back
    // afterwards: the tests below read the records above.)
    const ins = sqlite.prepare(
      "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王测试', '2015-06-01', 100, ?)",
    );
    const bulkCode = (i: number) => makeCreditCode("91", "500112", `BK${String(i).padStart(7, "0")}`);
    const aName = sqlite.prepare("SELECT name FROM enterprises WHERE id = ?").pluck().get(a.id) as string;
    const bDeleted = sqlite.prepare("SELECT deleted_at FROM enterprises WHERE id = ?").pluck().get(b.id);
    expect(bDeleted).not.toBeNull(); // deleted above: in the deleted partition
    sqlite.transaction(() => {
      for (let i = 0; i < 100; i++) ins.run(`重庆批量载入${i}号科技有限公司`, bulkCode(i), LX);
      sqlite.prepare("UPDATE enterprises SET name = '重庆批量改名科技有限公司' WHERE id = ?").run(a.id);
      sqlite.prepare("UPDATE enterprises SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(b.id);
    })();
    expect(drainSearchQueue(sqlite)).toBe(102);
    sqlite.transaction(() => {
      sqlite.prepare("UPDATE enterprises SET deleted_at = NULL WHERE id = ?").run(b.id);
      for (let i = 100; i < 170; i++) ins.run(`重庆批量载入${i}号科技有限公司`, bulkCode(i), LX);
    })();
    expect(drainSearchQueue(sqlite)).toBe(71);
    p = parity();
    expect(p.actual).toEqual(p.expected);
    expect(names("批量改名")).toEqual(["重庆批量改名科技有限公司"]);
    expect(() => sqlite.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")).not.toThrow();
    sqlite.transaction(() => {
      sqlite.prepare("DELETE FROM enterprises WHERE name LIKE '重庆批量载入%'").run();
      sqlite.prepare("UPDATE enterprises SET name = ? WHERE id = ?").run(aName, a.id);
      sqlite.prepare("UPDATE enterprises SET deleted_at = ? WHERE id = ?").run(bDeleted, b.id);
    })();
    expect(drainSearchQueue(sqlite)).toBe(172);
    p = parity();
    expect(p.actual).toEqual(p.expected);
  });

  it("finds name fragments, credit-code fragments, pinyin, initials and variants; never a deleted record", () => {
    // Grouped by registry: enterprises, institutions, (the incubator is deleted), talent.
    expect(names("金山")).toEqual(["重庆金山科技有限公司", "重庆金山工程技术研究中心", "金山明"]);
    expect(names("jskj")).toEqual(["重庆金山科技有限公司"]);
    expect(names("jinshan")).toHaveLength(3);
    expect(names("重慶金山")).toEqual(["重庆金山科技有限公司", "重庆金山工程技术研究中心"]);
    expect(names("ｊｓｋｊ")).toEqual(["重庆金山科技有限公司"]);
    const cc = sqlite
      .prepare("SELECT credit_code FROM enterprises WHERE name = '重庆金山科技有限公司'")
      .pluck()
      .get() as string;
    // The serial and check character, typed in pieces with a dash and in lower case.
    expect(names(`${cc.slice(12, 15).toLowerCase()} - ${cc.slice(15)}`)).toEqual(["重庆金山科技有限公司"]);
    expect(names("导入电子")).toEqual(["重慶導入電子有限公司"]);
    // Deleted: out of the live search, found by an admin who asks for deleted records.
    expect(names("长江智能")).toEqual([]);
    expect(names("长江智能", FULL_SCOPE, true)).toEqual(["重庆长江智能制造有限公司"]);
    // Personal data is not indexed: a talent's phone or ID number finds nothing.
    expect(names("13912345678")).toEqual([]);
    expect(names("500112199001011234")).toEqual([]);
    // Hostile input is data.
    for (const q of ['"金山', "金山 OR 1", "金山*", "NEAR(金山)", "'; DROP TABLE enterprises; --", "💥💥金山"])
      expect(Array.isArray(names(q))).toBe(true);
    expect(names("金")).toBe("tooShort");
  });

  it("ranks exact name, then prefix, then substring, then pinyin", () => {
    write((w) => createRecord(w, enterpriseWrites, enterprise("金山")));
    write((w) => createRecord(w, enterpriseWrites, enterprise("金山电子有限公司")));
    const r = globalSearch(db, { scope: FULL_SCOPE, canEdit: false }, "金山");
    const hits = r.ok ? r.groups.find((g) => g.registry === "enterprises")!.hits : [];
    expect(hits.map((h) => h.matched)).toEqual(["exact", "prefix", "name"]);
    expect(hits.every((h) => h.editHref === undefined)).toBe(true);
  });

  it("keeps to the user's scope: a street sees its own records, the leader approved ones only", () => {
    // Another user of 仙桃街道 (the records this file's writer entered without a unit are not theirs).
    const colleague = Number(
      sqlite
        .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES ('xt', 'xt', 'staff', 'x')")
        .run().lastInsertRowid,
    );
    const street: DataScope = { kind: "unit", unit: "street", unitId: XT, userId: colleague };
    expect(names("重庆", street)).toEqual(["重庆仙桃待审科技有限公司"]);
    expect(names("金山科技", street)).toEqual([]);
    expect(names("仙桃待审", { kind: "all", approvedOnly: true })).toEqual([]);
    expect(names("仙桃待审")).toEqual(["重庆仙桃待审科技有限公司"]);
  });

  it("finds 政策兑现 award lines by enterprise name, initials and credit code, within the line's unit", () => {
    const staff = { id: userId, role: "staff", scope: FULL_SCOPE };
    const policyId = Number(
      sqlite
        .prepare(
          `INSERT INTO award_policies (key, name, basis_title, rule_text, kind, mode, amount_yuan, active_from)
           VALUES ('search_test', '测试申报奖励', '测试文件', '定额 10 万元', 'fixed', 'application', 100000, 2020)`,
        )
        .run().lastInsertRowid,
    );
    const ent = sqlite
      .prepare("SELECT id, credit_code AS code FROM enterprises WHERE name = '重庆金山科技有限公司'")
      .get() as { id: number; code: string };
    const { lineId } = sqlite.transaction(() => {
      const batch = createBatch(sqlite, staff, { policyId, year: 2024 });
      return addApplication(sqlite, staff, {
        batchId: batch.id,
        enterpriseId: ent.id,
        version: getBatch(sqlite, batch.id)!.version,
      });
    })();
    // Indexed in the action's own transaction.
    expect(sqlite.prepare("SELECT count(*) FROM search_queue").pluck().get()).toBe(0);
    const p = parity();
    expect(p.actual).toEqual(p.expected);
    const awardHits = (q: string, scope: DataScope = FULL_SCOPE, awards = true) => {
      const r = globalSearch(db, { scope, canEdit: true, awards }, q);
      return r.ok ? (r.groups.find((g) => g.registry === "award_lines")?.hits ?? []) : [];
    };
    for (const q of ["jskj", "金山科技", ent.code.slice(10)]) {
      const hits = awardHits(q);
      expect(
        hits.map((h) => h.href),
        q,
      ).toEqual([`/awards/batches/${getBatchId(lineId)}#line-${lineId}`]);
      expect(hits[0].award).toEqual({ year: 2024, amountYuan: 100000, excluded: false });
      expect(hits[0].editHref).toBeUndefined();
    }
    // Not for a user without 政策兑现, nor for another unit; the line's own unit (龙溪) sees it.
    expect(awardHits("金山科技", FULL_SCOPE, false)).toEqual([]);
    const other = sqlite.prepare("SELECT id FROM users WHERE username = 'xt'").pluck().get() as number;
    expect(awardHits("金山科技", { kind: "unit", unit: "street", unitId: XT, userId: other })).toEqual([]);
    expect(awardHits("金山科技", { kind: "unit", unit: "street", unitId: LX, userId: other })).toHaveLength(1);
    // A line removed (a recomputed batch) leaves the index with its row.
    sqlite.prepare("DELETE FROM award_lines WHERE id = ?").run(lineId);
    expect(awardHits("金山科技")).toEqual([]);
    const after = parity();
    expect(after.actual).toEqual(after.expected);
  });

  it("matches a 2-character fragment through the trigrams that start with it, longer ones by GLOB", () => {
    const two = parseQuery("金山");
    const clauses = two.ok ? searchClauses(sqlite, two) : [];
    expect(clauses.map((c) => c.where(""))).toEqual(["search_index MATCH ?"]);
    expect(clauses[0].param).toMatch(/^"金山.*"$/);
    // A fragment's cached trigram list is dropped when a new record brings a trigram starting with it.
    expect(names("鼎新")).not.toContain("鼎新琅嬛软件有限公司"); // lists (and caches) 鼎新's trigrams
    write((w) => createRecord(w, enterpriseWrites, enterprise("鼎新琅嬛软件有限公司"))); // brings 鼎新琅
    expect(names("鼎新")).toContain("鼎新琅嬛软件有限公司");
    // The same when another connection writes and indexes the record (a second server, a script): its commit
    // empties this connection's lists.
    const other = openSqlite(path.join(dir, "search.db"));
    try {
      // Lists 鼎新's trigrams again, without 鼎新瑶 (in the middle of the name: no prefix clause finds it).
      expect(names("鼎新")).not.toContain("重庆鼎新瑶光软件有限公司");
      other
        .prepare(
          "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王测试', '2015-06-01', 100, ?)",
        )
        .run("重庆鼎新瑶光软件有限公司", makeCreditCode("91", "500112", "DXYG00001"), LX);
      expect(drainSearchQueue(other)).toBe(1);
      expect(names("鼎新")).toContain("重庆鼎新瑶光软件有限公司");
    } finally {
      other.close();
    }
    const none = parseQuery("鹦鹉");
    expect(none.ok && searchClauses(sqlite, none)).toEqual([]);
    const three = parseQuery("金山科");
    const c3 = three.ok ? searchClauses(sqlite, three) : [];
    expect(c3.map((c) => [c.where(""), c.param, c.kind])).toEqual([["name GLOB ?", "*金山科*", "name"]]);
  });

  it("tells the columns apart by their alphabet: a latin query finds names, pinyin and initials, never a code's letters", () => {
    // Every enterprise's credit code holds "MA" (91500112MA…): a lower-case fragment never reads the codes'
    // upper-case trigrams, nor the upper-case pinyin's ("cq" is in no pinyin; "ch" begins chongqing's).
    const rows = sqlite.prepare("SELECT name, credit_code AS code FROM enterprises WHERE deleted_at IS NULL").all() as {
      name: string;
      code: string;
    }[];
    // Full pinyin (3+ letters) is matched without the city and company-form words, which mean their characters.
    const fullPinyin = (folded: string, core: string, q: string) => {
      if (q.length < 3) return false;
      const w = pinyinWord(q);
      return "han" in w ? folded.includes(w.han) : core.includes(w.core);
    };
    const expected = (q: string) =>
      rows.filter((r) => {
        const folded = foldText(r.name);
        const py = pinyinOf(folded);
        return (
          folded.includes(q) ||
          py.initials.includes(q) ||
          py.altInitials.includes(q) ||
          fullPinyin(folded, py.core, q) ||
          (q.length <= 3 ? r.code.startsWith(q.toUpperCase()) : r.code.includes(q.toUpperCase()))
        );
      }).length;
    expect(rows.filter((r) => r.code.includes("MA")).length).toBeGreaterThan(expected("ma"));
    for (const q of [
      "ma",
      "cq",
      "zq",
      "ch",
      "js",
      "kj",
      "jinshan",
      "chongqing",
      "chongqingjinshan",
      "jinshankejiyou",
      "gongsi",
      "jskj",
      "qing",
      "91",
      "9150",
    ]) {
      expect(listCount(q), q).toBe(expected(q));
    }
  });

  it("asks the index for a credit-code fragment's rare trigrams and confirms the whole fragment on the stored code", () => {
    const q = parseQuery("ma8q x000");
    const code = q.ok ? searchClauses(sqlite, q).find((c) => c.kind === "code") : undefined;
    // Trigrams with a letter only (never "500", which every code of the district has), the last three.
    expect(code?.param).toBe('"8QX" AND "QX0" AND "X00"');
    expect(code?.where("s.")).toBe("s.search_index MATCH ? AND (s.code || '') GLOB '*MA8QX000*'");
    // Digits only: the plain GLOB.
    const digits = parseQuery("50011200");
    expect(digits.ok && searchClauses(sqlite, digits).find((c) => c.kind === "code")?.param).toBe("*50011200*");
    // …and is not asked of the names (their trigrams are in every credit code's posting list).
    expect(digits.ok && searchClauses(sqlite, digits).map((c) => c.kind)).toEqual(["code"]);
    // Whatever the clause, the records found are those whose code contains the fragment.
    const codes = sqlite
      .prepare("SELECT credit_code FROM enterprises WHERE deleted_at IS NULL")
      .pluck()
      .all() as string[];
    for (const frag of ["MA8QX000", "QX0001", "8QX0", "500112MA8", "50011200", codes[0].slice(9, 16)]) {
      const scan = codes.filter((c) => c.includes(frag)).length;
      const r = globalSearch(db, { scope: FULL_SCOPE, canEdit: false }, frag.toLowerCase(), { perGroup: 50 });
      const found = r.ok ? (r.groups.find((g) => g.registry === "enterprises")?.hits ?? []) : [];
      expect(found.filter((h) => h.matched === "code" || h.code?.some((s) => s.hit)).length, frag).toBe(scan);
    }
  });

  it("gives the lists' ?q= the same rows as a scan would, totals included", () => {
    for (const q of ["金山", "科技有限", "数据服务", "有限公司"]) {
      const scan = sqlite
        .prepare("SELECT count(*) FROM enterprises WHERE deleted_at IS NULL AND instr(name, ?) > 0")
        .pluck()
        .get(q);
      expect(listCount(q)).toBe(scan);
    }
    expect(listCount("jskj")).toBe(1);
    expect(listCount("长江智能", true)).toBe(1);
    drainSearchQueue(sqlite);
  });
});
