import type Database from "better-sqlite3";
import type { RecordLog } from "@/features/import/engine";
import { maskForLog } from "@/lib/audit";

/**
 * The per-record history rows of an import (who, before/after, masked like every log row), each naming the
 * import's own log row and file, so a record's 历史 tab shows "通过导入 xxx.xlsx 新增/修改".
 */
export function writeRecordLogs(
  sqlite: Database.Database,
  logs: RecordLog[],
  base: { userId: number; username: string; role: string; ip: string | null },
  detail: { importLogId: number; file: string },
): void {
  const stmt = sqlite.prepare(
    `INSERT INTO operation_logs (user_id, username, role, ip, action, object_type, object_id, result, before, after, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?)`,
  );
  const json = (v: unknown) => (v == null ? null : JSON.stringify(maskForLog(v)));
  const detailJson = JSON.stringify(detail);
  for (const l of logs) {
    stmt.run(
      base.userId,
      base.username,
      base.role,
      base.ip,
      l.action,
      l.objectType,
      String(l.objectId),
      json(l.before),
      json(l.after),
      detailJson,
    );
  }
}
