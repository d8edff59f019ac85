// The framework's own floor on this machine: a bare Next app built from this project's installed next and react —
// a root layout and one dynamic page (it reads a request header, so it renders per request as every page of the app
// does) of 25 short rows; no proxy, no session, no data, no client component — built and served as the app is
// (`next build`, `next start`) and loaded as scenario 1 (full HTML) and 1r (an RSC navigation) are. No page of the
// app can be served faster than this by rendering it, so the page goals are read against it.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextBin } from "../scripts/build-if-needed";
import { rscParam } from "./rsc";
import { htmlHeaders, type LoadResult, loadUrl } from "./scenarios";
import { stopGroup, waitServing } from "./server";

const LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
`;
const PAGE = `import { headers } from "next/headers";

export default async function Page() {
  const agent = (await headers()).get("user-agent") ?? "";
  return (
    <main className="p-4">
      <h1 className="text-xl font-semibold text-slate-900">科技企业 {agent.length}</h1>
      <ul>
        {Array.from({ length: 25 }, (_, i) => (
          <li key={i} className="px-4 py-2 text-sm text-slate-600">
            重庆示例科技有限公司 {i}
          </li>
        ))}
      </ul>
    </main>
  );
}
`;
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["dom", "esnext"],
    jsx: "react-jsx",
    module: "esnext",
    moduleResolution: "bundler",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    isolatedModules: true,
    plugins: [{ name: "next" }],
  },
  include: ["**/*.ts", "**/*.tsx"],
  exclude: ["node_modules"],
};

export type NextFloor = { html: LoadResult; rsc: LoadResult; htmlBytes: number; rscBytes: number; version: string };

/** The deepest folder that holds both paths (Turbopack's root must hold the app and the node_modules it links). */
function commonRoot(a: string, b: string): string {
  const pa = path.resolve(a).split(path.sep);
  const pb = path.resolve(b).split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/**
 * Builds the bare app (once per installed Next version, in the system's temp folder, node_modules linked to the
 * project's), serves it on `port` and loads /p at `connections` connections like the app's scenarios 1 and 1r.
 */
export async function nextFloor(o: {
  root: string;
  port: number;
  connections: number;
  duration: number;
  warmup: number;
  log: (m: string) => void;
}): Promise<NextFloor> {
  const version = (
    JSON.parse(fs.readFileSync(path.join(o.root, "node_modules/next/package.json"), "utf8")) as { version: string }
  ).version;
  const dir = path.join(os.tmpdir(), `bench-next-floor-${version}-v1`);
  if (!fs.existsSync(path.join(dir, ".next/BUILD_ID"))) {
    o.log(`framework floor: building a bare Next ${version} app in ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, "app/p"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "next-floor", "private": true, "type": "module" }\n');
    fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    fs.writeFileSync(
      path.join(dir, "next.config.mjs"),
      `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(commonRoot(dir, o.root))} } };\n`,
    );
    fs.writeFileSync(path.join(dir, "app/layout.tsx"), LAYOUT);
    fs.writeFileSync(path.join(dir, "app/p/page.tsx"), PAGE);
    fs.symlinkSync(path.join(o.root, "node_modules"), path.join(dir, "node_modules"), "dir");
    execFileSync(process.execPath, [nextBin, "build"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
  }
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(o.port), "-H", "127.0.0.1"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    detached: true,
  });
  const base = `http://127.0.0.1:${o.port}`;
  try {
    await waitServing(`${base}/p`, () => child.exitCode !== null, 30_000);
    const html = htmlHeaders("");
    // A client navigation from / to /p: the router state of the page on screen, RSC: 1 and the matching _rsc.
    const tree = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}, null, null] }, null, null]));
    const rsc = { RSC: "1", "Next-Router-State-Tree": tree, "accept-encoding": "identity" };
    const rscUrl = `${base}/p?_rsc=${rscParam(tree)}`;
    const htmlBytes = (await (await fetch(`${base}/p`, { headers: html })).text()).length;
    const rscReply = await fetch(rscUrl, { headers: rsc, redirect: "manual" });
    if (!rscReply.headers.get("content-type")?.includes("text/x-component"))
      throw new Error(`the bare app's RSC request answered ${rscReply.status} ${rscReply.headers.get("content-type")}`);
    const rscBytes = (await rscReply.text()).length;
    const htmlLoad = await loadUrl(`${base}/p`, html, o);
    const rscLoad = await loadUrl(rscUrl, rsc, o);
    return { html: htmlLoad, rsc: rscLoad, htmlBytes, rscBytes, version };
  } finally {
    // Gone before the app's server starts, so the app's cold start and load run alone.
    await stopGroup(child);
  }
}
