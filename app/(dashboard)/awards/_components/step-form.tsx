"use client";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Select } from "@/components/ui/input";
import type { ServerAction } from "@/lib/action";
import { cn } from "@/lib/utils";

export type StepField =
  | {
      name: string;
      label: string;
      type?: "text" | "date" | "number";
      required?: boolean;
      defaultValue?: string;
      width?: string;
      placeholder?: string;
    }
  | {
      name: string;
      label: string;
      type: "select";
      options: { value: string; label: string }[];
      defaultValue?: string;
      width?: string;
    };

/**
 * One workflow step as a small form: hidden inputs (ids, version, decision), a few fields, one submit button.
 * The server action refuses anything the role or the state does not allow; the page refreshes on success.
 */
export function StepForm({
  action,
  hidden,
  fields = [],
  submit,
  variant,
  testId,
  className,
  onDone,
}: {
  action: ServerAction<unknown>;
  hidden: Record<string, string | number>;
  fields?: StepField[];
  submit: string;
  variant?: "default" | "outline" | "destructive";
  testId?: string;
  className?: string;
  onDone?: () => void;
}) {
  const router = useRouter();
  const uid = useId();
  const { state, pending, onSubmit, fieldErrors } = useFormAction(action, {
    onSuccess: () => {
      onDone?.();
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className={cn("flex flex-wrap items-end gap-2", className)} data-testid={testId}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {fields.map((f) => {
        const id = `${uid}-${f.name}`;
        const errors = fieldErrors?.[f.name];
        return (
          <div key={f.name} className={cn("flex flex-col gap-1", f.width ?? "w-40")}>
            <label htmlFor={id} className="text-xs font-medium text-slate-600">
              {f.label}
            </label>
            {f.type === "select" ? (
              <Select id={id} name={f.name} defaultValue={f.defaultValue} aria-invalid={!!errors?.length}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                id={id}
                name={f.name}
                type={f.type ?? "text"}
                required={f.required}
                defaultValue={f.defaultValue}
                placeholder={f.placeholder}
                aria-invalid={!!errors?.length}
                aria-describedby={`${id}-error`}
              />
            )}
            <FieldError id={`${id}-error`} errors={errors} />
          </div>
        );
      })}
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {submit}
      </Button>
      {state && !state.ok ? (
        <div className="basis-full">
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}

/** A decision that passes the batch on or returns it with a reason (科室审核, 局领导审批): the same pair twice. */
export function PassOrReturn({
  action,
  hidden,
  pass,
  back,
  reasonField,
}: {
  action: ServerAction<unknown>;
  hidden: Record<string, string | number>;
  pass: { decision: string; label: string; testId: string };
  back: { label: string; testId: string };
  reasonField: StepField;
}) {
  return (
    <div className="flex flex-wrap gap-4">
      <StepForm
        action={action}
        hidden={{ ...hidden, decision: pass.decision }}
        submit={pass.label}
        testId={pass.testId}
      />
      <StepForm
        action={action}
        hidden={{ ...hidden, decision: "return" }}
        fields={[reasonField]}
        submit={back.label}
        variant="outline"
        testId={back.testId}
      />
    </div>
  );
}
