// The list scenarios that a cache keyed by URL cannot flatter (issue 16): a seeded random mix of list URLs (pages
// 1–200, 50 filter combinations, every sortable column in both directions) as full HTML and as real client
// navigations (RSC requests with the router-state header), every sortable column × direction on its own, and a
// "staff working day" (list → detail → edit → save → list, concurrent users with think time). Kept apart from
// run.ts's original scenarios; run.ts calls runListScenarios and adds listRows to its report.
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { DB } from "@/db";
import * as schema from "@/db/schema";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { sortKeys } from "@/features/registry/search";
import { Rng } from "@/features/seed/rng";
import { makeCreditCode } from "@/lib/credit-code";
import { listStatements } from "./floor";
import { fmt, type Row } from "./report";
import { routerStateTree, rscParam } from "./rsc";
import { type Ctx, type LoadResult, loadResult } from "./scenarios";
import { actionId, callAction } from "./server";

export const LIST_SEED = 0x16a;
const PER_PAGE = 25;

// ───────────────────────────── the URL mix ─────────────────────────────

export type ListMix = {
  /** Query strings (without `?`), in the order the load requests them (each connection takes the next). */
  queries: string[];
  filters: string[];
  sorts: string[];
};

/**
 * 50 filter combinations over the generated data (镇街, 园区, 产业链, 资质, a name fragment, and pairs of them); then
 * `size` URLs: half without a filter (any page 1–200), half with one of the 50 (pages 1–10), each with a sortable
 * column and direction drawn at random (or the default order).
 */
export function listUrlMix(sqlite: Database.Database, size: number, seed = LIST_SEED): ListMix {
  const rng = new Rng(seed);
  const ids = (kind: string) =>
    sqlite
      .prepare("SELECT id FROM dictionary_items WHERE kind = ? ORDER BY sort_order, id")
      .pluck()
      .all(kind) as number[];
  const streets = ids("street");
  const parks = ids("park");
  const chains = ids("industry_chain");
  const quals = ids("qualification_type");
  const names = ["科技", "渝北", "智", "华瑞", "创", "数智", "光谷", "信息"];
  const one = (): string => {
    switch (rng.int(0, 4)) {
      case 0:
        return `street=${rng.pick(streets)}`;
      case 1:
        return `park=${rng.pick(parks)}`;
      case 2:
        return `chain=${rng.pick(chains)}`;
      case 3:
        return `qual=${rng.pick(quals)}`;
      default:
        return `q=${encodeURIComponent(rng.pick(names))}`;
    }
  };
  const filterSet = new Set<string>();
  while (filterSet.size < 50) {
    const a = one();
    const b = rng.chance(0.4) ? one() : "";
    const keyA = a.split("=")[0];
    filterSet.add(b && b.split("=")[0] !== keyA ? [a, b].sort().join("&") : a);
  }
  const filters = [...filterSet];
  const sorts = ["", ...sortKeys(enterpriseRegistry).flatMap((k) => [`${k}.asc`, `${k}.desc`])];
  const queries: string[] = [];
  for (let i = 0; i < size; i++) {
    const filter = rng.chance(0.5) ? rng.pick(filters) : "";
    // A filtered list is paged less deeply (pages 1–10; past its end it shows its total and no rows).
    const page = rng.int(1, filter ? 10 : 200);
    const sort = rng.pick(sorts);
    const p = new URLSearchParams(filter);
    if (sort) p.set("sort", sort);
    p.set("perPage", String(PER_PAGE));
    if (page > 1) p.set("page", String(page));
    queries.push(p.toString());
  }
  return { queries, filters, sorts };
}

/**
 * The in-process floor of a mix: the server's statements for each of its first `n` URLs (total and 合计 read every
 * time, as if no cache served them), median per URL.
 */
export function mixFloor(sqlite: Database.Database, mix: ListMix, n = 30): number {
  const db = drizzle(sqlite, { schema }) as unknown as DB;
  const times: number[] = [];
  for (const q of mix.queries.slice(0, n)) {
    const t0 = performance.now();
    for (const st of listStatements(db, Object.fromEntries(new URLSearchParams(q))))
      sqlite.prepare(st.sql).all(...st.args);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// ───────────────────────────── load with varied URLs ─────────────────────────────

type Variant = "html" | "rsc";

function headersFor(variant: Variant, cookie: string): Record<string, string> {
  return variant === "rsc"
    ? {
        cookie,
        rsc: "1",
        "next-router-state-tree": routerStateTree(),
        accept: "*/*",
        "accept-encoding": "identity",
      }
    : { cookie, accept: "text/html,application/xhtml+xml", "accept-encoding": "identity" };
}

/** `connections` connections for `duration` s, each request the next path of `paths` (round robin). */
function cannonMany(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  connections: number,
  duration: number,
): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}${paths[0]}`,
        connections,
        duration,
        headers,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              req.path = paths[i++ % paths.length];
              return req;
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });
}

/** `amount` requests at one connection, each the next path of `paths`. */
function cannonAmount(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  amount: number,
): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}${paths[0]}`,
        connections: 1,
        amount,
        headers,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              req.path = paths[i++ % paths.length];
              return req;
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });
}

/** Paths of a mix for a variant: RSC requests carry `_rsc`, as the router sends them. */
function pathsFor(mix: ListMix, variant: Variant): string[] {
  const rsc = variant === "rsc" ? `&_rsc=${rscParam(routerStateTree())}` : "";
  return mix.queries.map((q) => `/enterprises?${q}${rsc}`);
}

/** Warm-up on the tail of the mix (discarded), then the measured run from its start. */
export async function loadMix(ctx: Ctx, mix: ListMix, variant: Variant, cookie: string): Promise<LoadResult> {
  const paths = pathsFor(mix, variant);
  const headers = headersFor(variant, cookie);
  // One request first: it queues behind whatever the previous scenario left in flight, so this one starts clean.
  await (await getOnce(`${ctx.base}${paths[0]}`, headers)).arrayBuffer();
  if (ctx.warmup > 0) await cannonMany(ctx.base, [...paths].reverse(), headers, ctx.connections, ctx.warmup);
  await (await getOnce(`${ctx.base}${paths[1]}`, headers)).arrayBuffer();
  return loadResult(await cannonMany(ctx.base, paths, headers, ctx.connections, ctx.duration));
}

/** One request of a variant, checked: HTML with the list's table, or an RSC payload (text/x-component). */
export async function checkVariant(ctx: Ctx, mix: ListMix, variant: Variant, cookie: string): Promise<string | null> {
  const res = await getOnce(`${ctx.base}${pathsFor(mix, variant)[0]}`, headersFor(variant, cookie));
  const body = await res.text();
  if (res.status !== 200) return `${variant}: HTTP ${res.status}`;
  const type = res.headers.get("content-type") ?? "";
  if (variant === "rsc" && !type.includes("text/x-component")) return `rsc: content-type ${type}`;
  if (variant === "html" && !body.includes('data-testid="total-count"')) return "html: no list total in the page";
  return null;
}

/**
 * A GET, tried again once if the pooled connection it went out on had just been closed by the server (its
 * keep-alive timeout — 65 s with `npm start`, 5 s in Node's default — can run out while the mix and its floor are built).
 */
export async function getOnce(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers, redirect: "manual" });
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (code !== "UND_ERR_SOCKET" && code !== "EPIPE" && code !== "ECONNRESET") throw e;
    return fetch(url, { headers, redirect: "manual" });
  }
}

// ───────────────────────────── cache hit rate ─────────────────────────────

export type CacheCounts = Record<string, { hits: number; misses: number }>;

/** The server's cache counters (lib/cache-stats.ts writes them to BENCH_CACHE_STATS). */
export async function readCacheStats(file: string): Promise<CacheCounts> {
  // The server rewrites the file (asynchronously) 100 ms after a counted read: wait for that write — the file's next
  // change event — rather than a fixed pause; if nothing was read since the last write, no change comes and the
  // file already holds every count (the wait then ends after 2 s).
  await new Promise<void>((resolve) => {
    let watcher: fs.FSWatcher | null = null;
    const done = () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    };
    const timer = setTimeout(done, 2000);
    try {
      // The directory, not the file: the server replaces the file by a rename (never a half-written file).
      watcher = fs.watch(path.dirname(file), (_event, name) => {
        if (name === path.basename(file)) setImmediate(done);
      });
    } catch {
      done(); // no file yet: nothing was counted
    }
  });
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as CacheCounts;
  } catch {
    return {};
  }
}

/** "list total 12% of 3,000 reads" for each cache read between two snapshots; "no cache served" if none. */
export function hitRate(before: CacheCounts, after: CacheCounts): string {
  const parts = Object.entries(after).flatMap(([k, a]) => {
    const b = before[k] ?? { hits: 0, misses: 0 };
    const hits = a.hits - b.hits;
    const reads = hits + a.misses - b.misses;
    return reads > 0 ? [`${k} ${((hits / reads) * 100).toFixed(0)}% of ${fmt.int(reads)}`] : [];
  });
  return parts.length ? `cache hits: ${parts.join(", ")}` : "no cache served the run";
}

// ───────────────────────────── every sortable column on its own ─────────────────────────────

export type ColumnResult = { sort: string; p50: number; p99: number; rps: number; requests: number; errors: number };

/**
 * Each sortable column × direction at one connection, `requests` requests (a count, not a time, so a slow machine
 * still measures every column): pages 1–200 and the last 20 pages of the whole list (the deepest OFFSETs), so the
 * figure is the server time of that sort at any depth.
 */
export async function perColumn(
  ctx: Ctx,
  cookie: string,
  total: number,
  requests: number,
  seed = LIST_SEED,
): Promise<ColumnResult[]> {
  const lastPage = Math.max(1, Math.ceil(total / PER_PAGE));
  const out: ColumnResult[] = [];
  for (const key of sortKeys(enterpriseRegistry))
    for (const dir of ["asc", "desc"]) {
      const rng = new Rng(seed ^ out.length);
      const paths = Array.from({ length: 400 }, (_, i) => {
        const page = i % 2 ? rng.int(1, Math.min(200, lastPage)) : Math.max(1, lastPage - rng.int(0, 19));
        return `/enterprises?sort=${key}.${dir}&perPage=${PER_PAGE}&page=${page}`;
      });
      const r = await cannonAmount(ctx.base, paths, headersFor("html", cookie), requests);
      out.push({
        sort: `${key}.${dir}`,
        p50: r.latency.p50,
        p99: r.latency.p99,
        rps: r.requests.average,
        requests: r.requests.total,
        errors: r.errors + r.non2xx + r.timeouts,
      });
    }
  return out;
}

// ───────────────────────────── a staff working day ─────────────────────────────

export type DayStep = "list" | "detail" | "edit" | "save" | "list again";
export type DayResult = {
  users: number;
  thinkMs: number;
  loops: number;
  failures: string[];
  steps: Record<DayStep, { p50: number; p99: number; n: number }>;
};

let daySerial = 0;
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function dayCreditCode(): string {
  let n = ++daySerial;
  let body = "";
  for (let i = 0; i < 7; i++) {
    body = CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  return makeCreditCode("93", "500112", `WD${body}`);
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/**
 * `users` staff members at once, each with a record of their own (created first, through the real server action):
 * open a list page from the mix, the record's detail page, its edit page, save a change (the real update action,
 * at the version shown), back to the list — with a think time of `thinkMs` ± 50 % between steps, for `seconds`.
 */
export async function staffDay(
  ctx: Ctx,
  cookie: string,
  mix: ListMix,
  opts: { users: number; thinkMs: number; seconds: number; streetId: number },
): Promise<DayResult> {
  const file = "features/enterprises/actions.ts";
  const create = actionId(ctx.root, file, "createEnterprise");
  const update = actionId(ctx.root, file, "updateEnterprise");
  const times: Record<DayStep, number[]> = { list: [], detail: [], edit: [], save: [], "list again": [] };
  const failures: string[] = [];
  let loops = 0;
  const fail = (m: string) => {
    if (failures.length < 5) failures.push(m);
  };
  const get = async (step: DayStep, url: string) => {
    const t0 = performance.now();
    const res = await getOnce(`${ctx.base}${url}`, { cookie });
    await res.arrayBuffer();
    times[step].push(performance.now() - t0);
    if (res.status !== 200) fail(`${step} ${url}: HTTP ${res.status}`);
  };
  const end = performance.now() + opts.seconds * 1000;
  const user = async (u: number) => {
    const rng = new Rng(LIST_SEED + u);
    const think = () => new Promise((r) => setTimeout(r, opts.thinkMs * (0.5 + rng.next())));
    const input = {
      name: `重庆工作日${u}号科技有限公司`,
      creditCode: dayCreditCode(),
      legalRepresentative: "赵工作",
      foundedDate: "2019-03-01",
      registeredCapital: "300",
      streetId: String(opts.streetId),
      parkId: "",
      industryChainId: "",
      isAboveScale: "",
      contactName: "钱联系",
      contactPhone: "",
      status: "active",
    };
    const created = await callAction(ctx.base, "/enterprises/new", create, cookie, input);
    const id = (created.data?.data as { id?: number } | undefined)?.id;
    if (!created.ok || !id) {
      fail(`create: HTTP ${created.status} ${created.text.slice(0, 120)}`);
      return;
    }
    let version = 1;
    await think();
    while (performance.now() < end) {
      await get("list", `/enterprises?${rng.pick(mix.queries)}`);
      await think();
      await get("detail", `/enterprises/${id}`);
      await think();
      await get("edit", `/enterprises/${id}/edit`);
      await think();
      const t0 = performance.now();
      const saved = await callAction(ctx.base, `/enterprises/${id}/edit`, update, cookie, {
        ...input,
        id: String(id),
        version: String(version),
        registeredCapital: String(300 + loops),
      });
      times.save.push(performance.now() - t0);
      if (saved.ok) version++;
      else fail(`save: HTTP ${saved.status} ${saved.text.slice(0, 120)}`);
      await think();
      await get("list again", `/enterprises?${rng.pick(mix.queries)}`);
      loops++;
      await think();
    }
  };
  await Promise.all(Array.from({ length: opts.users }, (_, u) => user(u)));
  const steps = Object.fromEntries(
    (Object.keys(times) as DayStep[]).map((k) => [
      k,
      { p50: pct(times[k], 50), p99: pct(times[k], 99), n: times[k].length },
    ]),
  ) as DayResult["steps"];
  return { users: opts.users, thinkMs: opts.thinkMs, loops, failures, steps };
}

// ───────────────────────────── the scenarios together, and their report rows ─────────────────────────────

export type ListScenarioResults = {
  mix: ListMix;
  floorMs: number;
  html: LoadResult;
  rsc: LoadResult;
  htmlCache: string;
  rscCache: string;
  columns: ColumnResult[];
  day: DayResult;
  problems: string[];
};

export async function runListScenarios(
  ctx: Ctx,
  sqlite: Database.Database,
  opts: { smoke: boolean; statsFile: string; streetId: number; log: (m: string) => void },
): Promise<ListScenarioResults> {
  const problems: string[] = [];
  opts.log("list scenarios: building the URL mix and its floor");
  const mix = listUrlMix(sqlite, 4000);
  const floorMs = mixFloor(sqlite, mix);
  for (const v of ["html", "rsc"] as const) {
    const p = await checkVariant(ctx, mix, v, ctx.staffCookie).catch((e: Error) => `${e.message} (${e.cause ?? ""})`);
    if (p) problems.push(`varied list (${v}): ${p}`);
  }
  let before = await readCacheStats(opts.statsFile);
  const html = await loadMix(ctx, mix, "html", ctx.staffCookie);
  let after = await readCacheStats(opts.statsFile);
  const htmlCache = hitRate(before, after);
  opts.log(`varied list (HTML): ${fmt.rps(html.rps)}, p50 ${fmt.ms(html.p50)}, p99 ${fmt.ms(html.p99)}; ${htmlCache}`);
  before = after;
  const rsc = await loadMix(ctx, mix, "rsc", ctx.staffCookie);
  after = await readCacheStats(opts.statsFile);
  const rscCache = hitRate(before, after);
  opts.log(`varied list (RSC): ${fmt.rps(rsc.rps)}, p50 ${fmt.ms(rsc.p50)}, p99 ${fmt.ms(rsc.p99)}; ${rscCache}`);
  for (const [k, r] of [
    ["varied list (HTML)", html],
    ["varied list (RSC)", rsc],
  ] as const)
    if (r.non2xx || r.errors || r.timeouts || !(r.requests > 0))
      problems.push(`${k}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.requests} requests`);
  const total = sqlite.prepare("SELECT count(*) FROM enterprises WHERE deleted_at IS NULL").pluck().get() as number;
  const columns = await perColumn(ctx, ctx.staffCookie, total, opts.smoke ? 4 : 40);
  for (const c of columns) if (c.errors || !c.requests) problems.push(`sort ${c.sort}: ${c.errors} errors`);
  const worst = columns.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  opts.log(`per sortable column: worst ${worst.sort} p50 ${fmt.ms(worst.p50)}, p99 ${fmt.ms(worst.p99)}`);
  const day = await staffDay(ctx, ctx.staffCookie, mix, {
    users: opts.smoke ? 3 : ctx.connections * 2,
    thinkMs: opts.smoke ? 100 : 1000,
    seconds: opts.smoke ? 3 : Math.max(ctx.duration, 15),
    streetId: opts.streetId,
  });
  if (day.failures.length) problems.push(`staff day: ${day.failures.join(" | ")}`);
  if (!day.loops) problems.push("staff day: no loop completed");
  opts.log(`staff day: ${day.users} users, ${day.loops} loops`);
  return { mix, floorMs, html, rsc, htmlCache, rscCache, columns, day, problems };
}

const times = (x: number, goal: number) => `${(x / goal).toFixed(2)}× goal`;

/** The rows these scenarios add to the report (figures as ratios to their goal and to the floor). */
export function listRows(r: ListScenarioResults, scaleN: number): Row[] {
  const floor = fmt.floorMs(r.floorMs);
  const ratio = (ms: number) => `${(ms / r.floorMs).toFixed(0)}× (p50)`;
  const big = scaleN >= 1_000_000;
  const worst = r.columns.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  const worstP99 = r.columns.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const colGoal = big ? 60 : 30;
  const stepNames = Object.entries(r.day.steps)
    .map(([k, s]) => `${k} ${fmt.ms(s.p50)}/${fmt.ms(s.p99)}`)
    .join(", ");
  return [
    {
      scenario: `1v. enterprise list, varied URLs (${fmt.int(r.mix.queries.length)}: pages 1–200, ${r.mix.filters.length} filters, ${r.mix.sorts.length} orders), full HTML; ${r.htmlCache}`,
      result: `${fmt.rps(r.html.rps)} (${times(r.html.rps, 400)}), p50 ${fmt.ms(r.html.p50)}, p99 ${fmt.ms(r.html.p99)} (${times(r.html.p99, 60)})`,
      goal: "≥ 400 req/s, p99 ≤ 60 ms",
      met: r.html.rps >= 400 && r.html.p99 <= 60,
      floor,
      ratio: ratio(r.html.p50),
    },
    {
      scenario: `1r. the same mix as client navigations (RSC request, router-state header); ${r.rscCache}`,
      result: `${fmt.rps(r.rsc.rps)} (${times(r.rsc.rps, 800)}), p50 ${fmt.ms(r.rsc.p50)}, p99 ${fmt.ms(r.rsc.p99)}, ${fmt.kb(r.rsc.bytesPerReq / 1024)} per payload`,
      goal: "≥ 800 req/s",
      met: r.rsc.rps >= 800,
      floor,
      ratio: ratio(r.rsc.p50),
    },
    {
      scenario: `1s. every sortable column × direction alone (${r.columns.length}), 1 connection, ${r.columns[0]?.requests ?? 0} requests each: pages 1–200 and the last 20`,
      result: `worst p50 ${worst.sort} ${fmt.ms(worst.p50)} (${times(worst.p50, colGoal)}); worst p99 ${worstP99.sort} ${fmt.ms(worstP99.p99)}; best p50 ${fmt.ms(Math.min(...r.columns.map((c) => c.p50)))}`,
      goal: big ? "≤ 60 ms (1M)" : "≤ 30 ms (100k)",
      met: scaleN >= 100_000 ? worst.p50 <= colGoal : null,
      floor,
      ratio: ratio(worst.p50),
    },
    {
      scenario: `1d. staff working day: ${r.day.users} users, think ${r.day.thinkMs} ms ± 50 %, list → detail → edit → save → list (${fmt.int(r.day.loops)} loops); p50/p99 per step`,
      result: stepNames,
      goal: "—",
      met: null,
    },
  ];
}

/** The per-column table (Markdown), for the report's details. */
export function columnTable(cols: ColumnResult[]): string {
  return [
    "| sort | p50 | p99 | req/s (1 connection) |",
    "|---|---|---|---|",
    ...cols.map((c) => `| ${c.sort} | ${fmt.ms(c.p50)} | ${fmt.ms(c.p99)} | ${fmt.rps(c.rps)} |`),
  ].join("\n");
}

export const statsFileFor = (root: string) => path.join(root, "bench/.tmp/cache-stats.json");

/** `npm run bench -- --only lists [--scale 1m]`: only these scenarios, on their own server; returns the Markdown. */
export async function listsOnly(o: {
  dbFile: string;
  port: number;
  root: string;
  sqlite: Database.Database;
  streetId: number;
  statsFile: string;
  smoke: boolean;
  connections: number;
  duration: number;
  warmup: number;
  log: (m: string) => void;
}): Promise<string> {
  const { startServer, signIn, serverPids } = await import("./server");
  const { table } = await import("./report");
  const scaleN = o.sqlite.prepare("SELECT count(*) FROM enterprises WHERE deleted_at IS NULL").pluck().get() as number;
  o.log(`starting the production server on :${o.port}`);
  const server = await startServer({ dbFile: o.dbFile, port: o.port, root: o.root });
  try {
    const ctx: Ctx = {
      base: server.base,
      root: o.root,
      pids: server.child.pid === undefined ? [] : serverPids(server.child.pid),
      staffCookie: await signIn(server.base, "staff", "Yubei@2021"),
      leaderCookie: "",
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
    };
    const r = await runListScenarios(ctx, o.sqlite, {
      smoke: o.smoke,
      statsFile: o.statsFile,
      streetId: o.streetId,
      log: o.log,
    });
    const problems = r.problems.length ? `\n**Problems:**\n${r.problems.map((p) => `- ${p}`).join("\n")}\n` : "";
    return `${table(listRows(r, scaleN))}\n${problems}\n## Every sortable column (1 connection, pages 1–200 and the last 20)\n${columnTable(r.columns)}\n`;
  } finally {
    await server.stop();
  }
}
