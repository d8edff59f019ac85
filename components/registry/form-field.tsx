"use client";
import { FieldError, Label } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** Label + control + field errors, wired with aria-invalid / aria-describedby. */
export function FormField({
  name,
  label,
  required,
  errors,
  className,
  hint,
  children,
}: {
  name: string;
  label: string;
  required?: boolean;
  errors?: string[];
  className?: string;
  hint?: string;
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
      {children({ id, name, "aria-invalid": !!errors?.length, "aria-describedby": `${id}-error`, required })}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** Form-level message (conflict, forbidden…) announced politely. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state || state.ok || !state.message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {state.message}
    </p>
  );
}
