"use client";
import { parseAsString, useQueryStates } from "nuqs";
import { createContext, useContext, useTransition } from "react";
import { baseListParsers } from "@/lib/registry/search-params";

/**
 * Table state in the URL. Every change re-renders the server component (shallow: false), so paging,
 * sorting and filtering always run in SQL; `pending` drives the loading state.
 */
export function useTableUrl(facetKeys: string[] = []) {
  const [pending, startTransition] = useTransition();
  const facets = Object.fromEntries(facetKeys.map((k) => [k, parseAsString.withDefault("")]));
  const [state, setState] = useQueryStates(
    { ...baseListParsers, ...facets },
    { shallow: false, startTransition, history: "push" },
  );
  return { state: state as Record<string, string | number | boolean>, setState, pending };
}

export type TableUrl = ReturnType<typeof useTableUrl>;

/** One URL state per table, shared by the table and its toolbar so one transition drives the skeleton. */
export const TableUrlContext = createContext<TableUrl | null>(null);

export function useTableUrlContext(): TableUrl {
  const ctx = useContext(TableUrlContext);
  if (!ctx) throw new Error("toolbar controls must be rendered inside <DataTable>");
  return ctx;
}
