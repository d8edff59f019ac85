// `npm start`: secret → migrations → seed → build if needed → next start (honours PORT and HOSTNAME).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { resolveDatabasePath } from "@/db/path";
import { buildIfNeeded, nextBin } from "./build-if-needed";
import { prepareDatabase } from "./prepare-db";

const root = process.cwd();
/** How long an idle keep-alive connection stays open (longer than the idle timeout of the clients that pool them). */
const KEEP_ALIVE_MS = 65_000;

function ensureSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  // Generated once per installation and kept beside the database; never a constant in the repo.
  const file = path.join(path.dirname(resolveDatabasePath()), ".nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function main() {
  ensureSecret();
  // A government intranet: the framework must not try to phone home.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const port = process.env.PORT || "3000";
  const host = process.env.HOSTNAME;
  if (!process.env.NEXTAUTH_URL) {
    const shown = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
    process.env.NEXTAUTH_URL = `http://${shown}:${port}`;
  }
  await prepareDatabase();
  buildIfNeeded();
  // The client IP is fixed up where the socket is still known (X-Forwarded-For only trusted with TRUST_PROXY).
  const clientIp = pathToFileURL(path.join(root, "scripts", "client-ip.mjs")).href;
  // Idle keep-alive connections are held 65 s instead of Node's 5 s: a client that reuses a pooled connection (a
  // reverse proxy's upstream keepalive — nginx keeps them 60 s —, a script's HTTP agent) can send its request at the
  // very moment the server closes it after 5 s idle, and gets a reset (a 502 behind a proxy). Seen in the e2e suite:
  // an export GET on a connection idle for ~5 s answered ECONNRESET.
  const args = [
    "--import",
    clientIp,
    nextBin,
    "start",
    "-p",
    port,
    ...(host ? ["-H", host] : []),
    "--keepAliveTimeout",
    String(KEEP_ALIVE_MS),
  ];
  console.log(`渝北区科技局系统启动：${process.env.NEXTAUTH_URL}`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
