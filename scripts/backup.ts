// `npm run db:backup`: online backup into backups/ with a timestamp, verified by PRAGMA integrity_check.
import path from "node:path";
import { backupDatabase } from "@/db/backup";
import { resolveDatabasePath } from "@/db/path";

const dir = path.resolve(process.env.BACKUP_DIR ?? "backups");
const { file, integrity } = await backupDatabase(resolveDatabasePath(), dir);
console.log(`备份完成：${file}（integrity_check = ${integrity}）`);
