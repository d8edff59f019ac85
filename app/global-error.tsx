"use client";
import { ErrorView } from "@/components/daily/error-view";
import { useMessages } from "@/lib/i18n/client";
import { zhClient } from "@/lib/i18n/client-catalogue";
import { LOCALE_COOKIE, normaliseLocale, translator } from "@/lib/i18n/translate";
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
  const messages = useMessages(locale);
  return (
    <html lang={locale}>
      <body>
        <ErrorView t={translator(messages, zhClient)} error={error} reset={reset} />
      </body>
    </html>
  );
}
