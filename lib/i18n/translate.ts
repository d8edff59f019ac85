// The translator without any catalogue: client modules import from here (or lib/i18n/client) so that a catalogue
// reaches the browser only where it is imported on purpose — zh-CN with the provider, English on demand.
import type { Messages } from "./messages/zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;
export type { Messages };

export function normaliseLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/** Looks a dotted key up in a catalogue; undefined when the key is unknown there. */
export function lookup(messages: Messages, key: string): string | undefined {
  let cur: unknown = messages;
  for (const part of splitKey(key)) {
    if (cur && typeof cur === "object" && part in cur) cur = (cur as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof cur === "string" ? cur : undefined;
}

// Action names contain dots ("user.create") and are keys of their own under "actions".
function splitKey(key: string): string[] {
  const i = key.indexOf(".");
  if (i > 0 && key.slice(0, i) === "actions") return ["actions", key.slice(i + 1)];
  return key.split(".");
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** t() over a catalogue: an unknown key falls back to the zh-CN catalogue, then to the key itself. */
export function translator(messages: Messages, zhCN: Messages): T {
  return (key, params) => format(lookup(messages, key) ?? lookup(zhCN, key) ?? key, params);
}

/** For dynamic keys (e.g. an action name read from the log): falls back to the raw value. */
export function tDynamic(t: T, key: string, fallback: string): string {
  const out = t(key as MessageKey);
  return out === key ? fallback : out;
}
