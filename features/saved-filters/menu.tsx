"use client";
import { Bookmark, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useDailyUse } from "@/components/daily/daily-use";
import { useT } from "@/lib/i18n/client";
import { deleteFilter, saveFilter } from "./actions";
import { SAVED_FILTER_NAME_MAX, type SavedFilterList } from "./keys";

export type SavedFilterItem = { id: number; name: string; query: string };

/** 已存筛选: the user's named filters of this list (apply = open its URL), save the current one, delete one. */
export function SavedFiltersMenu({ list, items }: { list: SavedFilterList; items: SavedFilterItem[] }) {
  const t = useT();
  const router = useRouter();
  const daily = useDailyUse();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [open]);

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className="inline-flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100"
        aria-expanded={open}
        aria-controls={`saved-filters-${list}`}
        onClick={() => setOpen((v) => !v)}
      >
        <Bookmark className="h-4 w-4" />
        {t("daily.savedFilters.menu")}
        {items.length ? <span className="tabular text-slate-500">({items.length})</span> : null}
      </button>
      {open ? (
        <div
          ref={panel}
          id={`saved-filters-${list}`}
          className="absolute right-0 z-30 mt-1 flex w-72 flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg"
        >
          {items.length === 0 ? (
            <p className="text-sm text-slate-500">{t("daily.savedFilters.none")}</p>
          ) : (
            <ul className="flex flex-col gap-0.5" data-testid="saved-filters">
              {items.map((f) => (
                <li key={f.id} className="flex items-center gap-1">
                  <Link
                    href={f.query ? `/${list}?${f.query}` : `/${list}`}
                    className="min-h-6 flex-1 truncate rounded px-1 py-1 text-sm text-brand-700 hover:bg-slate-100"
                    onClick={() => setOpen(false)}
                  >
                    {f.name}
                  </Link>
                  <button
                    type="button"
                    className="inline-flex h-7 w-7 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-red-700"
                    aria-label={t("daily.savedFilters.remove", { name: f.name })}
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const res = await deleteFilter({ id: f.id, list });
                        if (res.ok) {
                          daily.toast(t("daily.savedFilters.removed"));
                          router.refresh();
                        } else setError(res.message);
                      })
                    }
                  >
                    <X className="h-4 w-4" />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="flex flex-col gap-1 border-t border-slate-100 pt-2"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const name = String(new FormData(form).get("name") ?? "");
              start(async () => {
                const res = await saveFilter({ list, name, query: window.location.search });
                if (res.ok) {
                  setError(null);
                  form.reset();
                  daily.toast(t("daily.savedFilters.savedOk", { name: name.trim() }));
                  router.refresh();
                } else setError(res.fieldErrors?.name?.[0] ?? res.message);
              });
            }}
          >
            <label htmlFor={`saved-filter-name-${list}`} className="text-xs text-slate-600">
              {t("daily.savedFilters.save")}
            </label>
            <div className="flex gap-1">
              <input
                id={`saved-filter-name-${list}`}
                name="name"
                required
                maxLength={SAVED_FILTER_NAME_MAX}
                placeholder={t("daily.savedFilters.name")}
                className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 px-2 text-sm"
              />
              <button
                type="submit"
                disabled={pending}
                className="h-8 rounded-md bg-brand-600 px-3 text-sm text-white hover:bg-brand-700 disabled:opacity-50"
              >
                {t("daily.savedFilters.submit")}
              </button>
            </div>
            {error ? (
              <p role="alert" className="text-xs text-red-700">
                {error}
              </p>
            ) : null}
          </form>
        </div>
      ) : null}
    </div>
  );
}
