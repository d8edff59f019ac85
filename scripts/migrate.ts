// `npm run db:migrate`: applies pending drizzle migrations to DATABASE_URL (default data/bureau.db).
import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { resolveDatabasePath } from "@/db/path";
import { ensureSearchIndex } from "@/features/registry/search-index";

runMigrations(getDb());
// 全局搜索: the pinyin is computed in JS, so the migration queues the existing records and this indexes them.
ensureSearchIndex(getDb().$client, console.log);
closeDb();
console.log(`迁移完成：${resolveDatabasePath()}`);
