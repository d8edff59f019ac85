import path from "node:path";

/** DATABASE_URL accepts `file:/abs/path.db`, `file:rel.db` or a plain path; default data/bureau.db. */
export function resolveDatabasePath(url = process.env.DATABASE_URL): string {
  const raw = url && url.trim() !== "" ? url.trim() : "data/bureau.db";
  const p = raw.startsWith("file:") ? raw.slice("file:".length).replace(/^\/\/(?=\/)/, "") : raw;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}
