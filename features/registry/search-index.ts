// 全局搜索's index (issue 18): one FTS5 trigram table over every searchable registry record (migrations 0019, 0025,
// 0026):
//   search_index  name = "^<folded name>$", code = "^<CREDIT CODE>$", pinyin (FULL, IN CONTEXT, WITHOUT THE CITY AND
//                 COMPANY-FORM WORDS, upper case: lib/search/normalise.ts, pinyinOf), initials = "<initials>$ <other
//                 reading's initials>$"
// detail=none, columnsize=0 keep maintenance cheap (the index holds which records have a trigram, nothing more): a
// substring is matched with GLOB (the trigrams narrow, the stored text confirms). The tokenizer is case-sensitive
// and the columns' alphabets tell them apart: names and initials lower case (and Han), codes and the pinyin upper
// case — so a 2-character fragment, the OR of the indexed trigrams that start with it (search_vocab; every fragment
// is followed by at least the $ marker), finds names (Han) or names and initials (latin) without reading a stored
// column. rowid = partition × 2^40 + record id, partition = registry
// code × 2 + deleted: a soft-deleted record leaves the live partition the searches read (an admin's 已删除 list
// reads the other one). Triggers on the registry tables queue every record whose name, credit code or deletion
// changed (search_queue); the write path drains the queue at the end of its batch, in its own transaction
// (features/registry/write.ts), readers drain whatever a raw writer left (a migration's backfill, a bulk load).
// Only names and credit codes are indexed: never a phone or an ID number.

import type Database from "better-sqlite3";
import {
  foldCode,
  foldText,
  ftsPhrase,
  parseQuery,
  pinyinOf,
  pinyinWord,
  type SearchQuery,
} from "@/lib/search/normalise";

/**
 * The tables in the index: their code (in the rowid), whether they carry a credit code, the column holding the
 * name and whether rows are soft-deleted. 政策兑现's award lines are found by the enterprise name and credit code
 * they were computed with (a line is removed, never soft-deleted, when its batch is recomputed).
 */
export const SEARCH_REGISTRIES = {
  enterprises: { code: 1, creditCode: true, nameCol: "name", softDelete: true },
  institutions: { code: 2, creditCode: false, nameCol: "name", softDelete: true },
  incubators: { code: 3, creditCode: false, nameCol: "name", softDelete: true },
  talents: { code: 4, creditCode: false, nameCol: "name", softDelete: true },
  award_lines: { code: 5, creditCode: true, nameCol: "enterprise_name", softDelete: false },
} as const;
export type SearchTable = keyof typeof SEARCH_REGISTRIES;
const TABLES = Object.keys(SEARCH_REGISTRIES) as SearchTable[];
const TABLE_OF = new Map(TABLES.map((t) => [SEARCH_REGISTRIES[t].code as number, t]));

/** Bump when the folding or the document shape changes: every record is re-indexed on the next start. */
export const SEARCH_INDEX_VERSION = "3";
const SPAN = 2 ** 40;

/** The rowid range of a registry's live (or deleted) partition. */
export function partition(table: SearchTable, deleted = false): { lo: number; hi: number } {
  const p = SEARCH_REGISTRIES[table].code * 2 + (deleted ? 1 : 0);
  return { lo: p * SPAN, hi: p * SPAN + SPAN - 1 };
}

/**
 * The indexed document of a record: folded name between markers, credit code, pinyin (upper case: its trigrams
 * are never a name's or the initials') and initials.
 */
export function searchDocument(name: string, creditCode: string | null) {
  const folded = foldText(name);
  const py = pinyinOf(folded);
  return {
    name: `^${folded}$`,
    code: creditCode ? `^${foldCode(creditCode)}$` : "",
    pinyin: py.core.toUpperCase(),
    initials: py.initials ? `${py.initials}$${py.altInitials ? ` ${py.altInitials}$` : ""}` : "",
  };
}

type Stmts = {
  peek: Database.Statement;
  batch: Database.Statement;
  rows: Map<SearchTable, Database.Statement>;
  del: Database.Statement;
  ins: Database.Statement;
  dequeue: Database.Statement;
  maxIndexed: Database.Statement;
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
            `SELECT ${SEARCH_REGISTRIES[t].nameCol} AS name, ${SEARCH_REGISTRIES[t].creditCode ? "credit_code" : "NULL"} AS code,
               ${SEARCH_REGISTRIES[t].softDelete ? "deleted_at IS NOT NULL" : "0"} AS deleted FROM ${t} WHERE id = ?`,
          ),
        ]),
      ),
      // One rowid per statement: FTS5 seeks a rowid equality, while `rowid IN (…)` would scan the table.
      del: sqlite.prepare("DELETE FROM search_index WHERE rowid = ?"),
      ins: sqlite.prepare("INSERT INTO search_index (rowid, name, code, pinyin, initials) VALUES (?, ?, ?, ?, ?)"),
      dequeue: sqlite.prepare("DELETE FROM search_queue WHERE key <= ?"),
      // FTS5's own content table (one row per indexed document, id = its rowid): a B-tree search, where the same
      // question of search_index walks the partition (1.6 ms at 100k, 26 ms for an empty partition).
      maxIndexed: sqlite.prepare("SELECT max(id) FROM search_index_content WHERE id BETWEEN ? AND ?").pluck(),
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
      // The highest id indexed in each partition when the batch starts: a record above both of its registry's is
      // new (an insert, an import's rows) and has no entry to remove — two FTS5 deletes a record saved (~2 µs).
      // Asked only for a large batch (an import): the question costs ~4 µs a partition.
      const top = new Map<number, number>();
      const bulk = keys.length >= 64;
      const highest = (p: number) => {
        let h = top.get(p);
        if (h === undefined) {
          const r = s.maxIndexed.get(p * SPAN, p * SPAN + SPAN - 1) as number | null;
          h = r === null ? -1 : r - p * SPAN;
          top.set(p, h);
        }
        return h;
      };
      for (const key of keys) {
        const code = Math.floor(key / SPAN);
        const id = key - code * SPAN;
        const table = TABLE_OF.get(code);
        if (!table) continue;
        const live = code * 2 * SPAN + id;
        const dead = (code * 2 + 1) * SPAN + id;
        if (!bulk || id <= highest(code * 2) || id <= highest(code * 2 + 1)) {
          s.del.run(live);
          s.del.run(dead);
        }
        const row = s.rows.get(table)!.get(id) as { name: string; code: string | null; deleted: number } | undefined;
        if (row) {
          const d = searchDocument(row.name, row.code);
          s.ins.run(row.deleted ? dead : live, d.name, d.code, d.pinyin, d.initials);
          forgetFragments(sqlite, d);
        }
      }
      // Keys come in order: everything up to the last one is done.
      s.dequeue.run(keys[keys.length - 1]);
      n += keys.length;
    }
  };
  const n = sqlite.inTransaction ? run() : sqlite.transaction(run)();
  if (n > 0) scheduleMerge(sqlite);
  return n;
}

/**
 * FTS5 keeps the index as segments: every committed write adds a small one, and merging them keeps searches
 * reading few. FTS5's own merging (automerge) runs inside the write that fills a level — committing 1,000 new
 * documents paid 9–31 ms of merging three times in five (~2.5 ms without). Migration 0026 turns it off (automerge =
 * 0; FTS5 still merges inside a write at 16 segments on a level, crisismerge); the merging is done here instead,
 * after the write has committed and its reply has gone: the index's content is complete when the write commits,
 * only its layout is tidied later. A step merges ~MERGE_PAGES pages (a few ms, so a request arriving meanwhile waits little), then
 * yields; steps go on while FTS5 reports work done (total_changes moves by 2 or more).
 */
const MERGE_DELAY_MS = 50;
const MERGE_BUSY_RETRY_MS = 250;
const MERGE_PAGES = 64;
const merging = new WeakSet<Database.Database>();
function scheduleMerge(sqlite: Database.Database): void {
  if (merging.has(sqlite)) return;
  merging.add(sqlite);
  const step = () => {
    if (!sqlite.open) return void merging.delete(sqlite);
    // A transaction of the caller still open (a script's batch): later.
    if (sqlite.inTransaction) return void setTimeout(step, MERGE_DELAY_MS).unref();
    // Never wait for another connection's write lock here: the wait would hold up every request of this process
    // (better-sqlite3 waits synchronously, up to the connection's busy_timeout). Busy: try again a little later.
    const busyTimeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
    let more: boolean;
    try {
      sqlite.pragma("busy_timeout = 0");
      more = mergeSearchIndex(sqlite, MERGE_PAGES);
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY"))
        return void setTimeout(step, MERGE_BUSY_RETRY_MS).unref();
      // Anything else (closed meanwhile): the next write schedules merging again.
      return void merging.delete(sqlite);
    } finally {
      if (sqlite.open) sqlite.pragma(`busy_timeout = ${busyTimeout}`);
    }
    if (more) setTimeout(step, 1).unref();
    else merging.delete(sqlite);
  };
  setTimeout(step, MERGE_DELAY_MS).unref();
}

/** One merge step of about `pages` pages; true when FTS5 did some work (more may remain). */
export function mergeSearchIndex(sqlite: Database.Database, pages: number): boolean {
  const before = sqlite.prepare("SELECT total_changes()").pluck().get() as number;
  sqlite.prepare("INSERT INTO search_index (search_index, rank) VALUES ('merge', ?)").run(pages);
  return (sqlite.prepare("SELECT total_changes()").pluck().get() as number) - before >= 2;
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
  // A bulk build leaves many FTS5 segments; merged now, so later small writes never pay for merging them (an
  // unmerged 1M-record index made an occasional single write take 0.7 s, blocking the server meanwhile).
  if (n >= 10_000) sqlite.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
  if (n) log(`搜索索引：已索引 ${n} 条记录（${Math.round(performance.now() - t0)} ms）`);
  return n;
}

type VocabCache = { dataVersion: Database.Statement; seen: number; lists: Map<string, string[]> };
const vocabCaches = new WeakMap<Database.Database, VocabCache>();

/**
 * The connection's cache of 2-character fragments' trigram lists, emptied when another connection or process has
 * committed since (PRAGMA data_version): a record indexed there (a second server, a script draining the queue)
 * may bring a trigram no cached list holds. This connection's own writes drop only what they touch (forgetFragments).
 */
function vocabCacheOf(sqlite: Database.Database): Map<string, string[]> {
  let c = vocabCaches.get(sqlite);
  if (!c) {
    c = { dataVersion: sqlite.prepare("PRAGMA data_version").pluck(), seen: -1, lists: new Map() };
    vocabCaches.set(sqlite, c);
  }
  const v = c.dataVersion.get() as number;
  if (v !== c.seen) {
    c.lists.clear();
    c.seen = v;
  }
  return c.lists;
}

/**
 * A newly indexed document may add trigrams to the vocabulary: the cached trigram lists of the 2-character
 * fragments its name and initials start a trigram with are dropped (only those: a write no longer empties the
 * whole cache, which made every 2-character search after a write list the vocabulary again). A fragment is lower
 * case or Han, so only these two columns can add to its list (codes and the pinyin are upper case). A trigram that
 * disappears (a rename, a delete) may stay listed: a term without postings matches nothing.
 */
function forgetFragments(sqlite: Database.Database, d: { name: string; initials: string }): void {
  const cache = vocabCaches.get(sqlite)?.lists;
  if (!cache || cache.size === 0) return;
  for (const text of [d.name, d.initials]) {
    const chars = Array.from(text);
    for (let i = 0; i + 3 <= chars.length; i++) cache.delete(`${chars[i]}${chars[i + 1]}`);
  }
}

/**
 * One way a query matches: a WHERE clause over search_index (its columns prefixed by `a`, the table's alias and a
 * dot, or nothing) and its parameter.
 */
export type SearchClause = { where: (a: string) => string; param: string; kind: "name" | "code" | "pinyin" };

/** A GLOB over a stored column: FTS5 narrows by the pattern's trigrams (3+ characters), the stored text confirms. */
const glob = (col: string, pattern: string, kind: SearchClause["kind"]): SearchClause => ({
  where: (a) => `${a}${col} GLOB ?`,
  param: pattern,
  kind,
});

/**
 * A name substring of 3+: the trigram GLOB, except for a mix of latin letters and digits (a code typed into the
 * box, 500gxfa): its trigrams with a letter are asked for and the stored name confirms the whole text, as for
 * credit codes (below). The folded text holds letters and digits only: never a GLOB wildcard.
 */
function nameClause(text: string, prefix = false): SearchClause {
  const pattern = prefix ? `^${text}*` : `*${text}*`;
  if (!/^[0-9a-z]+$/.test(text) || !/[0-9]/.test(text)) return glob("name", pattern, "name");
  const rare = rareTrigrams(text);
  return {
    where: (a) => `${a}search_index MATCH ? AND (${a}name || '') GLOB '${pattern}'`,
    param: rare.map(ftsPhrase).join(" AND "),
    kind: "name",
  };
}

/** The names that start with the query (for ranking exact and prefix matches first); none for digits only. */
export function prefixClause(q: Extract<SearchQuery, { ok: true }>): SearchClause | null {
  return /^[0-9]+$/.test(q.text) ? null : nameClause(q.text, true);
}

/** The last three distinct trigrams of a letters-and-digits text that hold a letter (digit runs are common). */
function rareTrigrams(s: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) if (/[A-Za-z]/.test(s.slice(i, i + 3))) grams.push(s.slice(i, i + 3));
  return [...new Set(grams)].slice(-3);
}

/**
 * A credit-code fragment of 4+: every credit code of the district shares its first characters (91500112…), so a
 * trigram GLOB over the fragment would read the posting list of a trigram nearly every record has ("500" at 1M: a
 * million entries). The fragment's trigrams with a letter are rare: the index is asked for those (all must occur
 * in the record), and the stored code confirms the whole fragment outside the index (an expression FTS5 does not
 * take as its own constraint). A fragment of digits only keeps the GLOB.
 */
function codeClause(code: string): SearchClause {
  const c = code.toUpperCase();
  const rare = rareTrigrams(c);
  if (rare.length === 0) return glob("code", `*${c}*`, "code");
  // The fragment is letters and digits only (foldCode): safe as a literal.
  return {
    where: (a) => `${a}search_index MATCH ? AND (${a}code || '') GLOB '*${c}*'`,
    param: rare.map(ftsPhrase).join(" AND "),
    kind: "code",
  };
}

/**
 * A 2-character fragment: the indexed trigrams that start with it (at most 500), as one MATCH. A fragment with a
 * Han character can only be in a name, and a latin one only in a name or the initials (upper-case codes and pinyin
 * never hold a lower-case trigram); a latin fragment is searched in both anyway, so the index answers alone —
 * except for letters with digits (no pinyin match is sought): the stored name confirms. None indexed: the
 * fragment occurs nowhere.
 */
function fragmentClause(sqlite: Database.Database, two: string, kind: SearchClause["kind"]): SearchClause[] {
  // The vocabulary counts each term's postings as it lists it (20 ms for 科技 at 1M): a fragment's list is kept
  // until this connection indexes a document with a trigram starting with it (forgetFragments), or another
  // connection commits (vocabCacheOf).
  const vocabCache = vocabCacheOf(sqlite);
  let terms = vocabCache.get(two);
  if (!terms) {
    terms = sqlite
      .prepare("SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT 500")
      .pluck()
      .all(two, `${two}\u{10ffff}`) as string[];
    if (vocabCache.size > 20_000) vocabCache.clear();
    vocabCache.set(two, terms);
  }
  if (terms.length === 0) return [];
  const param = terms.map(ftsPhrase).join(" OR ");
  const confirm = /^[0-9a-z]+$/.test(two) && /[0-9]/.test(two);
  return [
    {
      where: (a) => `${a}search_index MATCH ?${confirm ? ` AND (${a}name || '') GLOB '*${two}*'` : ""}`,
      param,
      kind,
    },
  ];
}

/**
 * The clauses a parsed query matches by: a name substring (2 characters: through the vocabulary), a credit-code
 * fragment of 4+ anywhere (2–3 letters or digits: the start of a code), the full pinyin or the initials (latin
 * letters only). The folded text holds letters and digits only, so no GLOB wildcard or FTS syntax reaches SQL.
 */
export function searchClauses(sqlite: Database.Database, q: Extract<SearchQuery, { ok: true }>): SearchClause[] {
  const out: SearchClause[] = [];
  const len = Array.from(q.text).length;
  // Digits only: a credit-code fragment. Its trigrams are in nearly every credit code, and FTS5 keeps one posting
  // list per trigram for all columns, so asking the names for them would read a million postings to find none.
  if (/^[0-9]+$/.test(q.text)) {
    // (names are found by their other characters)
  } else if (len >= 3) out.push(nameClause(q.text));
  // A latin 2-character fragment: the one clause finds it in the names and the initials (below).
  else out.push(...fragmentClause(sqlite, q.text, q.pinyin ? "pinyin" : "name"));
  if (q.code) out.push(codeClause(q.code));
  else if (/^[0-9a-z]{2,3}$/.test(q.text)) out.push(glob("code", `^${q.text.toUpperCase()}*`, "code"));
  if (q.pinyin && q.pinyin.length >= 3) {
    // The indexed pinyin leaves out the city and the company forms: those words are looked up as characters.
    const w = pinyinWord(q.pinyin);
    if ("han" in w)
      out.push(
        ...(w.han.length === 2 ? fragmentClause(sqlite, w.han, "pinyin") : [glob("name", `*${w.han}*`, "pinyin")]),
      );
    else out.push(glob("pinyin", `*${w.core.toUpperCase()}*`, "pinyin"));
    out.push(glob("initials", `*${q.pinyin}*`, "pinyin"));
  }
  return out;
}

/**
 * The records of a registry a parsed query matches, as SQL text with its parameters: a UNION of index lookups
 * over the live (or deleted) partition, giving record ids. The lists' `?q=` uses it; the global search runs the
 * same clauses one by one.
 */
export function searchIdsSql(
  sqlite: Database.Database,
  table: SearchTable,
  q: Extract<SearchQuery, { ok: true }>,
  deleted = false,
): { sql: string; params: (string | number)[] } {
  const { lo, hi } = partition(table, deleted);
  const clauses = searchClauses(sqlite, q);
  if (clauses.length === 0) return { sql: "SELECT NULL WHERE 0", params: [] };
  return {
    sql: clauses
      .map((c) => `SELECT rowid - ${lo} FROM search_index WHERE ${c.where("")} AND rowid BETWEEN ${lo} AND ${hi}`)
      .join(" UNION "),
    params: clauses.map((c) => c.param),
  };
}

export { parseQuery };
