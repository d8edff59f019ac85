"use client";
import { Pencil, Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { useT } from "@/lib/i18n/client";

// The search dialog's body: a chunk of its own, loaded when the search is first opened (or its button hovered or
// focused), not with every page (components/shell/global-search.tsx keeps the button and the shortcut).

type Segment = { text: string; hit: boolean };
type Hit = {
  id: number;
  href: string;
  editHref?: string;
  name: Segment[];
  matched: string;
  matchedLabel: string;
  code?: Segment[];
  street: string | null;
  status: string | null;
  other: string | null;
  deleted: boolean;
};
type Group = {
  registry: string;
  title: string;
  listHref: string | null;
  total: number;
  countLabel: string;
  hits: Hit[];
};
type Answer = { ok: true; query: string; groups: Group[] } | { ok: false; message: string };
export type SearchState = { kind: "idle" } | { kind: "loading" } | { kind: "error" } | { kind: "done"; answer: Answer };

/** One row the arrow keys move through: a record, or a group's "view all in the list". */
type Option = { id: string; href: string };

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={`${i}${s.text}`} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {s.text}
          </mark>
        ) : (
          <Fragment key={`${i}${s.text}`}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}

/** What the dialog shows and edits; kept by the header's GlobalSearch, so closing and reopening keeps the query. */
export type SearchModel = {
  query: string;
  setQuery: (q: string) => void;
  deleted: boolean;
  setDeleted: (d: boolean) => void;
  state: SearchState;
  setState: (s: SearchState) => void;
  active: number;
  setActive: React.Dispatch<React.SetStateAction<number>>;
};

export function GlobalSearchDialog({
  canIncludeDeleted,
  model,
  close,
  setOpen,
}: {
  canIncludeDeleted: boolean;
  model: SearchModel;
  close: () => void;
  setOpen: (open: boolean) => void;
}) {
  const t = useT();
  const router = useRouter();
  const { query, setQuery, deleted, setDeleted, state, setState, active, setActive } = model;
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // Results as you type: 150 ms after the last keystroke; an older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ kind: "idle" });
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setState({ kind: "loading" });
      const params = new URLSearchParams({ q });
      if (deleted) params.set("deleted", "1");
      fetch(`/search/query?${params}`, { cache: "no-store", signal: ctl.signal })
        .then((r) => (r.ok ? (r.json() as Promise<Answer>) : Promise.reject(new Error(String(r.status)))))
        .then((answer) => {
          setState({ kind: "done", answer });
          setActive(0);
        })
        .catch((err: unknown) => {
          if ((err as Error).name !== "AbortError") setState({ kind: "error" });
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [query, deleted, setState, setActive]);

  const answer = state.kind === "done" ? state.answer : null;
  const groups = answer?.ok ? answer.groups : [];
  const options: Option[] = groups.flatMap((g) => [
    ...g.hits.map((h) => ({ id: `${listId}-${g.registry}-${h.id}`, href: h.href })),
    ...(g.listHref ? [{ id: `${listId}-${g.registry}-all`, href: g.listHref }] : []),
  ]);
  const activeId = options[active]?.id;

  const go = (href: string) => {
    setOpen(false);
    // A hit at a row of a page (#line-…) is opened as a document navigation: the browser then scrolls to the row
    // and marks it :target (highlighted); the router's pushState would scroll but never set :target.
    if (href.includes("#")) window.location.assign(href);
    else router.push(href);
  };

  const onInputKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (options.length) setActive((a) => (a + 1) % options.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (options.length) setActive((a) => (a - 1 + options.length) % options.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const o = options[active];
      if (o) go(o.href);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  };

  let k = -1;
  // In <body>, not inside the header: the header's backdrop blur would make it the box a fixed overlay covers.
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes; Esc and the close button are the keyboard ways
    <div
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-2 pt-[8vh] sm:p-4 sm:pt-[10vh]"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t("search.label")}
        data-testid="global-search"
        className="flex max-h-[80vh] w-full max-w-2xl flex-col overflow-hidden rounded-lg bg-white shadow-xl"
      >
        <div className="flex items-center gap-2 border-b border-slate-200 px-3">
          <Search className="h-5 w-5 shrink-0 text-slate-400" aria-hidden />
          <input
            ref={inputRef}
            role="combobox"
            aria-expanded={groups.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            aria-label={t("search.label")}
            data-testid="global-search-input"
            value={query}
            maxLength={1000}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onInputKey}
            placeholder={t("search.placeholder")}
            className="h-12 min-w-0 flex-1 bg-transparent text-base text-slate-900 outline-none placeholder:text-slate-400"
          />
          <button
            type="button"
            onClick={close}
            className="rounded p-1.5 text-slate-500 hover:bg-slate-100"
            aria-label={t("search.close")}
          >
            <X className="h-4 w-4" />
          </button>
        </div>
        {canIncludeDeleted ? (
          <label className="flex items-center gap-2 border-b border-slate-100 px-4 py-1.5 text-xs text-slate-600">
            <input type="checkbox" checked={deleted} onChange={(e) => setDeleted(e.target.checked)} />
            {t("search.includeDeleted")}
          </label>
        ) : null}
        <div className="min-h-0 flex-1 overflow-y-auto" data-testid="global-search-results" aria-live="polite">
          {state.kind === "loading" ? (
            <p className="px-4 py-3 text-sm text-slate-500">{t("search.searching")}</p>
          ) : null}
          {state.kind === "error" ? (
            <p role="alert" className="px-4 py-3 text-sm text-red-700">
              {t("search.failed")}
            </p>
          ) : null}
          {answer && !answer.ok ? (
            <p className="px-4 py-3 text-sm text-amber-800" data-testid="global-search-message">
              {answer.message}
            </p>
          ) : null}
          {answer?.ok && groups.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-500" data-testid="global-search-message">
              {t("search.none", { query: answer.query })}
            </p>
          ) : null}
          <div id={listId} role="listbox" aria-label={t("search.label")} hidden={groups.length === 0}>
            {groups.map((g) => (
              // biome-ignore lint/a11y/useSemanticElements: a listbox's option group (a fieldset is not allowed in a listbox)
              <div
                key={g.registry}
                role="group"
                aria-labelledby={`${listId}-${g.registry}-h`}
                data-testid={`global-search-group-${g.registry}`}
                className="border-b border-slate-100 py-1 last:border-0"
              >
                <div
                  id={`${listId}-${g.registry}-h`}
                  role="presentation"
                  className="flex items-baseline justify-between px-4 pt-2 pb-1 text-xs font-semibold text-slate-500"
                >
                  <span>{g.title}</span>
                  <span data-testid="global-search-count">{g.countLabel}</span>
                </div>
                {g.hits.map((h) => {
                  k++;
                  const i = k;
                  const id = options[i].id;
                  return (
                    <div
                      key={h.id}
                      id={id}
                      role="option"
                      aria-selected={i === active}
                      data-testid="global-search-hit"
                      tabIndex={-1}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => go(h.href)}
                      onKeyDown={() => {}}
                      className={`flex cursor-pointer items-start gap-2 px-4 py-2 ${i === active ? "bg-brand-50" : ""}`}
                    >
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm font-medium text-slate-900">
                          <Highlighted segments={h.name} />
                          {h.deleted ? (
                            <span className="ml-2 rounded bg-red-50 px-1.5 text-xs text-red-700">
                              {t("search.deleted")}
                            </span>
                          ) : null}
                        </p>
                        <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                          <span className="rounded bg-slate-100 px-1 text-slate-600">{h.matchedLabel}</span>
                          {h.code ? (
                            <span className="font-mono" translate="no">
                              <Highlighted segments={h.code} />
                            </span>
                          ) : null}
                          {h.street ? <span>{h.street}</span> : null}
                          {h.status ? <span>{h.status}</span> : null}
                          {h.other ? <span className="truncate">{h.other}</span> : null}
                        </p>
                      </div>
                      {h.editHref ? (
                        <Link
                          href={h.editHref}
                          tabIndex={-1}
                          data-testid="global-search-edit"
                          onClick={(e) => {
                            e.stopPropagation();
                            setOpen(false);
                          }}
                          className="inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-100"
                        >
                          <Pencil className="h-3 w-3" aria-hidden />
                          {t("search.edit")}
                        </Link>
                      ) : null}
                    </div>
                  );
                })}
                {(() => {
                  const listHref = g.listHref;
                  if (!listHref) return null;
                  k++;
                  const i = k;
                  return (
                    <div
                      id={options[i].id}
                      role="option"
                      aria-selected={i === active}
                      tabIndex={-1}
                      data-testid="global-search-all"
                      onMouseEnter={() => setActive(i)}
                      onClick={() => go(listHref)}
                      onKeyDown={() => {}}
                      className={`cursor-pointer px-4 py-1.5 text-xs text-brand-700 ${i === active ? "bg-brand-50" : ""}`}
                    >
                      {t("search.viewAll")}
                      {t("common.paren", { text: g.countLabel })}
                    </div>
                  );
                })()}
              </div>
            ))}
          </div>
        </div>
        <p className="border-t border-slate-100 px-4 py-1.5 text-xs text-slate-400">{t("search.hint")}</p>
      </div>
    </div>,
    document.body,
  );
}
