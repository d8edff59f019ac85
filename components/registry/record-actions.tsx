"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useDailyUse } from "@/components/daily/daily-use";
import { MessageText } from "@/components/daily/message-text";
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
  const daily = useDailyUse();
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
            let res: ActionResult<unknown>;
            try {
              res = await action(input);
              // An ended session: sign in again in place, then the same request once more.
              if (!res.ok && res.code === "unauthenticated" && (await daily.reauth())) res = await action(input);
            } catch {
              setError({ message: t("daily.network") });
              return;
            }
            daily.noteActivity();
            if (!res.ok) {
              // A rule's refusal (a restore whose credit code is taken meanwhile) says why, not just 提交的内容有误.
              const reasons = res.fieldErrors ? Object.values(res.fieldErrors).flat() : [];
              setError({ message: reasons.length ? reasons.join("；") : res.message, conflict: res.conflict });
              return;
            }
            setError(null);
            daily.toast(res.message ?? t("daily.done", { action: label }));
            if (redirectTo) router.push(redirectTo);
            else router.refresh();
          })
        }
      >
        {pending ? t("common.saving") : label}
      </ConfirmButton>
      {error ? (
        <div role="alert" className="mt-1 text-xs text-red-700">
          <MessageText text={error.message} />
          {/* A stale delete / restore also lists the record's current values. */}
          {error.conflict ? <ConflictValues conflict={error.conflict} /> : null}
        </div>
      ) : null}
    </span>
  );
}
