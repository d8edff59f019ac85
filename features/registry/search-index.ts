// 全局搜索's index (issue 18): FTS5 over every searchable registry record (migration 0018_search_index).
//   search_index  (trigram)   name = "^<folded name>$", code = "^<credit code>$", pinyin, initials
//   search_bigram (unicode61) the 2-character fragments of the name and of the initials, one token each
// rowid = partition × 2^40 + record id, partition = registry code × 2 + deleted: a soft-deleted record leaves the
// live partition the searches read (an admin's 已删除 list reads the other one). Triggers on the registry tables
// queue every record whose name, credit code or deletion changed (search_queue); the write path drains the queue
// in its own transaction (features/registry/write.ts), readers drain whatever a raw writer left (a migration's
// backfill, a bulk load). Only names and credit codes are indexed: never a phone or an ID number.

import type Database from "better-sqlite3";
import { bigrams, foldCode, foldText, ftsPhrase, parseQuery, pinyinOf, type SearchQuery } from "@/lib/search/normalise";

/** The registries in the index: their code (in the rowid), table and whether they carry a credit code. */
export const SEARCH_REGISTRIES = {
  enterprises: { code: 1, creditCode: true },
  institutions: { code: 2, creditCode: false },
  incubators: { code: 3, creditCode: false },
  talents: { code: 4, creditCode: false },
} as const;
export type SearchTable = keyof typeof SEARCH_REGISTRIES;
const TABLES = Object.keys(SEARCH_REGISTRIES) as SearchTable[];
const TABLE_OF = new Map(TABLES.map((t) => [SEARCH_REGISTRIES[t].code as number, t]));

/** Bump when the folding or the document shape changes: every record is re-indexed on the next start. */
export const SEARCH_INDEX_VERSION = "1";
const SPAN = 2 ** 40;

/** The rowid range of a registry's live (or deleted) partition. */
export function partition(table: SearchTable, deleted = false): { lo: number; hi: number } {
  const p = SEARCH_REGISTRIES[table].code * 2 + (deleted ? 1 : 0);
  return { lo: p * SPAN, hi: p * SPAN + SPAN - 1 };
}

/** The indexed document of a record: folded name between markers, credit code, pinyin and initials. */
export function searchDocument(name: string, creditCode: string | null) {
  const folded = foldText(name);
  const py = pinyinOf(folded);
  const initials = py.altInitials ? `${py.initials} ${py.altInitials}` : py.initials;
  return {
    name: `^${folded}$`,
    code: creditCode ? `^${foldCode(creditCode)}$` : "",
    pinyin: py.full,
    initials,
    bigramName: bigrams(folded).join(" "),
    bigramInitials: [...new Set([...bigrams(py.initials), ...bigrams(py.altInitials)])].join(" "),
  };
}

type Stmts = {
  peek: Database.Statement;
  batch: Database.Statement;
  rows: Map<SearchTable, Database.Statement>;
  delIndex: Database.Statement;
  delBigram: Database.Statement;
  insIndex: Database.Statement;
  insBigram: Database.Statement;
  dequeue: Database.Statement;
};
const cache = new WeakMap<Database.Database, Stmts>();
function stmts(sqlite: Database.Database): Stmts {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      peek: sqlite.prepare("SELECT 1 FROM search_queue LIMIT 1"),
      batch: sqlite.prepare("SELECT key FROM search_queue ORDER BY key LIMIT ?").pluck(),
      rows: new Map(
        TABLES.map((t) => [
          t,
          sqlite.prepare(
            `SELECT id, name, ${SEARCH_REGISTRIES[t].creditCode ? "credit_code" : "NULL"} AS code, deleted_at IS NOT NULL AS deleted FROM ${t} WHERE id = ?`,
          ),
        ]),
      ),
      delIndex: sqlite.prepare("DELETE FROM search_index WHERE rowid IN (?, ?)"),
      delBigram: sqlite.prepare("DELETE FROM search_bigram WHERE rowid IN (?, ?)"),
      insIndex: sqlite.prepare("INSERT INTO search_index (rowid, name, code, pinyin, initials) VALUES (?, ?, ?, ?, ?)"),
      insBigram: sqlite.prepare("INSERT INTO search_bigram (rowid, name, initials) VALUES (?, ?, ?)"),
      dequeue: sqlite.prepare("DELETE FROM search_queue WHERE key = ?"),
    };
    cache.set(sqlite, s);
  }
  return s;
}

/**
 * Indexes every queued record (its current row, in the partition its deletion puts it in; a vanished row just
 * leaves the index). Runs in the caller's transaction, else in its own. Returns how many records it indexed.
 */
export function drainSearchQueue(sqlite: Database.Database, chunk = 20_000): number {
  const s = stmts(sqlite);
  if (!s.peek.get()) return 0;
  const run = () => {
    let n = 0;
    for (;;) {
      const keys = s.batch.all(chunk) as number[];
      if (keys.length === 0) return n;
      for (const key of keys) {
        const code = Math.floor(key / SPAN);
        const id = key - code * SPAN;
        const table = TABLE_OF.get(code);
        if (table) {
          const live = code * 2 * SPAN + id;
          const dead = (code * 2 + 1) * SPAN + id;
          s.delIndex.run(live, dead);
          s.delBigram.run(live, dead);
          const row = s.rows.get(table)!.get(id) as
            | { id: number; name: string; code: string | null; deleted: number }
            | undefined;
          if (row) {
            const d = searchDocument(row.name, row.code);
            const rowid = row.deleted ? dead : live;
            s.insIndex.run(rowid, d.name, d.code, d.pinyin, d.initials);
            s.insBigram.run(rowid, d.bigramName, d.bigramInitials);
          }
        }
        s.dequeue.run(key);
        n++;
      }
    }
  };
  return sqlite.inTransaction ? run() : sqlite.transaction(run)();
}

/**
 * Brings the index up to date on start (scripts/prepare-db.ts, the bench generator, tests): a version change
 * re-queues every record; then the queue is drained (the migration queued the records that existed before it).
 */
export function ensureSearchIndex(sqlite: Database.Database, log: (m: string) => void = () => {}): number {
  const v = sqlite.prepare("SELECT value FROM search_meta WHERE key = 'version'").pluck().get();
  if (v !== SEARCH_INDEX_VERSION) {
    sqlite.transaction(() => {
      for (const t of TABLES)
        sqlite
          .prepare(`INSERT OR IGNORE INTO search_queue (key) SELECT ? + id FROM ${t}`)
          .run(SEARCH_REGISTRIES[t].code * SPAN);
      sqlite
        .prepare(
          "INSERT INTO search_meta (key, value) VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .run(SEARCH_INDEX_VERSION);
    })();
  }
  const t0 = performance.now();
  const n = drainSearchQueue(sqlite);
  if (n) log(`搜索索引：已索引 ${n} 条记录（${Math.round(performance.now() - t0)} ms）`);
  return n;
}

/** The FTS5 MATCH strings of a parsed query: over search_index (3+ characters) and search_bigram (2). */
export function matchStrings(q: Extract<SearchQuery, { ok: true }>): { index: string | null; bigram: string | null } {
  const index: string[] = [];
  const bigram: string[] = [];
  const len = Array.from(q.text).length;
  if (len >= 3) index.push(`name : ${ftsPhrase(q.text)}`);
  else bigram.push(`name : ${ftsPhrase(q.text)}`);
  // A credit code: a fragment of 4+ anywhere; 2-3 characters only at its start.
  if (q.code) index.push(`code : ${ftsPhrase(q.code)}`);
  else if (/^[0-9a-z]{2,3}$/.test(q.text)) index.push(`code : ${ftsPhrase(`^${q.text.toUpperCase()}`)}`);
  if (q.pinyin) {
    if (q.pinyin.length >= 3) index.push(`{pinyin initials} : ${ftsPhrase(q.pinyin)}`);
    else bigram.push(`initials : ${ftsPhrase(q.pinyin)}`);
  }
  return { index: index.length ? index.join(" OR ") : null, bigram: bigram.length ? bigram.join(" OR ") : null };
}

/**
 * The records of a registry a parsed query matches, as SQL text with its parameters: `<id> IN (…)` over the live
 * (or deleted) partition. The lists' `?q=` and the global search share it.
 */
export function searchIdsSql(
  table: SearchTable,
  q: Extract<SearchQuery, { ok: true }>,
  deleted = false,
): { sql: string; params: (string | number)[] } {
  const { lo, hi } = partition(table, deleted);
  const m = matchStrings(q);
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (m.index) {
    parts.push("SELECT rowid - ? FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?");
    params.push(lo, m.index, lo, hi);
  }
  if (m.bigram) {
    parts.push("SELECT rowid - ? FROM search_bigram WHERE search_bigram MATCH ? AND rowid BETWEEN ? AND ?");
    params.push(lo, m.bigram, lo, hi);
  }
  return { sql: parts.join(" UNION "), params };
}

export { parseQuery };
