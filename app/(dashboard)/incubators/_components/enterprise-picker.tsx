"use client";
import { Search, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export type EnterpriseOption = { id: number; name: string; creditCode: string };

type Status = "idle" | "loading" | "done" | "error";

/**
 * Combobox that finds live enterprises on the server (name contains / credit code starts with) and submits
 * the chosen one's id as a hidden field. The search text itself is never submitted.
 */
export function EnterprisePicker({
  id,
  name,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useT();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<EnterpriseOption[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [selected, setSelected] = useState<EnterpriseOption | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setStatus("idle");
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const res = await fetch(`/enterprises/lookup?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
          cache: "no-store",
        });
        if (!res.ok) throw new Error(String(res.status));
        setResults((await res.json()) as EnterpriseOption[]);
        setActive(-1);
        setStatus("done");
      } catch (err) {
        if ((err as Error).name !== "AbortError") setStatus("error");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const choose = (o: EnterpriseOption) => {
    setSelected(o);
    setOpen(false);
    setQuery("");
    setResults([]);
    setStatus("idle");
  };

  if (selected) {
    return (
      <div
        className="flex min-h-9 items-center justify-between gap-2 rounded-md border border-slate-300 bg-brand-50 px-3 py-1 text-sm"
        data-testid="picked-enterprise"
      >
        <input type="hidden" name={name} value={selected.id} />
        <span className="min-w-0 break-words">
          <span className="sr-only">{t("incubators.picker.selected")}：</span>
          <span className="font-medium">{selected.name}</span>
          <span className="ml-2 font-mono text-xs text-slate-500">{selected.creditCode}</span>
        </span>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setSelected(null);
            requestAnimationFrame(() => inputRef.current?.focus());
          }}
        >
          <X className="h-3.5 w-3.5" />
          {t("incubators.picker.change")}
        </Button>
      </div>
    );
  }

  const showList = open && query.trim() !== "" && status !== "idle";
  return (
    <div className="relative">
      <input type="hidden" name={name} value="" />
      <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-400" aria-hidden />
      <input
        ref={inputRef}
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        placeholder={t("incubators.picker.placeholder")}
        maxLength={100}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && results.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % results.length);
          } else if (e.key === "ArrowUp" && results.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? results.length - 1 : a - 1));
          } else if (e.key === "Enter" && showList) {
            // Enter picks the highlighted enterprise instead of submitting the form.
            e.preventDefault();
            const pick = results[active] ?? (results.length === 1 ? results[0] : undefined);
            if (pick) choose(pick);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className="h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white pr-3 pl-8 text-sm shadow-xs placeholder:text-slate-400 aria-[invalid=true]:border-red-600"
      />
      {showList ? (
        <div className="absolute z-20 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg">
          {status === "loading" && results.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">{t("incubators.picker.searching")}</p>
          ) : status === "error" ? (
            <p className="px-3 py-2 text-sm text-red-700">{t("errors.unknown")}</p>
          ) : results.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">{t("incubators.picker.noResults")}</p>
          ) : null}
          <div
            id={listId}
            role="listbox"
            aria-label={t("incubators.picker.label")}
            className="max-h-64 overflow-y-auto"
          >
            {results.map((o, i) => (
              <div
                key={o.id}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={cn("cursor-pointer px-3 py-2 text-sm hover:bg-brand-50", i === active && "bg-brand-50")}
                // mousedown (not click) so the input's blur does not close the list first
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                <span className="block break-words">{o.name}</span>
                <span className="block font-mono text-xs text-slate-500">{o.creditCode}</span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
