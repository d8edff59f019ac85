"use client";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { createUser } from "@/features/users/actions";
import { useT } from "@/lib/i18n/client";
import { ADMIN_ASSIGNABLE_ROLES } from "@/lib/permissions";
import { OneTimePassword } from "./one-time-password";

export function CreateUserForm() {
  const t = useT();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(createUser, {
    onSuccess: (_d, form) => form.reset(),
  });
  return (
    <div className="flex flex-col gap-3">
      <form
        onSubmit={onSubmit}
        className="grid gap-3 sm:grid-cols-[1fr_1fr_12rem_auto] sm:items-start"
        aria-label={t("users.create")}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-username">{t("users.username")}</Label>
          <Input
            id="new-username"
            name="username"
            required
            maxLength={32}
            aria-invalid={!!fe?.username}
            aria-describedby="new-username-error"
          />
          <FieldError id="new-username-error" errors={fe?.username} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-displayName">{t("users.displayName")}</Label>
          <Input
            id="new-displayName"
            name="displayName"
            required
            maxLength={50}
            aria-invalid={!!fe?.displayName}
            aria-describedby="new-displayName-error"
          />
          <FieldError id="new-displayName-error" errors={fe?.displayName} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-role">{t("users.role")}</Label>
          <Select
            id="new-role"
            name="role"
            defaultValue="staff"
            aria-invalid={!!fe?.role}
            aria-describedby="new-role-error"
          >
            {ADMIN_ASSIGNABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
          <FieldError id="new-role-error" errors={fe?.role} />
        </div>
        <Button type="submit" className="sm:mt-6" disabled={pending}>
          {pending ? t("common.saving") : t("users.create")}
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
