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
  const args = ["--import", clientIp, nextBin, "start", "-p", port, ...(host ? ["-H", host] : [])];
  console.log(`渝北区科技局系统启动：${process.env.NEXTAUTH_URL}`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
