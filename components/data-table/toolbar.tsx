"use client";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useTableUrlContext } from "./use-table-url";

/** Text search on name / code: updates ?q= (debounced) and returns to page 1. */
export function SearchBox({ placeholder }: { placeholder: string; facetKeys?: string[] }) {
  const { state, setState } = useTableUrlContext();
  const [value, setValue] = useState(String(state.q ?? ""));
  const input = useRef<HTMLInputElement>(null);
  const rendered = useRef(value);
  useEffect(() => setValue(String(state.q ?? "")), [state.q]);
  // Text typed while the page was still loading (before React hydrated) sits in the box but fired no onChange,
  // so it would never search; adopt it once, on hydration.
  useEffect(() => {
    const typed = input.current?.value ?? "";
    if (typed !== rendered.current) setValue(typed);
  }, []);
  useEffect(() => {
    if (value === String(state.q ?? "")) return;
    const timer = setTimeout(() => setState({ q: value.trim() || null, page: 1 }), 350);
    return () => clearTimeout(timer);
  }, [value, state.q, setState]);
  return (
    <div className="relative w-full sm:w-64">
      <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-400" />
      <input
        ref={input}
        type="search"
        aria-label={placeholder}
        placeholder={placeholder}
        value={value}
        maxLength={100}
        onChange={(e) => setValue(e.target.value)}
        className="h-9 w-full rounded-md border border-slate-300 bg-white pr-3 pl-8 text-sm"
      />
    </div>
  );
}

export type FacetOption = { value: string; label: string };

/** One facet (镇街, 园区, level…) as a select bound to a query-string key. */
export function FacetSelect({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: FacetOption[];
  facetKeys?: string[];
}) {
  const t = useT();
  const { state, setState } = useTableUrlContext();
  return (
    <label className="flex w-[calc(50%-0.25rem)] flex-col gap-1 text-xs text-slate-500 sm:w-auto">
      {label}
      <select
        name={name}
        aria-label={label}
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 sm:w-auto sm:max-w-44"
        value={String(state[name] ?? "")}
        onChange={(e) => setState({ [name]: e.target.value || null, page: 1 })}
      >
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A year bound (认定年份起/止) bound to the URL: applied when a full four-digit year is typed, or cleared. */
export function YearInput({ name, label }: { name: string; label: string }) {
  const { state, setState } = useTableUrlContext();
  const current = String(state[name] ?? "");
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  useEffect(() => {
    if (value === current || (value !== "" && !/^\d{4}$/.test(value))) return;
    const timer = setTimeout(() => setState({ [name]: value || null, page: 1 }), 350);
    return () => clearTimeout(timer);
  }, [value, current, name, setState]);
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-500">
      {label}
      <input
        type="text"
        inputMode="numeric"
        name={name}
        aria-label={label}
        maxLength={4}
        value={value}
        onChange={(e) => setValue(e.target.value.replace(/\D/g, ""))}
        className="h-9 w-24 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 tabular"
      />
    </label>
  );
}

/** Admin-only: show soft-deleted records (to restore them). */
export function DeletedToggle(_props: { facetKeys?: string[] }) {
  const t = useT();
  const { state, setState } = useTableUrlContext();
  return (
    <label className="flex h-9 items-center gap-1.5 text-sm text-slate-700">
      <input
        type="checkbox"
        checked={state.deleted === true}
        onChange={(e) => setState({ deleted: e.target.checked || null, page: 1 })}
      />
      {t("registry.showDeleted")}
    </label>
  );
}
