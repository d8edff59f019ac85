// 全局搜索 (issue 18) in the bench: the queries (picked from the generated data), their in-process floor, the cost
// of keeping the index inside the write path's transaction (single enterprise writes and an import, with and
// without the index; every measured write is rolled back) and the index's size on disk.
import Database from "better-sqlite3";
import type { DB } from "@/db";
import { enterpriseWrites } from "@/features/enterprises/writes";
import { applyPlan, type ImportPlan, planImport } from "@/features/import/engine";
import { REGISTRY_SPECS } from "@/features/import/registries";
import { templateHeader } from "@/features/import/template";
import { drainSearchQueue, mergeSearchIndex, SEARCH_REGISTRIES } from "@/features/registry/search-index";
import { createRecord, updateRecord, Writer } from "@/features/registry/write";
import { globalSearch } from "@/features/search/global";
import { makeCreditCode } from "@/lib/credit-code";
import { readWorkbook } from "@/lib/import/workbook";
import { FULL_SCOPE } from "@/lib/scope";
import { foldText, pinyinOf } from "@/lib/search/normalise";
import { median } from "./report";

export type SearchQueries = { name: string; code: string; initials: string };

/**
 * The three queries: a 2-character name fragment (the hardest index path: the trigrams that start with it), the
 * middle of a credit code typed with a space, and the pinyin initials of a name's distinctive words. Taken from a
 * row near the middle.
 */
export function pickSearchQueries(sqlite: Database.Database): SearchQueries {
  const r = sqlite
    .prepare(
      "SELECT name, credit_code FROM enterprises WHERE deleted_at IS NULL AND id = (SELECT max(id) / 2 FROM enterprises)",
    )
    .get() as { name: string; credit_code: string };
  const words = foldText(r.name.replace(/^(示例·)?重庆/, ""));
  const c = r.credit_code;
  return {
    name: Array.from(words).slice(0, 2).join(""),
    code: `${c.slice(10, 14)} ${c.slice(14, 17)}`,
    initials: pinyinOf(Array.from(words).slice(0, 4).join("")).initials,
  };
}

export type SearchFloor = { label: string; q: string; medianMs: number; total: number };

/** Median of 200 in-process global searches (admin scope: every registry), with the enterprise count found. */
export function searchFloor(db: DB, qs: SearchQueries): SearchFloor[] {
  return (Object.entries(qs) as [keyof SearchQueries, string][]).map(([label, q]) => {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 205; i++) {
      const t0 = performance.now();
      const r = globalSearch(db, { scope: FULL_SCOPE, canEdit: true, awards: true }, q);
      if (i >= 5) times.push(performance.now() - t0);
      total = r.ok ? (r.groups.find((g) => g.registry === "enterprises")?.total ?? 0) : 0;
    }
    return { label, q, medianMs: median(times), total };
  });
}

const TRIGGERS = ["ai", "au", "ad"].flatMap((k) => Object.keys(SEARCH_REGISTRIES).map((t) => `${t}_search_${k}`));

/** Runs `fn` in a transaction that is rolled back; `withIndex` false drops the search triggers inside it first. */
function rolledBack(sqlite: Database.Database, withIndex: boolean, fn: () => void): number {
  let ms = 0;
  const ddl = new Map(
    (
      sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
        sql: string;
      }[]
    )
      .filter((t) => TRIGGERS.includes(t.name))
      .map((t) => [t.name, t.sql]),
  );
  sqlite.exec("BEGIN");
  try {
    if (!withIndex) for (const name of ddl.keys()) sqlite.exec(`DROP TRIGGER ${name}`);
    const t0 = performance.now();
    fn();
    ms = performance.now() - t0;
  } finally {
    sqlite.exec("ROLLBACK");
  }
  return ms;
}

export type MaintenanceResult = {
  writeMs: { with: number; without: number };
  importRowsPerSecond: { with: number; without: number };
  importRows: number;
};

/**
 * Index maintenance: `writes` enterprise creates + updates through the write path, and an import of `rows` rows
 * (plan + apply, the import's own path), each with and without the index, alternated 3 times (best of 3 each).
 */
export async function maintenanceCost(
  sqlite: Database.Database,
  writes: number,
  rows: number,
): Promise<MaintenanceResult> {
  const userId = sqlite.prepare("SELECT id FROM users WHERE username = 'staff'").pluck().get() as number;
  const street = sqlite
    .prepare("SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id")
    .pluck()
    .get() as number;
  const BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const code = (prefix: string, i: number) => {
    let body = prefix;
    for (let n = i, k = 0; k < 9 - prefix.length; k++, n = Math.floor(n / BODY.length)) body += BODY[n % BODY.length];
    return makeCreditCode("91", "500112", body);
  };
  const values = (i: number) => ({
    name: `重庆搜索基准${i}号科技有限公司`,
    creditCode: code("QW", i),
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
  const writeRun = (withIndex: boolean) =>
    rolledBack(sqlite, withIndex, () => {
      const w = new Writer(sqlite, userId);
      for (let i = 0; i < writes; i++) {
        const { id } = createRecord(w, enterpriseWrites, values(i));
        updateRecord(
          w,
          enterpriseWrites,
          { id, version: 1 },
          { ...values(i), name: `重庆搜索基准${i}号智能科技有限公司` },
        );
      }
      w.finish();
    }) /
    (writes * 2);

  // The workbook: the template's columns, `rows` new enterprises.
  const ExcelJS = (await import("exceljs")).default;
  const [ENT, QUAL, ANNUAL] = REGISTRY_SPECS.enterprise.sheets;
  const wb = new ExcelJS.Workbook();
  for (const spec of [ENT, QUAL, ANNUAL]) {
    const ws = wb.addWorksheet(spec === ENT ? "企业" : spec === QUAL ? "资质" : "年度数据");
    ws.addRow(spec.columns.map(templateHeader));
    if (spec === ENT)
      for (let i = 0; i < rows; i++)
        ws.addRow([
          `重庆导入基准${i}号科技有限公司`,
          code("QX", i),
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
        ]);
  }
  const sheets = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
  const importRun = (withIndex: boolean) => {
    let plan: ImportPlan | undefined;
    const ms = rolledBack(sqlite, withIndex, () => {
      plan = planImport(sqlite, "enterprise", sheets);
      applyPlan(sqlite, plan, { userId, now: new Date().toISOString() });
    });
    if (plan?.errors.length) throw new Error(`bench import: ${plan.errors.length} row errors`);
    return rows / (ms / 1000);
  };
  const w = { with: Number.POSITIVE_INFINITY, without: Number.POSITIVE_INFINITY };
  const imp = { with: 0, without: 0 };
  for (let k = 0; k < 3; k++) {
    w.without = Math.min(w.without, writeRun(false));
    w.with = Math.min(w.with, writeRun(true));
    imp.without = Math.max(imp.without, importRun(false));
    imp.with = Math.max(imp.with, importRun(true));
  }
  return { writeMs: w, importRowsPerSecond: imp, importRows: rows };
}

/** The index's size on disk (search_index's FTS5 shadow tables), in MB. */
export function searchIndexSizeMb(sqlite: Database.Database): { index: number; file: number } {
  const size = (like: string) =>
    ((sqlite.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?").pluck().get(like) as number | null) ?? 0) /
    2 ** 20;
  const file =
    ((sqlite.pragma("page_count", { simple: true }) as number) *
      (sqlite.pragma("page_size", { simple: true }) as number)) /
    2 ** 20;
  return { index: size("search_index%"), file };
}

/**
 * Copies the WAL back into the database file (from a connection of its own, the server idle), so that each measured
 * import starts from an empty WAL: otherwise one side could pay the checkpoint of the other's pages (the untimed
 * indexing after an import without the index adds several MB to the WAL).
 */
export function checkpoint(dbFile: string): void {
  const db = new Database(dbFile);
  try {
    db.pragma("busy_timeout = 10000");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

/** Every merge FTS5 has to do, done now. */
function mergeAll(db: Database.Database): void {
  while (mergeSearchIndex(db, 500)) {}
}

/**
 * Finishes the index's merging left after a write (the server merges it after the reply, features/registry/
 * search-index.ts), from a connection of its own: no measured request then shares the machine with the merging of
 * the one before. Returns how long the merging left took (ms).
 */
export function settleSearchIndex(dbFile: string): number {
  const db = new Database(dbFile);
  try {
    db.pragma("busy_timeout = 10000");
    const t0 = performance.now();
    mergeAll(db);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/**
 * Runs `fn` (a request to the server) with the search triggers dropped from the database file by another
 * connection, as if the index did not exist; then restores them, queues the records written meanwhile and indexes
 * them (here, untimed), so the index is complete again and the next measured request pays only for its own records
 * (left queued, the server's next import drained them too: the import "with the index" indexed twice its rows).
 */
export async function withoutSearchIndex<T>(dbFile: string, fn: () => Promise<T>): Promise<T> {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 10000");
  const ddl = (
    db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]
  ).filter((t) => TRIGGERS.includes(t.name));
  const tables = Object.entries(SEARCH_REGISTRIES) as [keyof typeof SEARCH_REGISTRIES, { code: number }][];
  const maxId = new Map(
    tables.map(([t]) => [t, (db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number) ?? 0]),
  );
  db.transaction(() => {
    for (const t of ddl) db.exec(`DROP TRIGGER ${t.name}`);
  })();
  try {
    return await fn();
  } finally {
    db.transaction(() => {
      for (const t of ddl) db.exec(t.sql);
      for (const [t, { code }] of tables)
        db.prepare(`INSERT OR IGNORE INTO search_queue (key) SELECT ? + id FROM ${t} WHERE id > ?`).run(
          code * 2 ** 40,
          maxId.get(t) ?? 0,
        );
    })();
    drainSearchQueue(db);
    mergeAll(db);
    db.close();
  }
}
