"use client";
import { MessageText } from "@/components/daily/message-text";
import { FieldError, Label } from "@/components/ui/input";
import type { ConflictInfo } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

/** Label + control + hint + field errors, wired with aria-invalid / aria-describedby (hint and errors). */
export function FormField({
  name,
  label,
  required,
  errors,
  className,
  hint,
  after,
  children,
}: {
  name: string;
  label: string;
  required?: boolean;
  errors?: string[];
  className?: string;
  hint?: string;
  /** Rendered under the hint, above the errors (e.g. a checkbox that belongs to the field). */
  after?: React.ReactNode;
  children: (props: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby": string;
    required?: boolean;
  }) => React.ReactNode;
}) {
  const id = `f-${name}`;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <Label htmlFor={id}>
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        ) : null}
      </Label>
      {children({
        id,
        name,
        "aria-invalid": !!errors?.length,
        "aria-describedby": hint ? `${id}-hint ${id}-error` : `${id}-error`,
        required,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {after}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** Form-level message (conflict, forbidden…) announced politely; a stale write also lists the current values. */
export function FormMessage({
  state,
}: {
  state: { ok: boolean; message?: string; conflict?: ConflictInfo; retry?: () => void } | null;
}) {
  const t = useT();
  if (!state || state.ok || !state.message) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      <p>
        <MessageText text={state.message} />
      </p>
      {/* The request never reached the server (network): the same values again, the form untouched. */}
      {state.retry ? (
        <button type="button" onClick={state.retry} className="mt-1 font-medium underline underline-offset-2">
          {t("daily.retry")}
        </button>
      ) : null}
      {state.conflict ? <ConflictValues conflict={state.conflict} /> : null}
    </div>
  );
}

/** The record's current values after a refused stale write. */
export function ConflictValues({ conflict }: { conflict: ConflictInfo }) {
  const t = useT();
  if (conflict.current.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="conflict-current">
      <dt className="col-span-2 font-medium">{t("errors.conflictCurrent")}</dt>
      {conflict.current.map((c) => (
        <div key={c.label} className="contents">
          <dt className="text-red-800">{c.label}</dt>
          <dd className="tabular text-red-900">{c.value}</dd>
        </div>
      ))}
    </dl>
  );
}
