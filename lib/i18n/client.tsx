"use client";
import { createContext, useContext, useMemo } from "react";
import { type Locale, makeT, type T } from "./core";

const I18nContext = createContext<{ locale: Locale; t: T }>({ locale: "zh-CN", t: makeT("zh-CN") });

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeT(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): T {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}
