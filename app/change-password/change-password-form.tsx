"use client";
import { signOut } from "next-auth/react";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { changeOwnPassword } from "./actions";

const FIELDS = [
  { name: "currentPassword", label: "password.current", autoComplete: "current-password" },
  { name: "newPassword", label: "password.next", autoComplete: "new-password" },
  { name: "confirmPassword", label: "password.confirm", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const t = useT();
  // On success every session of this user was revoked on the server; clear the cookie and sign in afresh.
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(changeOwnPassword, {
    onSuccess: () => signOut({ callbackUrl: "/login?changed=1" }),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      {FIELDS.map((f) => (
        <div key={f.name} className="flex flex-col gap-1.5">
          <Label htmlFor={f.name}>{t(f.label)}</Label>
          <Input
            id={f.name}
            name={f.name}
            type="password"
            required
            maxLength={128}
            autoComplete={f.autoComplete}
            aria-invalid={!!fe?.[f.name]}
            aria-describedby={`${f.name}-error`}
          />
          <FieldError id={`${f.name}-error`} errors={fe?.[f.name]} />
        </div>
      ))}
      <div aria-live="polite">
        {state?.ok ? (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("password.success")}
          </p>
        ) : state && !state.ok ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending || !!state?.ok}>
        {pending ? t("common.saving") : t("password.submit")}
      </Button>
    </form>
  );
}
