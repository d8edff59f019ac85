// The floor: the SQL the server issues for scenarios 1–3, run directly with better-sqlite3 in this process (median
// of 200), plus the query plans of those statements. Imports the app's own query builders and board code, so the
// statements are the same ones, not a re-typed copy.
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { type DB, getConn } from "@/db";
import * as schema from "@/db/schema";
import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { type EnterpriseSearch, loadEnterpriseSearch } from "@/features/enterprises/validations";
import { columnOf } from "@/features/registry/define";
import {
  pageWindow,
  registryCountQuery,
  registryPageIdsQuery,
  registryRowsQuery,
  registrySumQuery,
} from "@/features/registry/query";
import { clampPage } from "@/lib/registry/search-params";
import { FULL_SCOPE } from "@/lib/scope";
import { median } from "./report";

export type FloorResult = { medianMs: number; statements: number; plans: PlanLine[] };
export type PlanLine = { sql: string; detail: string; fullScan: boolean };

type Recorded = { sql: string; args: unknown[] };

function measure(sqlite: Database.Database, recorded: Recorded[], runs = 200): FloorResult {
  const stmts = new Map<string, Database.Statement>();
  for (const r of recorded) if (!stmts.has(r.sql)) stmts.set(r.sql, sqlite.prepare(r.sql));
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    for (const r of recorded) {
      const st = stmts.get(r.sql) as Database.Statement;
      if (st.reader) st.all(...r.args);
      else st.run(...r.args);
    }
    if (i >= 5) times.push(performance.now() - t0);
  }
  return { medianMs: median(times), statements: recorded.length, plans: plans(sqlite, recorded) };
}

/** EXPLAIN QUERY PLAN of each distinct statement; a SCAN without an index (or a full index walk) is flagged. */
export function plans(sqlite: Database.Database, recorded: Recorded[]): PlanLine[] {
  const out: PlanLine[] = [];
  const seen = new Set<string>();
  for (const r of recorded) {
    if (seen.has(r.sql) || /^\s*PRAGMA/i.test(r.sql)) continue;
    seen.add(r.sql);
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[];
    for (const row of rows) {
      // "SCAN t" = every row of a table; "SCAN t USING (COVERING) INDEX" = every entry of an index. SEARCH = seek.
      const fullScan = /^SCAN /.test(row.detail) && !/^SCAN (json_each|CONSTANT ROW)/.test(row.detail);
      out.push({ sql: r.sql.replace(/\s+/g, " ").slice(0, 140), detail: row.detail, fullScan });
    }
  }
  return out;
}

/**
 * The statements the list page issues for these query parameters: the page's ids (from the nearer end of the sort
 * index), the total (second, where the correctness check reads it), the page's rows, and the 合计 of each summed column (the server keeps the total
 * and the 合计 until the next registry write; the floor reads them every time).
 */
export function listStatements(db: DB, query: Record<string, string>): Recorded[] {
  const search = loadEnterpriseSearch(new URLSearchParams(query)) as EnterpriseSearch & Record<string, unknown>;
  const { perPage, offset } = clampPage(search.page, search.perPage);
  const def = enterpriseRegistry;
  const b = enterpriseBinding;
  const count = registryCountQuery(db, def, b, search, false, FULL_SCOPE);
  const total = count.all()[0].n;
  const w = pageWindow(offset, perPage, total);
  const idsQuery = registryPageIdsQuery(db, def, b, search, false, FULL_SCOPE, w.reverse)
    .limit(w.limit)
    .offset(w.offset);
  const ids = (idsQuery.all() as { id: number }[]).map((r) => r.id);
  const out: Recorded[] = [idsQuery.toSQL(), count.toSQL()].map((q) => ({ sql: q.sql, args: q.params }));
  if (ids.length) {
    const rows = registryRowsQuery(db, def, b, ids).toSQL();
    out.push({ sql: rows.sql, args: rows.params });
  }
  for (const k of (def.list ?? []).filter((k) => columnOf(def, k).list?.sum)) {
    const q = registrySumQuery(db, def, b, search, false, FULL_SCOPE, [k]).toSQL();
    out.push({ sql: q.sql, args: q.params });
  }
  return out;
}

/** The list page's SQL (page + total) as the server builds it for these query parameters. */
export function listFloor(sqlite: Database.Database, query: Record<string, string>): FloorResult {
  const db = drizzle(sqlite, { schema }) as unknown as DB;
  return measure(sqlite, listStatements(db, query));
}

/**
 * Records every statement one board request issues (via the app's getBoard on the app's own connection), then
 * replays them. `warm` = registry counts already cached, as in the server's steady state.
 */
export async function boardStatements(period: string, warm: boolean): Promise<Recorded[]> {
  const { computeBoard: getBoard } = await import("@/features/kpi/board");
  const sqlite = getConn().sqlite;
  if (warm) getBoard(period);
  const recorded: Recorded[] = [];
  const origPrepare = sqlite.prepare;
  const wrap = (st: Database.Statement, sql: string) => {
    for (const m of ["all", "get", "run", "iterate"] as const) {
      const orig = st[m] as (...a: unknown[]) => unknown;
      (st as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        recorded.push({ sql, args });
        return orig.apply(st, args);
      };
    }
    return st;
  };
  sqlite.prepare = ((sql: string) => wrap(origPrepare.call(sqlite, sql), sql)) as typeof sqlite.prepare;
  // Statements prepared before tracing (cached by drizzle or the registry-count module) are traced too. The board's
  // non-registry inputs are read afresh (as after a write to them); the registry counts stay cached.
  (globalThis as { __boardInputs?: unknown }).__boardInputs = undefined;
  try {
    getBoard(period);
  } finally {
    sqlite.prepare = origPrepare;
  }
  return recorded;
}

/**
 * warm: the board's statements replayed (registry counts cached, the server's steady state).
 * cold: the whole in-process getBoard with the registry-count cache dropped before each run (what every request
 * would cost if the board rescanned the registries).
 */
export async function boardFloor(period: string): Promise<{ warm: FloorResult; coldMs: number }> {
  const { computeBoard: getBoard } = await import("@/features/kpi/board");
  const sqlite = getConn().sqlite;
  const warm = measure(sqlite, await boardStatements(period, true));
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    (globalThis as { __registryCountCache?: unknown }).__registryCountCache = undefined;
    const t0 = performance.now();
    getBoard(period);
    times.push(performance.now() - t0);
  }
  return { warm, coldMs: median(times) };
}
