"use client";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import type { Role } from "@/db/enums";
import type { UnitOptions } from "@/features/users/queries";
import type { ServerAction } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { OneTimePassword } from "./one-time-password";
import { UnitScopeFields } from "./unit-scope-fields";
import "@/lib/i18n/page-sections/users";
// The 审计员账户 page passes its own section's key as `label` (a prop the client module graph does not show).
import "@/lib/i18n/page-sections/auditors";

type Created = { username: string; oneTimePassword: string };

/**
 * Creates an account and shows its one-time password: the admin's user form (with the roles an admin may give)
 * and the auditors' own form (no role: always 审计员) are this one form.
 */
export function AccountCreateForm({
  action,
  label,
  idPrefix,
  roles,
  units,
}: {
  action: ServerAction<Created>;
  label: MessageKey;
  idPrefix: string;
  roles?: readonly Role[];
  /** The admin's form: 所属单位 and 数据范围 (auditor accounts have neither). */
  units?: UnitOptions;
}) {
  const t = useT();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(action, {
    successMessage: false, // the one-time password panel is the confirmation
    onSuccess: (_d, form) => form.reset(),
  });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="flex flex-col gap-3">
      <form
        onSubmit={onSubmit}
        className={`grid gap-3 sm:items-start ${units ? "sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_12rem_12rem_auto]" : roles ? "sm:grid-cols-[1fr_1fr_12rem_auto]" : "sm:grid-cols-[1fr_1fr_auto]"}`}
        aria-label={t(label)}
      >
        <UnsavedGuard />
        {(
          [
            ["username", "users.username", 32],
            ["displayName", "users.displayName", 50],
          ] as const
        ).map(([name, labelKey, max]) => (
          <div key={name} className="flex flex-col gap-1">
            <Label htmlFor={id(name)}>{t(labelKey)}</Label>
            <Input
              id={id(name)}
              name={name}
              required
              maxLength={max}
              aria-invalid={!!fe?.[name]}
              aria-describedby={id(`${name}-error`)}
            />
            <FieldError id={id(`${name}-error`)} errors={fe?.[name]} />
          </div>
        ))}
        {roles ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor={id("role")}>{t("users.role")}</Label>
            <Select
              id={id("role")}
              name="role"
              defaultValue="staff"
              aria-invalid={!!fe?.role}
              aria-describedby={id("role-error")}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </Select>
            <FieldError id={id("role-error")} errors={fe?.role} />
          </div>
        ) : null}
        {units ? <UnitScopeFields units={units} idPrefix={idPrefix} fieldErrors={fe} /> : null}
        <Button type="submit" className="sm:mt-6" disabled={pending}>
          {pending ? t("common.saving") : t(label)}
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
            title={`${t("users.created")}${t("common.colon")}${state.data.username}`}
            password={state.data.oneTimePassword}
          />
        ) : null}
      </div>
    </div>
  );
}
