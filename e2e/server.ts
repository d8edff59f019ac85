// Starts the app for the e2e suite: a fresh database every run, then exactly what `npm start` does.
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@/db/path";

const db = resolveDatabasePath();
if (!db.includes(`${path.sep}e2e${path.sep}.tmp${path.sep}`)) throw new Error(`refusing to wipe ${db}`);
for (const ext of ["", "-wal", "-shm"]) fs.rmSync(db + ext, { force: true });

await import("../scripts/start");
