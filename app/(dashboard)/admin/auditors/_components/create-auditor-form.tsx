"use client";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { createAuditor } from "@/features/auditors/actions";
import { useT } from "@/lib/i18n/client";
import { OneTimePassword } from "../../users/_components/one-time-password";

export function CreateAuditorForm() {
  const t = useT();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(createAuditor, {
    onSuccess: (_d, form) => form.reset(),
  });
  return (
    <div className="flex flex-col gap-3">
      <form
        onSubmit={onSubmit}
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
        aria-label={t("auditors.create")}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="auditor-username">{t("users.username")}</Label>
          <Input
            id="auditor-username"
            name="username"
            required
            maxLength={32}
            aria-invalid={!!fe?.username}
            aria-describedby="auditor-username-error"
          />
          <FieldError id="auditor-username-error" errors={fe?.username} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="auditor-displayName">{t("users.displayName")}</Label>
          <Input
            id="auditor-displayName"
            name="displayName"
            required
            maxLength={50}
            aria-invalid={!!fe?.displayName}
            aria-describedby="auditor-displayName-error"
          />
          <FieldError id="auditor-displayName-error" errors={fe?.displayName} />
        </div>
        <Button type="submit" className="sm:mt-6" disabled={pending}>
          {pending ? t("common.saving") : t("auditors.create")}
        </Button>
      </form>
      <div aria-live="polite">
        {state && !state.ok && !state.fieldErrors ? (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
        {state?.ok ? (
          <OneTimePassword
            title={`${t("users.created")}：${state.data.username}`}
            password={state.data.oneTimePassword}
          />
        ) : null}
      </div>
    </div>
  );
}
