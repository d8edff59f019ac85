import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { type DB, openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { drainSearchQueue, ensureSearchIndex, mergeSearchIndex } from "@/features/registry/search-index";
import { makeCreditCode } from "@/lib/credit-code";

// 全局搜索's segments are merged after the write that added them (migration 0026, scheduleMerge): on a timer of the
// writing process, never waiting for another connection's write lock — a wait would hold up every request of the
// server (better-sqlite3 waits synchronously).

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-merge-"));
const file = path.join(dir, "merge.db");
const sqlite = openSqlite(file);
const db = drizzle(sqlite, { schema }) as unknown as DB;
runMigrations(db);
ensureSearchIndex(sqlite);
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const street = sqlite
  .prepare("INSERT INTO dictionary_items (kind, code, label) VALUES ('street', 'm', '测试街道')")
  .run().lastInsertRowid;
let n = 0;
/** One committed write that adds a segment: a raw insert, indexed by the drain after it (its own transaction). */
function writeOne(): void {
  n++;
  sqlite
    .prepare(
      "INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id) VALUES (?, ?, '王测试', '2015-06-01', 100, ?)",
    )
    .run(`重庆合并测试${n}号科技有限公司`, makeCreditCode("91", "500112", `MG${String(n).padStart(7, "0")}`), street);
  expect(drainSearchQueue(sqlite)).toBe(1);
}

describe("search index merging", () => {
  it("is left to the writing process, after the write", () => {
    expect(sqlite.prepare("SELECT v FROM search_index_config WHERE k = 'automerge'").pluck().get()).toBe(0);
  });

  it("merges after the writes, and waits for no other connection's write lock", () => {
    vi.useFakeTimers();
    // A wait for the lock would last this long: the test would time out.
    sqlite.pragma("busy_timeout = 60000");
    for (let i = 0; i < 6; i++) writeOne();
    // Another connection holds the write lock when the merge step comes due.
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    vi.advanceTimersByTime(60);
    // The step found the database busy and came back at once, the connection's own timeout put back.
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(60000);
    other.exec("COMMIT");
    other.close();
    // Released: the step comes again and merges until FTS5 has nothing left to merge.
    vi.advanceTimersByTime(300);
    vi.runAllTimers();
    expect(mergeSearchIndex(sqlite, 1000)).toBe(false);
    expect(() => sqlite.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")).not.toThrow();
    const names = sqlite.prepare("SELECT count(*) FROM search_index WHERE name GLOB '*合并测试*'").pluck().get();
    expect(names).toBe(6);
  });
});
