import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { resolveDatabasePath } from "./path";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** Pragmas applied on every connection: durability first, then concurrency. */
export const PRAGMAS = {
  journal_mode: "wal",
  foreign_keys: 1,
  busy_timeout: 5000,
  synchronous: 2, // FULL
  temp_store: 2, // MEMORY
} as const;

export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma(`journal_mode = ${PRAGMAS.journal_mode.toUpperCase()}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
  sqlite.pragma("synchronous = FULL");
  // Statement journals (and sorts, temp tables) in memory: any row trigger on a registry table (the search index's,
  // the board's TEMP count journal) makes every INSERT/UPDATE on it a multi-write statement, which copies each page
  // it first touches (the table and its ~13 indexes) into a statement journal; in a temp file that cost ~16 µs an
  // insert at 100k, in memory ~6 µs.
  sqlite.pragma(`temp_store = ${PRAGMAS.temp_store}`);
  return sqlite;
}

type Conn = { sqlite: Database.Database; db: DB; file: string };
const globalForDb = globalThis as unknown as { __bureauDb?: Conn };

/** One connection per process (better-sqlite3 is synchronous; SQLite serialises writers). */
export function getConn(): Conn {
  const file = resolveDatabasePath();
  const cur = globalForDb.__bureauDb;
  if (cur && cur.file === file && cur.sqlite.open) return cur;
  const sqlite = openSqlite(file);
  const conn: Conn = { sqlite, db: drizzle(sqlite, { schema }), file };
  globalForDb.__bureauDb = conn;
  return conn;
}

export function getDb(): DB {
  return getConn().db;
}

export function closeDb(): void {
  globalForDb.__bureauDb?.sqlite.close();
  globalForDb.__bureauDb = undefined;
}
