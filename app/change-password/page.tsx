import Link from "next/link";
import { requireUser } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { ChangePasswordForm } from "./change-password-form";

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const t = await getT();
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-100 p-4">
      <div className="w-full max-w-md rounded-xl bg-white p-6 shadow-lg sm:p-8">
        <p className="text-sm text-slate-500">{t("app.short")}</p>
        <h1 className="mb-2 text-xl font-semibold">{t("password.title")}</h1>
        <p className="mb-1 text-sm text-slate-600">
          {t("header.signedInAs")}
          {t("common.colon")}
          <span translate="no">{user.displayName}</span>
          {t("common.paren", { text: user.username })}
        </p>
        {user.mustChangePassword ? (
          <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t("password.forcedHint")}
          </p>
        ) : null}
        <p className="mb-4 text-xs text-slate-500">{t("password.policy")}</p>
        <ChangePasswordForm />
        {!user.mustChangePassword ? (
          <Link href="/" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
            {t("common.back")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
