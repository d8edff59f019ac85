import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\..+/, "").replace("T", "-");
}

export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

/** Online backup (readers and writers keep working) into dir, then integrity_check on the copy. */
export async function backupDatabase(source: string, dir: string): Promise<{ file: string; integrity: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bureau-${stamp()}.db`);
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  const integrity = integrityCheck(file);
  if (integrity !== "ok") throw new Error(`备份文件完整性检查未通过：${integrity}`);
  return { file, integrity };
}

/**
 * Restores a backup over the live database file. The server must be stopped. The current file is
 * kept beside the backups first, so a restore can itself be undone.
 */
export function restoreDatabase(backupFile: string, target: string, keepDir: string): { previous: string | null } {
  const integrity = integrityCheck(backupFile);
  if (integrity !== "ok") throw new Error(`备份文件完整性检查未通过：${integrity}`);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the WAL into the main file so the kept copy is complete.
    const cur = new Database(target);
    cur.pragma("wal_checkpoint(TRUNCATE)");
    cur.close();
    fs.mkdirSync(keepDir, { recursive: true });
    previous = path.join(keepDir, `pre-restore-${stamp()}.db`);
    fs.copyFileSync(target, previous);
  }
  for (const ext of ["-wal", "-shm"]) fs.rmSync(target + ext, { force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(backupFile, target);
  return { previous };
}
