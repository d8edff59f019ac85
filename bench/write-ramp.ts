// `npx tsx bench/write-ramp.ts [--scale 100k] [--port 3470] [--step 5]`: how many registry writes per second one
// node takes before writes fail. On a copy of the bench's generated database (run `npm run bench` once first), the
// production server is started and 1, 2, 4, 8, 16 concurrent staff writers (the bench's writer: create an
// enterprise → add a certificate → edit, real server actions) run as fast as the server answers, each step for
// `--step` seconds; then the same with a SECOND process writing to the database file directly (as a CLI import or a
// second server would), which is where SQLITE_BUSY can appear (one process has one connection and never contends
// with itself). Prints achieved writes/s, failures and SQLITE_BUSY replies per step, and the file sizes.
import fs from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { GENERATOR_VERSION, parseScale } from "./generate";
import { startWriter, type WriterStats } from "./scenarios";
import { signIn, startServer } from "./server";

register("./server-only-hook.mjs", import.meta.url);

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "100k" },
    port: { type: "string", default: "3470" },
    step: { type: "string", default: "5" },
  },
});
const root = process.cwd();
const n = parseScale(args.scale as string);
const base = path.join(root, `bench/.tmp/base-${n}-v${GENERATOR_VERSION}.db`);
if (!fs.existsSync(base)) throw new Error(`no ${base}: run \`npm run bench -- --scale ${args.scale}\` once first`);
const dbFile = path.join(root, `bench/.tmp/ramp-${n}.db`);
for (const ext of ["", "-wal", "-shm"]) fs.rmSync(dbFile + ext, { force: true });
fs.copyFileSync(base, dbFile);
process.env.DATABASE_URL = dbFile;
const stepSeconds = Number(args.step);

const { getConn, getDb } = await import("@/db");
const { runMigrations } = await import("@/db/migrate");
runMigrations(getDb());
const sqlite = getConn().sqlite;
const dict = (kind: string, code: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?").pluck().get(kind, code) as number;
const ids = {
  streetId: dict("street", "shuanglonghu"),
  chainId: dict("industry_chain", "smart_terminal"),
  qualTypeId: dict("qualification_type", "municipal_tech_enterprise"),
};

/**
 * A second writer on its own connection (a worker thread, so its lock waits never stall the HTTP writers): small
 * IMMEDIATE transactions as fast as the lock allows, with the app's pragmas (busy_timeout 5 s).
 */
function startDirectWriter() {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require("better-sqlite3");
    const db = new Database(workerData.file);
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000"); db.pragma("synchronous = FULL");
    const stmt = db.prepare("UPDATE enterprises SET registered_capital = registered_capital WHERE id = ?");
    const tx = db.transaction((id) => stmt.run(id));
    const stats = { ops: 0, busy: 0, maxWaitMs: 0 };
    let running = true, i = 0;
    parentPort.on("message", () => { running = false; });
    (async () => {
      while (running) {
        const t0 = performance.now();
        try { tx.immediate((i++ % workerData.n) + 1); stats.ops++; }
        catch (err) { if (/SQLITE_BUSY|locked/i.test(String(err))) stats.busy++; else throw err; }
        stats.maxWaitMs = Math.max(stats.maxWaitMs, performance.now() - t0);
        await new Promise((r) => setImmediate(r));
      }
      db.close();
      parentPort.postMessage(stats);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { file: dbFile, n } });
  return {
    stop: () =>
      new Promise<{ ops: number; busy: number; maxWaitMs: number }>((resolve) => {
        worker.once("message", (m) => {
          resolve(m);
          void worker.terminate();
        });
        worker.postMessage("stop");
      }),
  };
}

const server = await startServer({ dbFile, port: Number(args.port), root });
const rows: string[] = [];
try {
  const staffCookie = await signIn(server.base, "staff", "Yubei@2021");
  const ctx = {
    base: server.base,
    root,
    pids: [],
    staffCookie,
    leaderCookie: "",
    connections: 1,
    duration: stepSeconds,
    warmup: 0,
  };
  for (const direct of [false, true]) {
    for (const writers of [1, 2, 4, 8, 16]) {
      const ws = Array.from({ length: writers }, () => startWriter(ctx, { ...ids, opsPerSecond: 1000 }));
      const other = direct ? startDirectWriter() : null;
      await new Promise((r) => setTimeout(r, stepSeconds * 1000));
      const stats: WriterStats[] = await Promise.all(ws.map((w) => w.stop()));
      const o = other ? await other.stop() : null;
      const ok = stats.reduce((s, w) => s + w.ok, 0);
      const failed = stats.reduce((s, w) => s + w.failed, 0);
      const busy = stats.reduce((s, w) => s + w.busy, 0);
      const line = `${writers} writer(s)${direct ? " + a second process writing directly" : ""}: ${(ok / stepSeconds).toFixed(0)} server writes/s ok, ${failed} failed, ${busy} SQLITE_BUSY${o ? `; second process ${(o.ops / stepSeconds).toFixed(0)} commits/s, ${o.busy} SQLITE_BUSY, longest lock wait ${o.maxWaitMs.toFixed(0)} ms` : ""}`;
      console.log(line);
      for (const f of stats.flatMap((w) => w.failures).slice(0, 2)) console.log(`  failure: ${f}`);
      rows.push(line);
    }
  }
} finally {
  await server.stop();
}
for (const l of server.log.filter((l) => /SQLITE_BUSY|database is locked/i.test(l)).slice(0, 3))
  console.log(`  server: ${l.slice(0, 300)}`);
const mb = (f: string) => (fs.existsSync(f) ? (fs.statSync(f).size / 2 ** 20).toFixed(0) : "0");
console.log(
  `database ${mb(dbFile)} MB (+ WAL ${mb(`${dbFile}-wal`)} MB) at ${args.scale}; server log lines mentioning SQLITE_BUSY: ${server.log.filter((l) => /SQLITE_BUSY|database is locked/i.test(l)).length}`,
);
