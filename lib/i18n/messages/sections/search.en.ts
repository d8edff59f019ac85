import type { Widen } from "../widen";
import type { searchZh } from "./search";

// English, a chunk of its own: the browser loads it only for an English page (lib/i18n/client.tsx).
export const searchEn: Widen<typeof searchZh> = {
  open: "Search",
  shortcut: "Ctrl K",
  label: "Search everything",
  placeholder:
    "Enterprises, institutions, incubators, talent, award lines: a name fragment, credit code or pinyin initials",
  tooShort: "Type at least 2 characters",
  searching: "Searching…",
  none: "Nothing matches “{query}”",
  failed: "The search failed, please try again",
  count: "{count}",
  countCapped: "{count}+",
  viewAll: "View all in the list",
  edit: "Edit",
  includeDeleted: "Include deleted",
  deleted: "Deleted",
  awardLine: "{year} {policy} · {amount} 10k yuan",
  awardExcluded: "Not included",
  matched: { exact: "Exact name", prefix: "Name starts", name: "Name", code: "Credit code", pinyin: "Pinyin" },
  hint: "↑↓ to move · Enter to open · Esc to close",
  close: "Close search",
};
