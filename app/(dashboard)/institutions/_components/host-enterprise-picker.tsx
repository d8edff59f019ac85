"use client";
import { X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export type HostChoice = { id: number; name: string; creditCode?: string };

/**
 * Search-as-you-type choice of a live enterprise (combobox + listbox). Only the hidden input carries a
 * value to the server, which checks again that the enterprise exists and is live.
 */
export function HostEnterprisePicker({
  id,
  name,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  value: HostChoice | null;
  onChange: (v: HostChoice | null) => void;
  invalid: boolean;
  describedBy: string;
}) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [options, setOptions] = useState<HostChoice[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    setLoading(true);
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/enterprises/lookup?q=${encodeURIComponent(text.trim())}`, {
          signal: ctrl.signal,
        });
        setOptions(res.ok ? ((await res.json()) as HostChoice[]) : []);
        setActive(0);
      } catch {
        // aborted by the next keystroke, or offline: the list simply stays as it was
      } finally {
        if (!ctrl.signal.aborted) setLoading(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, open]);

  const choose = (o: HostChoice) => {
    onChange(o);
    setText("");
    setOpen(false);
  };

  if (value) {
    return (
      <div
        className={cn(
          "flex h-9 min-w-0 items-center justify-between gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 text-sm",
          invalid && "border-red-600",
        )}
        data-testid="host-enterprise-chosen"
      >
        <input type="hidden" name={name} value={value.id} />
        <span className="truncate" title={value.name}>
          {value.name}
        </span>
        <button
          type="button"
          id={id}
          aria-label={t("institutions.hostClear")}
          aria-describedby={describedBy}
          className="shrink-0 rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
          onClick={() => onChange(null)}
        >
          <X className="h-4 w-4" />
        </button>
      </div>
    );
  }

  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        autoComplete="off"
        placeholder={t("institutions.hostSearchPlaceholder")}
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            // Enter picks the highlighted enterprise instead of submitting the form half-filled.
            if (open && options[active]) {
              e.preventDefault();
              choose(options[active]);
            }
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open ? (
        <div
          id={listId}
          role="listbox"
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {options.map((o, i) => (
            <div
              key={o.id}
              id={`${listId}-${o.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={cn("cursor-pointer px-3 py-1.5 text-sm", i === active && "bg-brand-50")}
              // mousedown, not click: the input's blur would close the list before a click lands
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="block truncate">{o.name}</span>
              {o.creditCode ? <span className="font-mono text-xs text-slate-500">{o.creditCode}</span> : null}
            </div>
          ))}
          {options.length === 0 ? (
            <p className="px-3 py-1.5 text-sm text-slate-500">
              {loading ? t("institutions.hostSearching") : t("institutions.hostNoMatch")}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
