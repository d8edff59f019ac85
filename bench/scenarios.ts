// The measured scenarios. Each is one function; the run orchestrates them (bench/run.ts).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { Rng } from "@/features/seed/rng";
import { makeCreditCode } from "@/lib/credit-code";
import { enterpriseName } from "./generate";
import { actionId, callAction, rssMb, withPeakRss } from "./server";

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  bytesPerReq: number;
};

export type Ctx = {
  base: string;
  root: string;
  pids: number[];
  staffCookie: string;
  leaderCookie: string;
  connections: number;
  duration: number;
  warmup: number;
};

/** A full-HTML page request signed in with `cookie` (what scenarios 1–3 send). */
export const htmlHeaders = (cookie: string): Record<string, string> => ({
  cookie,
  accept: "text/html,application/xhtml+xml",
  "accept-encoding": "identity",
});

function cannon(url: string, headers: Record<string, string>, connections: number, duration: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration, headers, timeout: 30 }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/** Warm-up (discarded), then `duration` seconds at `connections` concurrent connections, on one URL. */
export async function loadUrl(
  url: string,
  headers: Record<string, string>,
  o: { connections: number; duration: number; warmup: number },
): Promise<LoadResult> {
  if (o.warmup > 0) await cannon(url, headers, o.connections, o.warmup);
  return loadResult(await cannon(url, headers, o.connections, o.duration));
}

/** `loadUrl` on a page of the app under test, as a signed-in browser asks for it. */
export function load(ctx: Ctx, pathAndQuery: string, cookie: string): Promise<LoadResult> {
  return loadUrl(`${ctx.base}${pathAndQuery}`, htmlHeaders(cookie), ctx);
}

/** What the report keeps of an autocannon run. */
export function loadResult(r: autocannon.Result): LoadResult {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    bytesPerReq: r.requests.total ? r.throughput.total / r.requests.total : 0,
  };
}

// ───────────────────────────── the concurrent writer ─────────────────────────────

export type WriterStats = { ops: number; ok: number; failed: number; busy: number; failures: string[] };

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
let writerSerial = 0;
/** Fresh valid credit codes that the generator never uses (generator: 91…MA5…; writer: 92…WB…). */
function writerCreditCode(): string {
  let n = ++writerSerial;
  let body = "";
  for (let i = 0; i < 7; i++) {
    body = CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  return makeCreditCode("92", "500112", `WB${body}`);
}

/**
 * A staff user working through the real server actions while the load runs: create an enterprise, give it a
 * 市级科技型企业 qualification (so the board's counts move), then edit it (name, capital, and now and then the
 * status, which also moves the counts). Paced at `opsPerSecond`; every reply is checked for SQLITE_BUSY.
 */
/** The 新增企业 form's fields for a new enterprise with a fresh credit code (the writer's and the single saves'). */
function newEnterpriseInput(name: string, opts: { streetId: number; chainId: number }) {
  return {
    name,
    creditCode: writerCreditCode(),
    legalRepresentative: "李压测",
    foundedDate: "2020-01-15",
    registeredCapital: "500",
    streetId: String(opts.streetId),
    parkId: "",
    industryChainId: String(opts.chainId),
    isAboveScale: "",
    contactName: "王联系",
    contactPhone: "13800138000",
    status: "active",
  };
}

/**
 * `n` enterprises created one after another through the real server action (as the 新增企业 form saves), signed in
 * as staff: the median time of one save, in ms.
 */
export async function singleWrites(ctx: Ctx, n: number, opts: { streetId: number; chainId: number }): Promise<number> {
  const id = actionId(ctx.root, "features/enterprises/actions.ts", "createEnterprise");
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await callAction(
      ctx.base,
      "/enterprises/new",
      id,
      ctx.staffCookie,
      newEnterpriseInput(`重庆单笔写入${writerSerial + 1}号科技有限公司`, opts),
    );
    if (r.status !== 200 || !r.ok) throw new Error(`single write: HTTP ${r.status} ${r.text.slice(0, 200)}`);
    times.push(performance.now() - t0);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export function startWriter(
  ctx: Ctx,
  opts: { streetId: number; chainId: number; qualTypeId: number; opsPerSecond: number },
): { stop: () => Promise<WriterStats> } {
  const file = "features/enterprises/actions.ts";
  const ids = {
    create: actionId(ctx.root, file, "createEnterprise"),
    update: actionId(ctx.root, file, "updateEnterprise"),
    qual: actionId(ctx.root, file, "createQualification"),
  };
  const stats: WriterStats = { ops: 0, ok: 0, failed: 0, busy: 0, failures: [] };
  let running = true;
  const gap = 1000 / opts.opsPerSecond;
  const record = (what: string, r: { status: number; ok: boolean; text: string }) => {
    stats.ops++;
    if (/SQLITE_BUSY|database is locked/i.test(r.text)) stats.busy++;
    if (r.status === 200 && r.ok) stats.ok++;
    else {
      stats.failed++;
      if (stats.failures.length < 5) stats.failures.push(`${what}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
    }
    return r.ok;
  };
  const pace = async (t0: number) => {
    const wait = gap - (performance.now() - t0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
  const loop = (async () => {
    let i = 0;
    while (running) {
      i++;
      let t0 = performance.now();
      const input = newEnterpriseInput(`重庆压测写入${i}号科技有限公司`, opts);
      const created = await callAction(ctx.base, "/enterprises/new", ids.create, ctx.staffCookie, input);
      if (!record("create", created)) continue;
      const id = (created.data?.data as { id?: number } | undefined)?.id;
      if (!id) continue;
      await pace(t0);
      t0 = performance.now();
      record(
        "qualification",
        await callAction(ctx.base, `/enterprises/${id}`, ids.qual, ctx.staffCookie, {
          enterpriseId: String(id),
          typeId: String(opts.qualTypeId),
          certificateNo: "",
          awardedDate: "2023-06-01",
          expiryDate: "",
          note: "",
        }),
      );
      await pace(t0);
      t0 = performance.now();
      record(
        "update",
        await callAction(ctx.base, `/enterprises/${id}/edit`, ids.update, ctx.staffCookie, {
          ...input,
          id: String(id),
          version: "1",
          name: `${input.name}（已修改）`,
          registeredCapital: "800",
          status: i % 4 === 0 ? "deregistered" : "active",
        }),
      );
      await pace(t0);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return stats;
    },
  };
}

// ───────────────────────────── exports ─────────────────────────────

export type ExportResult =
  | {
      available: true;
      medianMs: number;
      minMs: number;
      rows: number;
      bytes: number;
      peakRssMb: number;
      rssBeforeMb: number;
      runs: number;
    }
  | { available: false; reason: string };

async function timedGet(
  url: string,
  cookie: string,
): Promise<{ ms: number; status: number; type: string; body: Buffer }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - t0, status: res.status, type: res.headers.get("content-type") ?? "", body };
}

/** CSV export of a filtered list (the route streams it): single-request time, median of `runs`, and peak RSS. */
export async function csvExport(ctx: Ctx, query: string, runs: number): Promise<ExportResult> {
  const url = `${ctx.base}/enterprises/export?${query}`;
  const first = await timedGet(url, ctx.staffCookie);
  if (first.status !== 200 || !first.type.startsWith("text/csv"))
    return { available: false, reason: `HTTP ${first.status} ${first.type}` };
  const times: number[] = [];
  let last = first;
  const rssBeforeMb = rssMb(ctx.pids);
  const { peakMb } = await withPeakRss(ctx.pids, async () => {
    for (let i = 0; i < runs; i++) {
      last = await timedGet(url, ctx.staffCookie);
      times.push(last.ms);
    }
  });
  const text = last.body.toString("utf8");
  const rows = text.split("\r\n").filter((l) => l.length > 0).length - 1;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    available: true,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    rows,
    bytes: last.body.length,
    peakRssMb: peakMb,
    rssBeforeMb,
    runs,
  };
}

/**
 * xlsx export of the whole list (GET /enterprises/export?format=xlsx): single-request time, peak RSS, rows read
 * back with exceljs. Not available until the route answers with a spreadsheet (a CSV reply means the route does
 * not know the format yet).
 */
export async function xlsxExport(ctx: Ctx, query = "format=xlsx"): Promise<ExportResult> {
  const url = `${ctx.base}/enterprises/export?${query}`;
  let reply: Awaited<ReturnType<typeof timedGet>> | undefined;
  const rssBeforeMb = rssMb(ctx.pids);
  const { peakMb } = await withPeakRss(ctx.pids, async () => {
    reply = await timedGet(url, ctx.staffCookie);
  });
  if (!reply) return { available: false, reason: "no reply" };
  if (reply.status !== 200 || !reply.type.includes("spreadsheetml"))
    return {
      available: false,
      reason: `not available in this build (HTTP ${reply.status}, ${reply.type || "no type"})`,
    };
  // Read back with exceljs' streaming reader: a 1m-row workbook is too big to load whole.
  const ExcelJS = (await import("exceljs")).default;
  const file = path.join(ctx.root, "bench/.tmp/export-readback.xlsx");
  fs.writeFileSync(file, reply.body);
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", worksheets: "emit" });
  for await (const ws of reader) for await (const _row of ws) rows++;
  fs.rmSync(file, { force: true });
  rows = Math.max(0, rows - 1); // the header row
  return {
    available: true,
    medianMs: reply.ms,
    minMs: reply.ms,
    rows,
    bytes: reply.body.length,
    peakRssMb: peakMb,
    rssBeforeMb,
    runs: 1,
  };
}

// ───────────────────────────── import ─────────────────────────────

export type ImportResult =
  | { available: true; rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number; counts: unknown }
  | { available: false; reason: string };

/** How many imports this bench process has sent (each takes its own credit-code prefix: importRows). */
let importSeq = 0;

/**
 * Scenario 5: a `rows`-row enterprise workbook through the real import path over HTTP: the template is downloaded
 * from the server, filled with exceljs, and posted as multipart to the commit server action (which parses,
 * validates every row with the form schema and writes in one transaction), signed in as staff.
 */
export async function importRows(ctx: Ctx, rows: number): Promise<ImportResult> {
  const tpl = await fetch(`${ctx.base}/import/template/enterprise`, { headers: { cookie: ctx.staffCookie } });
  if (tpl.status !== 200) return { available: false, reason: `template: HTTP ${tpl.status}` };
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tpl.arrayBuffer()) as ArrayBuffer, { ignoreNodes: ["dataValidations"] });
  const ws = wb.getWorksheet("企业");
  if (!ws) return { available: false, reason: "template has no 企业 sheet" };
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => {
    col.set(String(cell.value).replace(/^\*/, ""), n);
  });
  const BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  // Each import of a bench run writes new codes: a per-process sequence (the run works on a fresh copy of the base
  // database), two characters of the code alphabet. The last two base-36 digits of the clock collided one time in
  // ~30 over a run's nine imports, and the colliding import found its 1,000 rows unchanged.
  const seq = importSeq++;
  if (seq >= BODY.length * BODY.length) return { available: false, reason: "more imports than the code prefix allows" };
  const run = `${BODY[Math.floor(seq / BODY.length)]}${BODY[seq % BODY.length]}`;
  // Named as the registry's enterprises are (重庆…有限公司, bench/generate.ts), as a city list's would be.
  const rng = new Rng(0x1e5 + seq);
  for (let i = 0; i < rows; i++) {
    let body = `K${run}`;
    for (let n = i, k = 0; k < 6; k++, n = Math.floor(n / BODY.length)) body += BODY[n % BODY.length];
    const values: Record<string, unknown> = {
      企业名称: enterpriseName(rng),
      统一社会信用代码: makeCreditCode("91", "500112", body.slice(0, 9)),
      法定代表人: "王测试",
      成立日期: new Date(Date.UTC(2015, 5, 1)),
      "注册资本（万元）": 1000 + i,
      所属镇街: "龙溪街道",
      产业链: "软件信息",
      规上工业企业: i % 2 ? "是" : "否",
      联系人: "张三",
      联系电话: "13800138000",
      状态: "在册",
    };
    const row = ws.getRow(i + 2);
    for (const [h, v] of Object.entries(values)) {
      const n = col.get(h);
      if (!n) return { available: false, reason: `template has no column ${h}` };
      row.getCell(n).value = v as never;
    }
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const id = actionId(ctx.root, "features/import/actions.ts", "commitImport");
  // React encodes `action(null, formData)` as the form's fields prefixed "_1_", then the argument list "0" last.
  const form = new FormData();
  form.append("_1_registry", "enterprise");
  form.append("_1_mode", "all");
  form.append(
    "_1_file",
    new File([new Uint8Array(file)], "基准导入.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  form.append("0", JSON.stringify([null, "$K1"]));
  let reply = { status: 0, text: "" };
  const t0 = performance.now();
  const { peakMb } = await withPeakRss(ctx.pids, async () => {
    const res = await fetch(`${ctx.base}/import`, {
      method: "POST",
      headers: { "next-action": id, accept: "text/x-component", origin: ctx.base, cookie: ctx.staffCookie },
      body: form,
    });
    reply = { status: res.status, text: await res.text() };
  });
  const seconds = (performance.now() - t0) / 1000;
  const m = /\{"ok":(true|false)[^\n]*/.exec(reply.text);
  const ok = m?.[1] === "true" ? m[0] : null;
  if (!ok) return { available: false, reason: `import refused: ${reply.text.slice(0, 300)}` };
  const counts = (JSON.parse(ok) as { data?: { counts?: { new?: number } } }).data?.counts;
  if (counts?.new !== rows)
    return { available: false, reason: `import wrote ${JSON.stringify(counts)}, expected ${rows} new` };
  return { available: true, rows, seconds, rowsPerSecond: rows / seconds, peakRssMb: peakMb, counts };
}

// ───────────────────────────── first-load JavaScript ─────────────────────────────

/**
 * First-load JS of a route from the build's manifests: the root main files plus the client chunks of the root
 * layout, the dashboard layout and the page (what the browser loads before the page is interactive), gzip -9.
 */
export function firstLoadJs(
  root: string,
  route: "/" | "/enterprises",
): { files: number; gzipKb: number; rawKb: number } {
  const next = path.join(root, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const pageDir = route === "/" ? "app/(dashboard)" : "app/(dashboard)/enterprises";
  const manifestFile = path.join(next, "server", pageDir, "page_client-reference-manifest.js");
  const g = globalThis as unknown as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  g.__RSC_MANIFEST = {};
  new Function("globalThis", "self", fs.readFileSync(manifestFile, "utf8"))(g, g);
  const entry = Object.values(g.__RSC_MANIFEST)[0]?.entryJSFiles ?? {};
  const pageKey = `[project]/${pageDir}/page`;
  const keys = ["[project]/app/layout", "[project]/app/(dashboard)/layout", pageKey];
  if (!entry[pageKey]) throw new Error(`no client entry for ${pageKey} in ${manifestFile}`);
  const files = new Set<string>(build.rootMainFiles);
  for (const k of keys) for (const f of entry[k] ?? []) files.add(f);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(next, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: files.size, gzipKb: gz / 1024, rawKb: raw / 1024 };
}
