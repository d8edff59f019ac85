"use client";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/users";

export function OneTimePassword({ title, password }: { title: string; password: string }) {
  const t = useT();
  return (
    <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
      <p className="font-medium">{title}</p>
      <p className="mt-1">
        {t("users.oneTimeTitle")}
        {t("common.colon")}
        <code data-testid="one-time-password" className="rounded bg-white px-2 py-0.5 font-mono text-base select-all">
          {password}
        </code>
      </p>
      <p className="mt-1 text-xs text-green-800">{t("users.oneTimeHint")}</p>
    </div>
  );
}
