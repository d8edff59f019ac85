// `npm run db:restore -- backups/bureau-YYYYMMDD-HHMMSS.db`: stop the server first.
import path from "node:path";
import { restoreDatabase } from "@/db/backup";
import { resolveDatabasePath } from "@/db/path";

const file = process.argv[2];
if (!file) {
  console.error("用法：npm run db:restore -- <备份文件路径>（请先停止服务）");
  process.exit(1);
}
const target = resolveDatabasePath();
const { previous } = restoreDatabase(path.resolve(file), target, path.resolve(process.env.BACKUP_DIR ?? "backups"));
console.log(`已从 ${file} 恢复到 ${target}`);
if (previous) console.log(`恢复前的数据库已保留为 ${previous}`);
