import { en } from "./messages/en";
import { type Messages, zhCN } from "./messages/zh-CN";
import { type Locale, type T, translator } from "./translate";

// Both catalogues, for the server (and scripts, tests). Client modules import lib/i18n/translate or
// lib/i18n/client instead: importing this module from a client component would ship both catalogues.
export {
  DEFAULT_LOCALE,
  format,
  LOCALE_COOKIE,
  LOCALES,
  type Locale,
  lookup,
  type MessageKey,
  normaliseLocale,
  type Params,
  type T,
  tDynamic,
} from "./translate";

export const CATALOGUES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function makeT(locale: Locale): T {
  return translator(CATALOGUES[locale], zhCN);
}
