// The read side's URL state derived from a registry definition: filter parsers (nuqs), sortable keys and the
// toolbar's facet keys. Client-safe (no zod, no drizzle), so the list's client table reads the same metadata.

import { parseAsInteger, parseAsString, parseAsStringLiteral, type SingleParserBuilder } from "nuqs/server";
import { baseListParsers } from "@/lib/registry/search-params";
import type { Column, Columns, Fields, FilterOpts, RegistryDefinition } from "./define";

type AnyDefinition = RegistryDefinition<Fields, Columns>;
type ColsOf<D> = D extends { fields: infer F; columns?: infer C } ? F & NonNullable<C> : never;
type FilterValue<X> = X extends { kind: "dict" }
  ? number
  : X extends { kind: "enum"; values: readonly (infer V)[] }
    ? V
    : X extends { kind: "bool" }
      ? "yes" | "no"
      : string;
type ParsersOf<X> = X extends { filter: { param: infer P extends string } }
  ? { [K in P]: SingleParserBuilder<FilterValue<X>> }
  : X extends { filter: { range: readonly [infer A extends string, infer B extends string] } }
    ? { [K in A | B]: SingleParserBuilder<number> }
    : Record<never, never>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The nuqs parsers of a definition's filters, typed from the declarations. */
export type FilterParsers<D> = UnionToIntersection<
  { [K in keyof ColsOf<D>]-?: ParsersOf<ColsOf<D>[K]> }[keyof ColsOf<D>]
>;

/** Every field and read-only column of a definition, fields first, each in declaration order. */
export function allColumns(def: AnyDefinition): [string, Column][] {
  return [...Object.entries(def.fields), ...Object.entries(def.columns ?? {})];
}

/** The URL parameters a filter reads. */
export function filterParams(filter: FilterOpts): string[] {
  return "param" in filter ? [filter.param] : [...filter.range];
}

function parserFor(c: Column) {
  switch (c.kind) {
    case "dict":
    case "enterpriseRef":
      return parseAsInteger;
    case "enum":
      return parseAsStringLiteral(c.values);
    case "bool":
      return parseAsStringLiteral(["yes", "no"] as const);
    default:
      return parseAsString;
  }
}

/** The filters' parsers: `?param=` parsed by the field's kind, ranges as years. */
export function filterParsers<D extends AnyDefinition>(def: D): FilterParsers<D> {
  const out: Record<string, unknown> = {};
  for (const [, c] of allColumns(def)) {
    if (!c.filter) continue;
    if ("param" in c.filter) out[c.filter.param] = parserFor(c);
    else for (const p of c.filter.range) out[p] = parseAsInteger;
  }
  return out as FilterParsers<D>;
}

/** Page, page size, sort, text search, 已删除 and the definition's filters. */
export function listParsers<D extends AnyDefinition>(def: D) {
  return { ...baseListParsers, ...(filterParsers(def) as object) } as typeof baseListParsers & FilterParsers<D>;
}

/** The table state every registry list shares (the definition's filters come on top). */
export type ListSearch = { page: number; perPage: number; sort: string; q: string; deleted: boolean };

/** The keys `?sort=<key>.asc|desc` accepts: fields and columns declared `list: { sortable: true }`. */
export function sortKeys(def: AnyDefinition): string[] {
  return allColumns(def)
    .filter(([, c]) => c.list?.sortable)
    .map(([k]) => k);
}

/** The URL keys of every filter (the client table keeps them in its URL state). */
export function facetKeys(def: AnyDefinition): string[] {
  return allColumns(def).flatMap(([, c]) => (c.filter ? filterParams(c.filter) : []));
}

/** A list row as the client table gets it: shown values by key (dictionary labels resolved, personal data masked). */
export type RegistryRow = {
  id: number;
  version: number;
  isSample: boolean;
  deletedAt: string | null;
  /** 录入 → 审核: a record not yet approved (pending/returned), and whether a change of it awaits review. */
  reviewState?: "approved" | "pending" | "returned";
  pendingChange?: number;
} & Record<string, unknown>;
