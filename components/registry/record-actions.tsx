"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConflictValues } from "@/components/registry/form-field";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionResult, ConflictInfo, ServerAction } from "@/lib/action";
import { useT } from "@/lib/i18n/client";

/** Soft delete or restore with confirmation; shows the server's refusal if there is one. */
export function RecordActionButton({
  action,
  input,
  message,
  label,
  variant = "destructive",
  redirectTo,
}: {
  action: ServerAction<unknown>;
  input: Record<string, unknown>;
  message: string;
  label: string;
  variant?: "destructive" | "outline" | "default";
  redirectTo?: string;
}) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; conflict?: ConflictInfo } | null>(null);
  return (
    <span className="inline-flex flex-col items-start">
      <ConfirmButton
        variant={variant}
        size="sm"
        pending={pending}
        message={message}
        onConfirm={() =>
          start(async () => {
            const res: ActionResult<unknown> = await action(input);
            if (!res.ok) setError({ message: res.message, conflict: res.conflict });
            else if (redirectTo) router.push(redirectTo);
            else router.refresh();
          })
        }
      >
        {pending ? t("common.saving") : label}
      </ConfirmButton>
      {error ? (
        <div role="alert" className="mt-1 text-xs text-red-700">
          {error.message}
          {/* A stale delete / restore also lists the record's current values. */}
          {error.conflict ? <ConflictValues conflict={error.conflict} /> : null}
        </div>
      ) : null}
    </span>
  );
}
