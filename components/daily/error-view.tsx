"use client";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import type { T } from "@/lib/i18n/translate";

/**
 * What an error boundary shows instead of a blank page: what happened in the user's language, 重试 (re-renders
 * the segment; a form's typed values outside it stay), the way home, and the digest the server log carries.
 */
export function ErrorView({ t, error, reset }: { t: T; error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="flex min-h-[50vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("daily.errorTitle")}</h1>
      <p className="max-w-md text-slate-600">{t("daily.errorBody")}</p>
      <div className="flex items-center gap-3">
        <Button onClick={reset}>{t("daily.errorRetry")}</Button>
        {/* A plain link: after an error a full load of the home page is the clean start, and the error boundaries'
            chunks (loaded with every page) stay without next/link. */}
        <a href="/" className="text-brand-600 hover:underline">
          {t("errors.backHome")}
        </a>
      </div>
      {error.digest ? <p className="text-xs text-slate-500">{t("daily.errorRef", { digest: error.digest })}</p> : null}
    </div>
  );
}
