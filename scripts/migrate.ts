// `npm run db:migrate`: applies pending drizzle migrations to DATABASE_URL (default data/bureau.db).
import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { resolveDatabasePath } from "@/db/path";

runMigrations(getDb());
closeDb();
console.log(`迁移完成：${resolveDatabasePath()}`);
