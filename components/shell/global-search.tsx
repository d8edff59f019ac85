"use client";
import { Search } from "lucide-react";
import { usePathname } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { SearchState } from "./global-search-dialog";

// The dialog's body is a chunk of its own: requested when the button is hovered or focused, or when the search
// opens (click or shortcut), so a page that never searches does not load it.
const loadDialog = () => import("./global-search-dialog");
// React.lazy rather than next/dynamic: the dialog only ever renders after a user's action (never on the server),
// and next/dynamic's own runtime would cost every page more than the dialog saves.
const GlobalSearchDialog = lazy(() => loadDialog().then((m) => ({ default: m.GlobalSearchDialog })));
const preloadDialog = () => {
  loadDialog().catch(() => {});
};

/**
 * 全局搜索 in the header: Ctrl/⌘+K or `/` from any page opens it; results as you type (debounced, the newest
 * request wins), grouped by registry with counts, the matched part highlighted. A combobox over a listbox: ↑/↓
 * move, Enter opens the record (or the filtered list), Esc closes. What is found is decided by the server
 * (/search/query: the user's role and data scope), never here.
 */
export function GlobalSearch({ canIncludeDeleted }: { canIncludeDeleted: boolean }) {
  const t = useT();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [deleted, setDeleted] = useState(false);
  const [state, setState] = useState<SearchState>({ kind: "idle" });
  const [active, setActive] = useState(0);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const openSearch = useCallback(() => {
    preloadDialog();
    setOpen(true);
  }, []);

  // The shortcut, from every page: Ctrl/⌘+K anywhere, `/` when not typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
      if ((e.key === "k" || e.key === "K") && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        openSearch();
      } else if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        openSearch();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openSearch]);

  // Navigating elsewhere closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a route change only
  useEffect(() => setOpen(false), [pathname]);

  const close = useCallback(() => {
    setOpen(false);
    triggerRef.current?.focus();
  }, []);

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        data-testid="global-search-open"
        onClick={openSearch}
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
        aria-haspopup="dialog"
        className="inline-flex min-w-0 items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-500 hover:border-slate-300 hover:bg-white sm:w-64"
      >
        <Search className="h-4 w-4 shrink-0" aria-hidden />
        <span className="hidden truncate sm:inline">{t("search.open")}</span>
        <span className="sr-only sm:hidden">{t("search.label")}</span>
        <kbd className="ml-auto hidden rounded border border-slate-200 bg-white px-1.5 text-xs text-slate-500 sm:inline">
          {t("search.shortcut")}
        </kbd>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <GlobalSearchDialog
            canIncludeDeleted={canIncludeDeleted}
            model={{ query, setQuery, deleted, setDeleted, state, setState, active, setActive }}
            close={close}
            setOpen={setOpen}
          />
        </Suspense>
      ) : null}
    </>
  );
}
