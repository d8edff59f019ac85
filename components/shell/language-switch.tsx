"use client";
import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useT } from "@/lib/i18n/client";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/translate";

const LABELS: Record<Locale, string> = { "zh-CN": "中文", en: "EN" };

/** A display preference only: stored in a cookie, no server write. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const next: Locale = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      title={t("header.language")}
      onClick={() => {
        // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server on the next render
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      <Languages className="h-4 w-4" />
      {/* The other language's own name, in that language (not translated). */}
      <span translate="no" lang={next}>
        {LABELS[next]}
      </span>
    </button>
  );
}
