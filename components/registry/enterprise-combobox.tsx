"use client";
import { Building2, Search, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export type EnterpriseOption = { id: number; name: string; creditCode?: string };

type Status = "idle" | "loading" | "done" | "error";

/**
 * The one enterprise picker (host enterprise, tenant, employer): a combobox that finds live enterprises on the
 * server (`/enterprises/lookup`: name contains, credit code starts with) as the user types, and submits the
 * chosen enterprise's id in a hidden field. The server checks the id again.
 *
 * Keyboard: ↓/↑ move through the suggestions, Enter picks the highlighted one (or the only one) and never submits
 * the form while the list is open, Escape closes the list. While a Chinese input method is composing (pinyin
 * candidates on screen), keys belong to the input method: Enter confirms the candidate, it does not pick.
 *
 * With `freeText`, the typed text itself is submitted under that name when no enterprise is linked (an employer
 * that is not a registered enterprise); otherwise a chosen enterprise is shown as a chip with 重新选择.
 */
export function EnterpriseCombobox({
  id,
  name,
  value,
  defaultValue = null,
  onChange,
  freeText,
  invalid,
  describedBy,
}: {
  id: string;
  /** Name of the hidden field carrying the chosen enterprise's id. */
  name: string;
  /** Controlled choice (with onChange); otherwise the component keeps its own, starting at defaultValue. */
  value?: EnterpriseOption | null;
  defaultValue?: EnterpriseOption | null;
  onChange?: (v: EnterpriseOption | null) => void;
  freeText?: { name: string; defaultValue: string; maxLength: number };
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useT();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [own, setOwn] = useState<EnterpriseOption | null>(defaultValue);
  const chosen = value !== undefined ? value : own;
  const setChosen = (v: EnterpriseOption | null) => {
    if (value === undefined) setOwn(v);
    onChange?.(v);
  };
  const [text, setText] = useState(freeText ? freeText.defaultValue : "");
  const [typed, setTyped] = useState(false);
  const [composing, setComposing] = useState(false);
  const [results, setResults] = useState<EnterpriseOption[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim();
    // Nothing to look up until the user types; never for half-composed pinyin; not while a linked name shows.
    if (!typed || composing || !q || (freeText && chosen)) {
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
  }, [text, typed, composing, freeText, chosen]);

  const choose = (o: EnterpriseOption) => {
    setChosen(o);
    setOpen(false);
    setResults([]);
    setStatus("idle");
    setTyped(false);
    setText(freeText ? o.name : "");
  };

  if (chosen && !freeText) {
    return (
      <div
        className={cn(
          "flex min-h-9 items-center justify-between gap-2 rounded-md border border-slate-300 bg-brand-50 px-3 py-1 text-sm",
          invalid && "border-red-600",
        )}
        data-testid="enterprise-chosen"
      >
        <input type="hidden" name={name} value={chosen.id} />
        <span className="min-w-0 break-words">
          <span className="sr-only">
            {t("registry.picker.selected")}
            {t("common.colon")}
          </span>
          <span className="font-medium">{chosen.name}</span>
          {chosen.creditCode ? (
            <span className="ml-2 font-mono text-xs text-slate-500">{chosen.creditCode}</span>
          ) : null}
        </span>
        <button
          type="button"
          id={id}
          // Its own name, not the field label that points at it: what it says is what it does.
          aria-label={t("registry.picker.change")}
          aria-describedby={describedBy}
          className="inline-flex min-h-6 shrink-0 items-center gap-1 rounded px-1.5 text-xs text-slate-600 hover:bg-slate-200 hover:text-slate-900"
          onClick={() => {
            setChosen(null);
            requestAnimationFrame(() => inputRef.current?.focus());
          }}
        >
          <X className="h-3.5 w-3.5" aria-hidden />
          {t("registry.picker.change")}
        </button>
      </div>
    );
  }

  const showList = open && text.trim() !== "" && status !== "idle";
  const linked = freeText && chosen;
  return (
    <div className="relative">
      <input type="hidden" name={name} value={linked ? chosen.id : ""} />
      <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-400" aria-hidden />
      <input
        ref={inputRef}
        id={id}
        name={freeText?.name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        placeholder={freeText ? t("registry.picker.placeholderFreeText") : t("registry.picker.placeholder")}
        maxLength={freeText?.maxLength ?? 100}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
          if (linked) setChosen(null);
          setOpen(true);
        }}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(e) => {
          setComposing(false);
          setText(e.currentTarget.value);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          // An input method owns the keys while it composes (Enter confirms a pinyin candidate).
          if (composing || e.nativeEvent.isComposing || e.keyCode === 229) return;
          if (e.key === "ArrowDown" && results.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % results.length);
          } else if (e.key === "ArrowUp" && results.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? results.length - 1 : a - 1));
          } else if (e.key === "Enter" && showList) {
            // Enter picks the highlighted (or the only) enterprise; it never submits a half-filled form.
            e.preventDefault();
            const pick = results[active] ?? (results.length === 1 ? results[0] : undefined);
            if (pick) choose(pick);
          } else if (e.key === "Escape" && showList) {
            e.preventDefault();
            setOpen(false);
          }
        }}
        className={cn(
          "h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white pr-3 pl-8 text-sm shadow-xs placeholder:text-slate-400 aria-[invalid=true]:border-red-600",
          linked && "pr-24 font-medium text-brand-700",
        )}
      />
      {linked ? (
        <>
          <button
            type="button"
            className="absolute top-1.5 right-1.5 inline-flex h-6 items-center gap-0.5 rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100"
            onClick={() => setChosen(null)}
          >
            <X className="h-3 w-3" aria-hidden />
            {t("registry.picker.unlink")}
          </button>
          <p className="mt-1 inline-flex items-center gap-1 text-xs text-green-700" data-testid="enterprise-linked">
            <Building2 className="h-3.5 w-3.5" aria-hidden />
            {t("registry.picker.linked")}
          </p>
        </>
      ) : null}
      {showList ? (
        <div className="absolute z-20 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg">
          {status === "loading" && results.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">{t("registry.picker.searching")}</p>
          ) : status === "error" ? (
            <p className="px-3 py-2 text-sm text-red-700">{t("errors.unknown")}</p>
          ) : results.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">
              {freeText ? t("registry.picker.noMatchFreeText") : t("registry.picker.noMatch")}
            </p>
          ) : null}
          <div
            id={listId}
            role="listbox"
            aria-label={t("registry.picker.suggestions")}
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
                onMouseEnter={() => setActive(i)}
              >
                <span className="block break-words">{o.name}</span>
                {o.creditCode ? <span className="block font-mono text-xs text-slate-500">{o.creditCode}</span> : null}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
