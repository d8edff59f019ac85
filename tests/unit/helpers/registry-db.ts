import type Database from "better-sqlite3";
import { Writer } from "@/features/registry/write";
import type { DataScope } from "@/lib/scope";

// What the tests over a seeded registry database share: a staff account, a dictionary id, and a write through the
// one write path in its own transaction.

/** A staff account (no password that signs in), its id. */
export function insertStaff(sqlite: Database.Database, name: string): number {
  return Number(
    sqlite
      .prepare("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, 'staff', 'x')")
      .run(name, name).lastInsertRowid,
  );
}

/** The id of a dictionary item by kind and code. */
export function dictId(sqlite: Database.Database, kind: string, code: string): number {
  return sqlite
    .prepare("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?")
    .pluck()
    .get(kind, code) as number;
}

/** A write through the one write path in its own transaction, as `who`; an ActionError rolls it back. */
export function writeAs<T>(sqlite: Database.Database, who: number, scope: DataScope, fn: (w: Writer) => T): T {
  return sqlite.transaction(() => {
    const w = new Writer(sqlite, who, undefined, scope);
    const out = fn(w);
    w.finish();
    return out;
  })();
}
