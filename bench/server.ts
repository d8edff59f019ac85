// The production server under test: started exactly as `npm start` starts it, on the bench database; its memory
// read from /proc; signing in the way a browser does; the app's server actions called over HTTP.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";

export type Server = {
  base: string;
  port: number;
  child: ChildProcess;
  /** ms from spawning `npm start`'s script to the first page served (GET /login → 200). */
  coldStartMs: number;
  /** ms from `next start` being spawned (after migrate/seed checks) to the first page served. */
  nextStartMs: number | null;
  log: string[];
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(opts: { dbFile: string; port: number; root: string }): Promise<Server> {
  const base = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: opts.dbFile,
    PORT: String(opts.port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO: "1",
    // The bench built (or reused) the production build before starting the clock: never rebuild here.
    SKIP_BUILD: "1",
  };
  const log: string[] = [];
  const t0 = performance.now();
  let nextSpawnedAt: number | null = null;
  const child = spawn(process.execPath, [path.join(opts.root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: opts.root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() ends the launcher and next start together
  });
  const onData = (b: Buffer) => {
    for (const line of b.toString().split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (log.length > 400) log.shift();
      if (line.includes("系统启动") && nextSpawnedAt === null) nextSpawnedAt = performance.now();
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  await waitServing(
    `${base}/login`,
    () => exited,
    600_000,
    () => log.join("\n"),
  );
  const ready = performance.now();
  const stop = () => stopGroup(child);
  return {
    base,
    port: opts.port,
    child,
    coldStartMs: ready - t0,
    nextStartMs: nextSpawnedAt === null ? null : ready - nextSpawnedAt,
    log,
    stop,
  };
}

/**
 * Resolves when `url` answers 200. Another process's port gives no event to wait for, so it is asked every 20 ms;
 * throws when the process has exited (`exited`) or after `timeoutMs`.
 */
export async function waitServing(
  url: string,
  exited: () => boolean,
  timeoutMs: number,
  output: () => string = () => "",
): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    if (exited()) throw new Error(`${url}: the server exited before serving:\n${output()}`);
    if (performance.now() - t0 > timeoutMs) throw new Error(`${url}: no answer within ${timeoutMs / 1000} s`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
}

/** Ends a process started with `detached: true` and its group: SIGTERM, then SIGKILL if it has not exited in 5 s. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const kill = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }, 5_000);
  await exited;
  clearTimeout(kill);
}

// ───────────────────────────── memory of the server process tree ─────────────────────────────

function children(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** The `next start` process (and whatever it forks) under the launcher; the launcher itself is not the server. */
export function serverPids(launcherPid: number): number[] {
  const all: number[] = [];
  const walk = (p: number) => {
    for (const c of children(p)) {
      all.push(c);
      walk(c);
    }
  };
  walk(launcherPid);
  const next = all.find((p) => / start -p /.test(cmdline(p)) || cmdline(p).startsWith("next-server"));
  if (next === undefined) return all.filter((p) => !cmdline(p).includes("tsx"));
  const tree = [next];
  const walkNext = (p: number) => {
    for (const c of children(p)) {
      tree.push(c);
      walkNext(c);
    }
  };
  walkNext(next);
  return tree;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) used so far by the server tree, in clock ticks. */
function cpuTicks(pids: number[]): number {
  let t = 0;
  for (const p of pids) {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      t += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return t;
}

/**
 * Waits until the server tree is idle: less than 5 % of a core over a 250 ms window (its start-up work, a previous
 * scenario's requests still being answered), at most `maxMs`. Measured, never a fixed pause.
 */
export async function waitIdle(pids: number[], maxMs = 15_000): Promise<void> {
  const t0 = performance.now();
  let before = cpuTicks(pids);
  while (performance.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuTicks(pids);
    // 100 ticks per second: 5 % of a core over 250 ms is 1.25 ticks.
    if (now - before <= 1) return;
    before = now;
  }
}

/** Current resident memory of the server tree, MB. */
export function rssMb(pids: number[]): number {
  return pids.reduce((s, p) => s + statusKb(p, "VmRSS"), 0) / 1024;
}

/**
 * Samples the server's RSS every 10 ms while `work` runs; the peak is max(sampled sum, kernel high-water marks
 * after resetting them with clear_refs 5), so a spike between samples is not missed.
 */
export async function withPeakRss<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  for (const p of pids) {
    try {
      fs.writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      // not permitted: the sampled value still counts
    }
  }
  let peak = rssMb(pids);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pids));
  }, 10);
  try {
    const result = await work();
    const hwm = pids.reduce((s, p) => s + statusKb(p, "VmHWM"), 0) / 1024;
    return { result, peakMb: Math.max(peak, hwm, rssMb(pids)) };
  } finally {
    clearInterval(timer);
  }
}

// ───────────────────────────── sign-in as a browser does ─────────────────────────────

function mergeCookies(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** next-auth credentials flow: GET /api/auth/csrf, POST /api/auth/callback/credentials; returns the Cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: "true" }),
  });
  mergeCookies(jar, res);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return cookieHeader(jar);
}

// ───────────────────────────── server actions over HTTP ─────────────────────────────

type ActionManifest = {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
};

/** The id of a server action in this build, from the build's server-reference manifest (no browser needed). */
export function actionId(root: string, filename: string, exportedName: string): string {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const m = JSON.parse(fs.readFileSync(file, "utf8")) as ActionManifest;
  for (const [id, entry] of Object.entries(m.node)) {
    if (entry.filename === filename && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no server action ${filename}#${exportedName} in ${file}`);
}

export type ActionReply = { status: number; ok: boolean; data: Record<string, unknown> | null; text: string };

/**
 * Calls a server action as React does when its argument is a plain object (body = the encoded argument list,
 * text/plain), on the page that hosts it, with the browser's cookies and same-origin headers.
 */
export async function callAction(
  base: string,
  pagePath: string,
  id: string,
  cookie: string,
  input: Record<string, unknown>,
): Promise<ActionReply> {
  const res = await fetch(`${base}${pagePath}`, {
    method: "POST",
    headers: {
      "next-action": id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
      cookie,
    },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  const m = /\{"ok":(true|false)[^\n]*/.exec(text);
  let data: Record<string, unknown> | null = null;
  if (m) {
    try {
      // The result object is the rest of the RSC line.
      data = JSON.parse(m[0]) as Record<string, unknown>;
    } catch {
      data = null;
    }
  }
  return { status: res.status, ok: m?.[1] === "true", data, text };
}
