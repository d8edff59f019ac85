// Starts one e2e server (E2E_SERVER_INDEX = the worker it serves): a fresh database every run, then exactly
// what `npm start` does. Playwright starts the servers one after the other, so server 0 builds (if needed) and
// seeds the template database once; the others copy the seeded file and reuse the build (SKIP_BUILD=1).
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@/db/path";
import { TEMPLATE_DB } from "./fixtures/workers";

const index = Number(process.env.E2E_SERVER_INDEX ?? 0);
const db = resolveDatabasePath();
if (!db.includes(`${path.sep}e2e${path.sep}.tmp${path.sep}`)) throw new Error(`refusing to wipe ${db}`);
const wipe = (file: string) => {
  for (const ext of ["", "-wal", "-shm"]) fs.rmSync(file + ext, { force: true });
};
wipe(db);

if (index === 0) {
  wipe(TEMPLATE_DB);
  const { prepareDatabase } = await import("../scripts/prepare-db");
  process.env.DATABASE_URL = TEMPLATE_DB;
  await prepareDatabase(); // closes the connection: the WAL is checkpointed into the file
  process.env.DATABASE_URL = db;
} else if (!fs.existsSync(TEMPLATE_DB)) {
  throw new Error(`server ${index}: no ${TEMPLATE_DB} (server 0 seeds it first)`);
}
fs.copyFileSync(TEMPLATE_DB, db);

await import("../scripts/start");
