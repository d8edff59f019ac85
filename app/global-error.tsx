"use client";
import { ErrorView } from "@/components/daily/error-view";
import { LOCALE_COOKIE, makeT, normaliseLocale } from "@/lib/i18n/core";
import "./globals.css";

// Replaces the root layout when it fails itself, so no provider is there: the language comes from the cookie.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const cookie =
    typeof document === "undefined"
      ? undefined
      : document.cookie
          .split("; ")
          .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
          ?.split("=")[1];
  const locale = normaliseLocale(cookie);
  return (
    <html lang={locale}>
      <body>
        <ErrorView t={makeT(locale)} error={error} reset={reset} />
      </body>
    </html>
  );
}
