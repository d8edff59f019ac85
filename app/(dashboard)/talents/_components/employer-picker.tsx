"use client";
import { Building2, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

type Option = { id: number; name: string; creditCode: string };

/**
 * 工作单位: typing searches live enterprises on the server (by name or credit code); choosing one links it
 * (hidden employerEnterpriseId), otherwise the typed text is saved as the employer's name.
 */
export function EmployerPicker({
  id,
  initialName,
  initialEnterpriseId,
  invalid,
  describedBy,
}: {
  id: string;
  initialName: string;
  initialEnterpriseId: number | null;
  invalid: boolean;
  describedBy: string;
}) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState(initialName);
  const [linked, setLinked] = useState<number | null>(initialEnterpriseId);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const typed = useRef(false);

  useEffect(() => {
    const q = text.trim();
    if (!typed.current || linked != null || q.length === 0) {
      setOptions([]);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await fetch(`/enterprises/lookup?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (res.ok) {
          setOptions((await res.json()) as Option[]);
          setActive(-1);
          setOpen(true);
        }
      } catch {
        // aborted by the next keystroke, or offline: the typed name is still saved as text
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, linked]);

  const choose = (o: Option) => {
    setText(o.name);
    setLinked(o.id);
    setOpen(false);
    setOptions([]);
  };

  return (
    <div className="relative">
      <input type="hidden" name="employerEnterpriseId" value={linked ?? ""} />
      <div className="relative">
        <Input
          id={id}
          name="employerName"
          value={text}
          maxLength={200}
          autoComplete="off"
          role="combobox"
          aria-expanded={open && text.trim().length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={invalid}
          aria-describedby={describedBy}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={t("talents.employer.placeholder")}
          className={cn(linked != null && "pr-20 font-medium text-brand-700")}
          onChange={(e) => {
            typed.current = true;
            setText(e.target.value);
            setLinked(null);
            setLoading(true);
            setOpen(true);
          }}
          onFocus={() => options.length && setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (!open || options.length === 0) return;
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => (a + 1) % options.length);
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
            } else if (e.key === "Enter" && active >= 0) {
              e.preventDefault();
              choose(options[active]);
            } else if (e.key === "Escape") {
              setOpen(false);
            }
          }}
        />
        {linked != null ? (
          <button
            type="button"
            className="absolute top-1.5 right-1.5 inline-flex h-6 items-center gap-0.5 rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100"
            onClick={() => setLinked(null)}
          >
            <X className="h-3 w-3" aria-hidden />
            {t("talents.employer.unlink")}
          </button>
        ) : null}
      </div>
      {linked != null ? (
        <p className="mt-1 inline-flex items-center gap-1 text-xs text-green-700" data-testid="employer-linked">
          <Building2 className="h-3.5 w-3.5" aria-hidden />
          {t("talents.employer.linked")}
        </p>
      ) : null}
      {open && text.trim().length > 0 ? (
        <div
          id={listId}
          role="listbox"
          aria-label={t("talents.employer.suggestions")}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {loading ? (
            <p className="px-3 py-2 text-slate-500">{t("talents.employer.searching")}</p>
          ) : options.length === 0 ? (
            <p className="px-3 py-2 text-slate-500">{t("talents.employer.noMatch")}</p>
          ) : (
            options.map((o, i) => (
              <div
                key={o.id}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={cn("cursor-pointer px-3 py-1.5", i === active ? "bg-brand-50" : "hover:bg-slate-50")}
                // mousedown, not click: it fires before the input's blur closes the list
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                <span className="block truncate">{o.name}</span>
                <span className="block font-mono text-xs text-slate-500">{o.creditCode}</span>
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
