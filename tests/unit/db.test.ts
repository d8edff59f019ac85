import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, integrityCheck, restoreDatabase } from "@/db/backup";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import { resolveDatabasePath } from "@/db/path";
import * as schema from "@/db/schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-db-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function freshDb(name: string) {
  const file = path.join(dir, name);
  const sqlite = openSqlite(file);
  const db = drizzle(sqlite, { schema });
  runMigrations(db);
  return { file, sqlite, db };
}

describe("connection pragmas", () => {
  it("WAL, foreign keys on, busy timeout 5000, synchronous FULL, temp store in memory", () => {
    const { sqlite } = freshDb("pragmas.db");
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("temp_store", { simple: true })).toBe(2);
    sqlite.close();
  });
  it("foreign keys are enforced", () => {
    const { sqlite } = freshDb("fk.db");
    expect(() => sqlite.prepare("INSERT INTO sessions (id, user_id) VALUES ('x', 999)").run()).toThrow(/FOREIGN KEY/);
    sqlite.close();
  });
});

describe("DATABASE_URL", () => {
  it("accepts file: URLs and plain paths", () => {
    expect(resolveDatabasePath("file:/tmp/a.db")).toBe("/tmp/a.db");
    expect(resolveDatabasePath("/tmp/b.db")).toBe("/tmp/b.db");
    expect(resolveDatabasePath("file:rel/c.db")).toBe(path.resolve("rel/c.db"));
    expect(resolveDatabasePath(undefined)).toBe(path.resolve("data/bureau.db"));
  });
});

describe("append-only logs", () => {
  it("refuses UPDATE and DELETE on operation_logs and login_logs", () => {
    const { sqlite } = freshDb("append.db");
    sqlite.prepare("INSERT INTO operation_logs (action, result) VALUES ('x', 'ok')").run();
    sqlite.prepare("INSERT INTO login_logs (username, success, reason) VALUES ('a', 1, 'ok')").run();
    expect(() => sqlite.prepare("UPDATE operation_logs SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM operation_logs").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE login_logs SET success = 0").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM login_logs").run()).toThrow(/append-only/);
    sqlite.close();
  });
});

describe("backup and restore", () => {
  it("an online backup passes integrity_check and restores the data", async () => {
    const { file, sqlite } = freshDb("live.db");
    sqlite.prepare("INSERT INTO dictionary_items (kind, code, label) VALUES ('park', 'p1', '园区一')").run();
    // The backup runs while the live connection is open (online backup).
    const { file: copy, integrity } = await backupDatabase(file, path.join(dir, "backups"));
    expect(integrity).toBe("ok");
    expect(integrityCheck(copy)).toBe("ok");

    sqlite.prepare("INSERT INTO dictionary_items (kind, code, label) VALUES ('park', 'p2', '园区二')").run();
    sqlite.close();
    const { previous } = restoreDatabase(copy, file, path.join(dir, "backups"));
    expect(previous && fs.existsSync(previous)).toBeTruthy();

    const restored = new Database(file, { readonly: true });
    expect(restored.prepare("SELECT group_concat(code) FROM dictionary_items WHERE kind = 'park'").pluck().get()).toBe(
      "p1",
    );
    restored.close();
    // The pre-restore copy still holds the later row: a restore can itself be undone.
    const kept = new Database(previous as string, { readonly: true });
    expect(kept.prepare("SELECT count(*) FROM dictionary_items WHERE kind = 'park'").pluck().get()).toBe(2);
    kept.close();
  });

  it("refuses to restore a corrupt file", () => {
    const bad = path.join(dir, "bad.db");
    fs.writeFileSync(bad, "not a database");
    expect(() => restoreDatabase(bad, path.join(dir, "target.db"), path.join(dir, "backups"))).toThrow();
  });
});
