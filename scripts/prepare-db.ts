import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { resolveDatabasePath } from "@/db/path";
import { ensureSearchIndex } from "@/features/registry/search-index";
import { seedAll } from "@/features/seed";

/** Applies migrations and seeds an empty database (dictionaries; demo accounts unless DEMO=0). */
export async function prepareDatabase(log: (m: string) => void = console.log): Promise<void> {
  const db = getDb();
  runMigrations(db);
  log(`数据库：${resolveDatabasePath()}（迁移已应用）`);
  await seedAll(db, log);
  // 全局搜索: records the migration queued (or a version change re-queued) are indexed before the server starts.
  ensureSearchIndex(db.$client, log);
  closeDb();
}
