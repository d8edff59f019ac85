import { en } from "./messages/en";
import { type Messages, zhCN } from "./messages/zh-CN";
import { format, type Locale, lookup, type T } from "./translate";

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

// Resolved templates per locale, on the server (keys are a fixed set: the catalogue's, plus a few dynamic ones
// that fall back to themselves).
const resolved: Record<Locale, Map<string, string>> = { "zh-CN": new Map(), en: new Map() };

export function makeT(locale: Locale): T {
  const messages = CATALOGUES[locale];
  const memo = resolved[locale];
  return (key, params) => {
    let template = memo.get(key);
    if (template === undefined) {
      template = lookup(messages, key) ?? lookup(zhCN, key) ?? key;
      if (memo.size < 20_000) memo.set(key, template);
    }
    return format(template, params);
  };
}
