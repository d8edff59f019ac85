// Display helpers shared by pages, print and exports (no server-only: pure).
import type { MessageKey, T } from "@/lib/i18n/core";

/** A stored exclusion reason ("code" or "code|k=v") in the user's words. */
export function exclusionText(t: T, stored: string | null): string {
  if (!stored) return "";
  const [code, raw] = stored.split("|");
  const params = raw
    ? Object.fromEntries(
        raw.split(",").map((kv) => {
          const [k, v = ""] = kv.split("=");
          return [k, decodeURIComponent(v)];
        }),
      )
    : undefined;
  return t(`awards.exclusion.${code}` as MessageKey, params);
}

/** An engine refusal key with parameters ("awards.err.unpaid|n=3") in the user's words. */
export function refusalText(t: T, stored: string): string {
  const [key, raw] = stored.split("|");
  const params = raw ? Object.fromEntries(raw.split(",").map((kv) => kv.split("=") as [string, string])) : undefined;
  return t(key as MessageKey, params);
}
