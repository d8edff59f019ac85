// Client-safe: which lists can hold saved filters, and which URL keys a saved filter may carry.

/** The lists with saved filters (their path without the slash). */
export const SAVED_FILTER_LISTS = ["enterprises", "institutions", "incubators", "talents"] as const;
export type SavedFilterList = (typeof SAVED_FILTER_LISTS)[number];

export const SAVED_FILTER_NAME_MAX = 40;
export const SAVED_FILTER_QUERY_MAX = 1000;
/** Per user and list: a short menu, not a second database. */
export const SAVED_FILTERS_PER_LIST = 30;

/** The list's URL query as saved: without the page (a filter, not a place in it), keys sorted, empty values dropped. */
export function savedQuery(search: string, allowed: readonly string[]): string {
  const sp = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const key of [...new Set(sp.keys())].sort()) {
    if (key === "page" || !allowed.includes(key)) continue;
    const v = sp.get(key);
    if (v) out.set(key, v);
  }
  return out.toString();
}
