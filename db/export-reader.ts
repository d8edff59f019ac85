import Database from "better-sqlite3";
import { resolveDatabasePath } from "./path";

/**
 * Streams the rows of a built drizzle query from a separate read-only connection. The app's main
 * connection stays free for other requests while a long export is still being read (WAL lets both run).
 */
export function iterateQuery<R>(
  query: { toSQL(): { sql: string; params: unknown[] } },
  map: (row: unknown[]) => R,
): { rows: Iterable<R>; close: () => void } {
  const { sql, params } = query.toSQL();
  const conn = new Database(resolveDatabasePath(), { readonly: true, fileMustExist: true });
  conn.pragma("busy_timeout = 5000");
  let closed = false;
  const close = () => {
    if (!closed) {
      closed = true;
      conn.close();
    }
  };
  const rows = (function* () {
    try {
      const stmt = conn.prepare(sql).raw(true);
      for (const r of stmt.iterate(...(params as unknown[]))) yield map(r as unknown[]);
    } finally {
      close();
    }
  })();
  return { rows, close };
}
