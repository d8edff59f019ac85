import { parseAsBoolean, parseAsInteger, parseAsString } from "nuqs/server";

export const PAGE_SIZES = [20, 25, 50, 100] as const;

/** Table state shared by every registry list: page, page size, sort ("column.asc|desc"), text search, 已删除 filter. */
export const baseListParsers = {
  page: parseAsInteger.withDefault(1),
  perPage: parseAsInteger.withDefault(20),
  sort: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  deleted: parseAsBoolean.withDefault(false),
};

export type SortSpec<K extends string> = { column: K; desc: boolean };

/** Only whitelisted columns sort; anything else falls back to the default. */
export function parseSort<K extends string>(raw: string, allowed: readonly K[], fallback: SortSpec<K>): SortSpec<K> {
  const [column, dir] = raw.split(".");
  if ((allowed as readonly string[]).includes(column)) return { column: column as K, desc: dir === "desc" };
  return fallback;
}

export function clampPage(page: number, perPage: number): { page: number; perPage: number; offset: number } {
  const size = (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : PAGE_SIZES[0];
  const p = Number.isFinite(page) && page >= 1 ? Math.min(Math.floor(page), 1_000_000) : 1;
  return { page: p, perPage: size, offset: (p - 1) * size };
}

/** Escapes % and _ for LIKE … ESCAPE '\'. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
export function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
