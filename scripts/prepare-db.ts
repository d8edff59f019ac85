import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { resolveDatabasePath } from "@/db/path";
import { seedAll } from "@/features/seed";

/** Applies migrations and seeds an empty database (dictionaries; demo accounts unless DEMO=0). */
export async function prepareDatabase(log: (m: string) => void = console.log): Promise<void> {
  const db = getDb();
  runMigrations(db);
  log(`数据库：${resolveDatabasePath()}（迁移已应用）`);
  await seedAll(db, log);
  closeDb();
}
