import "server-only";
import type Database from "better-sqlite3";
import { REGISTRY_RULES, ruleMembership, type SqlChunk, toRawSql } from "@/features/kpi/count-queries";

// The journal behind the board's incremental counts. TEMP triggers on this process's connection note, inside the
// writing transaction itself, which registry records a write touches, and keep each touched record's state as it
// was at its first touch (its "before-image": the enterprise row with its certificates, the institution row, the
// talent row). When the counts are next made current, each cached (rule, period) moves by
//   Σ membership(after) − Σ membership(before)   over the touched records only,
// with membership being THE rule definition (ruleMembership), once run against the live tables and once against
// the before-images. A count is a sum over records of a membership that depends only on that record's own rows and
// the dictionary, so the adjusted count equals a fresh COUNT(*). A dictionary change (it can move what a code
// means), or a journal larger than FULL_DROP_AT records (an import: a recount is cheaper than a long delta), is
// not adjusted: the caller drops the counts. The temp tables are part of the transaction, so a rolled-back write
// leaves no trace. Other connections and processes never see these triggers; their commits move PRAGMA
// data_version, which drops every cached count (registry-counts.ts).

/** Which registry's records a rule counts: e = enterprises (with their certificates), i = institutions, t = talents. */
export type SubjectKind = "e" | "i" | "t";
export function ruleSubject(rule: string): SubjectKind | null {
  const r = REGISTRY_RULES[rule];
  if (!r) return null;
  return r.kind === "qualification" ? "e" : r.kind === "institution" ? "i" : "t";
}

/** Above this many touched records the counts are recounted (cheaper than the delta, e.g. after an import). */
export const FULL_DROP_AT = 2_000;

// The columns a rule reads (ruleMembership). A rule reading another column fails loudly here ("no such column").
// An enterprise's image is its whole row instead (every column of main.enterprises, read when the journal is
// installed: `eCols`): the registry lists' totals and 合计 are kept current from the same images (registry-counts.ts),
// and their filters may read any column of the row.
const Q_COLS = "enterprise_id, type_id, deleted_at, review_state, awarded_date, expiry_date";
const I_COLS = "id, deleted_at, status, review_state, type_id, level, recognised_date";
const T_COLS = "id, deleted_at, review_state, category_id, recognised_year, kind";

const touched = (kind: string, id: string) =>
  `NOT EXISTS (SELECT 1 FROM temp.kpi_touched WHERE kind = '${kind}' AND id = ${id})`;
const snapEnterprise = (id: string, eCols: string) => `
  INSERT OR IGNORE INTO temp.kpi_old_enterprises SELECT ${eCols} FROM main.enterprises WHERE id = ${id} AND ${touched("e", id)};
  INSERT INTO temp.kpi_old_qualifications SELECT ${Q_COLS} FROM main.enterprise_qualifications WHERE enterprise_id = ${id} AND ${touched("e", id)};
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('e', ${id});`;
const snapRow = (kind: "i" | "t", table: string, cols: string, id: string) => `
  INSERT OR IGNORE INTO temp.kpi_old_${table} SELECT ${cols} FROM main.${table} WHERE id = ${id} AND ${touched(kind, id)};
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('${kind}', ${id});`;
const mark = "SELECT kpi_journal_dirty();";

/** The tables the board reads besides the registries: a write to any of them moves the board's inputs epoch. */
const BOARD_INPUTS = [
  "district_values",
  "city_totals",
  "indicator_targets",
  "indicators",
  "dictionary_items",
  "quarterly_reports",
];
const inputTriggers = BOARD_INPUTS.flatMap((t) =>
  ["INSERT", "UPDATE", "DELETE"].map(
    (op) =>
      `CREATE TEMP TRIGGER IF NOT EXISTS kpi_in_${t}_${op.toLowerCase()} AFTER ${op} ON main.${t} BEGIN SELECT kpi_inputs_changed(); END;`,
  ),
).join("\n");

const schema = (eCols: string) => `
CREATE TEMP TABLE IF NOT EXISTS kpi_touched (kind TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS kpi_old_enterprises (id INTEGER PRIMARY KEY, ${eCols.replace(/^id, /, "")});
CREATE TEMP TABLE IF NOT EXISTS kpi_old_qualifications (enterprise_id INTEGER, type_id, deleted_at, review_state, awarded_date, expiry_date);
CREATE INDEX IF NOT EXISTS temp.kpi_old_qualifications_e ON kpi_old_qualifications (enterprise_id);
CREATE TEMP TABLE IF NOT EXISTS kpi_old_institutions (id INTEGER PRIMARY KEY, deleted_at, status, review_state, type_id, level, recognised_date);
CREATE TEMP TABLE IF NOT EXISTS kpi_old_talents (id INTEGER PRIMARY KEY, deleted_at, review_state, category_id, recognised_year, kind);
CREATE TEMP TABLE IF NOT EXISTS kpi_new_enterprises (id INTEGER PRIMARY KEY, ${eCols.replace(/^id, /, "")});
CREATE TEMP TABLE IF NOT EXISTS kpi_new_qualifications (enterprise_id INTEGER, type_id, deleted_at, review_state, awarded_date, expiry_date);
CREATE INDEX IF NOT EXISTS temp.kpi_new_qualifications_e ON kpi_new_qualifications (enterprise_id);
CREATE TEMP TABLE IF NOT EXISTS kpi_new_institutions (id INTEGER PRIMARY KEY, deleted_at, status, review_state, type_id, level, recognised_date);
CREATE TEMP TABLE IF NOT EXISTS kpi_new_talents (id INTEGER PRIMARY KEY, deleted_at, review_state, category_id, recognised_year, kind);

CREATE TEMP TRIGGER IF NOT EXISTS kpi_e_ins AFTER INSERT ON main.enterprises BEGIN
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('e', NEW.id); ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_e_upd BEFORE UPDATE ON main.enterprises BEGIN ${snapEnterprise("OLD.id", eCols)} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_e_del BEFORE DELETE ON main.enterprises BEGIN ${snapEnterprise("OLD.id", eCols)} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_q_ins BEFORE INSERT ON main.enterprise_qualifications BEGIN ${snapEnterprise("NEW.enterprise_id", eCols)} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_q_upd BEFORE UPDATE ON main.enterprise_qualifications BEGIN
  ${snapEnterprise("OLD.enterprise_id", eCols)} ${snapEnterprise("NEW.enterprise_id", eCols)} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_q_del BEFORE DELETE ON main.enterprise_qualifications BEGIN ${snapEnterprise("OLD.enterprise_id", eCols)} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_i_ins AFTER INSERT ON main.institutions BEGIN
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('i', NEW.id); ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_i_upd BEFORE UPDATE ON main.institutions BEGIN ${snapRow("i", "institutions", I_COLS, "OLD.id")} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_i_del BEFORE DELETE ON main.institutions BEGIN ${snapRow("i", "institutions", I_COLS, "OLD.id")} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_t_ins AFTER INSERT ON main.talents BEGIN
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('t', NEW.id); ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_t_upd BEFORE UPDATE ON main.talents BEGIN ${snapRow("t", "talents", T_COLS, "OLD.id")} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_t_del BEFORE DELETE ON main.talents BEGIN ${snapRow("t", "talents", T_COLS, "OLD.id")} ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_d_ins AFTER INSERT ON main.dictionary_items BEGIN
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('d', 0); ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_d_upd AFTER UPDATE ON main.dictionary_items BEGIN
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('d', 0); ${mark} END;
CREATE TEMP TRIGGER IF NOT EXISTS kpi_d_del AFTER DELETE ON main.dictionary_items BEGIN
  INSERT OR IGNORE INTO temp.kpi_touched VALUES ('d', 0); ${mark} END;
${inputTriggers}
`;

type Journal = {
  /** Set by the triggers (a JS function, so checking costs no query); cleared when the journal is folded. */
  dirty: boolean;
  /** Moved by any write on this connection to a table the board reads besides the registries (BOARD_INPUTS). */
  inputsEpoch: number;
  stmts: Map<string, Database.Statement>;
  /**
   * The enterprise image's columns, as installed. Kept on the journal, not in this module: the app's bundles hold
   * several copies of the module, and the one that reads the journal may not be the one that installed it.
   */
  eCols: string;
};
const g = globalThis as unknown as { __kpiJournals?: WeakMap<Database.Database, Journal> };

/**
 * The journal of a connection, installed on first use (once; every module copy shares it through globalThis).
 * Null while the connection is inside a transaction and has no journal yet: the temp tables and triggers would
 * vanish with a rollback while the journal believed them there, so nothing may be cached until it is installed.
 */
export function journalOf(sqlite: Database.Database): Journal | null {
  g.__kpiJournals ??= new WeakMap();
  let j = g.__kpiJournals.get(sqlite);
  if (j) return j;
  if (sqlite.inTransaction) return null;
  const journal: Journal = { dirty: false, inputsEpoch: 0, stmts: new Map(), eCols: "" };
  sqlite.function("kpi_journal_dirty", { deterministic: false, varargs: false }, () => {
    journal.dirty = true;
    return null;
  });
  sqlite.function("kpi_inputs_changed", { deterministic: false, varargs: false }, () => {
    journal.inputsEpoch++;
    return null;
  });
  const cols = (sqlite.prepare("PRAGMA main.table_info(enterprises)").all() as { name: string; pk: number }[])
    .filter((c) => c.name !== "id")
    .map((c) => `"${c.name}"`);
  journal.eCols = ["id", ...cols].join(", ");
  sqlite.exec(schema(journal.eCols));
  g.__kpiJournals.set(sqlite, journal);
  j = journal;
  return j;
}

function stmt(j: Journal, sqlite: Database.Database, sql: string): Database.Statement {
  let s = j.stmts.get(sql);
  if (!s) {
    s = sqlite.prepare(sql).pluck();
    j.stmts.set(sql, s);
  }
  return s;
}

/** Empties the journal (after folding it, or when the counts it would adjust are dropped anyway). */
export function clearJournal(sqlite: Database.Database): void {
  const j = journalOf(sqlite);
  if (!j) return;
  sqlite.exec(
    [
      "touched",
      ...["old", "new"].flatMap((s) =>
        ["enterprises", "qualifications", "institutions", "talents"].map((t) => `${s}_${t}`),
      ),
    ]
      .map((t) => `DELETE FROM temp.kpi_${t};`)
      .join(" "),
  );
  j.dirty = false;
}

const TABLE_OF: Record<SubjectKind, string> = { e: "enterprises", i: "institutions", t: "talents" };

/**
 * What the journal says about a cached count: how much each (rule, period) moved since the journal was last
 * cleared, or "drop" when it cannot be adjusted exactly (a dictionary write, too many records). Call outside a
 * transaction (the journal then holds committed writes only), then clearJournal.
 */
export type JournalDelta =
  | { kind: "none" }
  | { kind: "drop"; reason: string }
  | {
      kind: "delta";
      subjects: Set<SubjectKind>;
      delta: (rule: string, period: string) => number;
      /** The same for any per-record membership of a registry, given its condition over the registry table. */
      deltaOf: (kind: SubjectKind, where: (from: { qualifications: string }) => SqlChunk[]) => number;
      /**
       * How far a registry list's aggregate over the enterprises moved (`select count(*)` or `select sum(x), count(x)
       * from "enterprises" where …`, as the list builds it): the statement run on the after-images minus on the
       * before-images, per selected column (both sides given, so a sum can be moved without rounding their
       * difference first; none when no enterprise was touched). Null when the statement reads anything but the enterprise
       * row and its certificates (a search, a join): it cannot be adjusted.
       */
      statementDelta: (sql: string, params: unknown[]) => { after: number[]; before: number[] } | null;
    };

export function readJournal(sqlite: Database.Database): JournalDelta {
  const j = journalOf(sqlite);
  if (!j?.dirty) return { kind: "none" };
  const rows = stmt(j, sqlite, "SELECT kind, count(*) AS n FROM temp.kpi_touched GROUP BY kind").pluck(false).all() as {
    kind: string;
    n: number;
  }[];
  if (rows.length === 0) return { kind: "none" }; // a rolled-back write
  if (rows.some((r) => r.kind === "d")) return { kind: "drop", reason: "dictionary" };
  const total = rows.reduce((s, r) => s + r.n, 0);
  if (total > FULL_DROP_AT) return { kind: "drop", reason: `${total} records` };
  const subjects = new Set(rows.map((r) => r.kind as SubjectKind));
  // The after-images: the touched records as committed now, copied beside their before-images, so both sides of
  // the delta are the same small evaluation (a membership test against the whole registry would read every
  // certificate of the type instead of the touched records').
  const touchedIds = (k: SubjectKind) => `(SELECT id FROM temp.kpi_touched WHERE kind = '${k}')`;
  if (subjects.has("e"))
    sqlite.exec(`INSERT INTO temp.kpi_new_enterprises SELECT ${j.eCols} FROM main.enterprises WHERE id IN ${touchedIds("e")};
      INSERT INTO temp.kpi_new_qualifications SELECT ${Q_COLS} FROM main.enterprise_qualifications WHERE enterprise_id IN ${touchedIds("e")};`);
  if (subjects.has("i"))
    sqlite.exec(
      `INSERT INTO temp.kpi_new_institutions SELECT ${I_COLS} FROM main.institutions WHERE id IN ${touchedIds("i")};`,
    );
  if (subjects.has("t"))
    sqlite.exec(`INSERT INTO temp.kpi_new_talents SELECT ${T_COLS} FROM main.talents WHERE id IN ${touchedIds("t")};`);
  const members = (where: (from: { qualifications: string }) => SqlChunk[], side: "old" | "new", table: string) => {
    const m = toRawSql(where({ qualifications: `temp.kpi_${side}_qualifications` }));
    return stmt(j, sqlite, `SELECT count(*) FROM temp."kpi_${side}_${table}" AS "${table}" WHERE ${m.sql}`).get(
      ...m.params,
    ) as number;
  };
  const deltaOf = (kind: SubjectKind, where: (from: { qualifications: string }) => SqlChunk[]) => {
    if (!subjects.has(kind)) return 0;
    const table = TABLE_OF[kind];
    return members(where, "new", table) - members(where, "old", table);
  };
  const statementDelta = (sql: string, params: unknown[]): { after: number[]; before: number[] } | null => {
    const on = (side: "old" | "new") => {
      const text = sql
        .replaceAll(' from "enterprises"', ` from temp."kpi_${side}_enterprises" AS "enterprises"`)
        .replaceAll(
          ' from "enterprise_qualifications"',
          ` from temp."kpi_${side}_qualifications" AS "enterprise_qualifications"`,
        );
      // Every table read must be an image: any other FROM, a join or the search index and it is not row-local.
      if (/\bjoin\b|search_index|json_each/i.test(text) || /\bfrom\s+(?!temp\.")/i.test(text)) return null;
      return text;
    };
    const [oldSql, newSql] = [on("old"), on("new")];
    if (!oldSql || !newSql) return null;
    if (!subjects.has("e")) return { after: [], before: [] };
    try {
      const row = (q: string) =>
        (
          Object.values(
            stmt(j, sqlite, q)
              .pluck(false)
              .get(...params) as object,
          ) as (number | null)[]
        ).map((v) => v ?? 0);
      return { after: row(newSql), before: row(oldSql) };
    } catch {
      // A column the images do not hold (a filter on another table's column): not adjustable.
      return null;
    }
  };
  return {
    kind: "delta",
    subjects,
    deltaOf,
    statementDelta,
    delta: (rule, period) => {
      const kind = ruleSubject(rule);
      if (!kind) return 0;
      return deltaOf(kind, (from) => ruleMembership(rule, period, from).where);
    },
  };
}
