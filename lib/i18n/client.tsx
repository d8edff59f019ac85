"use client";
import { createContext, use, useContext, useMemo } from "react";
import { zhClient } from "./client-catalogue";
import { type Locale, type Messages, type T, translator } from "./translate";

// zh-CN (the default and the fallback) is part of the bundle — the shell's sections, and each page's own sections
// with that page (lib/i18n/client-catalogue.ts); the English catalogue is a chunk of its own, loaded only when the
// locale is English, so a Chinese page does not download it.
let english: Promise<Messages> | null = null;

/** The English catalogue's chunk, requested once; a settled promise carries its value for React's use(). */
export function loadEnglish(): Promise<Messages> {
  if (!english) {
    const p: Promise<Messages> = import("./messages/en").then((m) => {
      // React's use() reads these fields: a settled request renders at once instead of suspending again.
      Object.assign(p, { status: "fulfilled", value: m.en });
      return m.en;
    });
    english = p;
    // A failed request is not cached: the next render asks again.
    p.catch(() => {
      if (english === p) english = null;
    });
  }
  return english;
}

// An English page starts the request as soon as this module runs, before hydration reaches the provider.
if (typeof document !== "undefined" && document.documentElement.lang === "en") loadEnglish();

/** The catalogue of a locale: zh-CN at once, English once its chunk is in (suspends until then). */
export function useMessages(locale: Locale): Messages {
  return locale === "en" ? use(loadEnglish()) : zhClient;
}

const zhT = translator(zhClient, zhClient);
const I18nContext = createContext<{ locale: Locale; t: T }>({ locale: "zh-CN", t: zhT });

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const messages = useMessages(locale);
  const value = useMemo(
    () => ({ locale, t: messages === zhClient ? zhT : translator(messages, zhClient) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): T {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}
