import "server-only";
import { headers } from "next/headers";

/** Set by scripts/client-ip.mjs on every request after it has rewritten X-Forwarded-For from the socket. */
const CHECKED_HEADER = "x-bureau-client-ip-checked";

/**
 * The client IP for the logs. X-Forwarded-For is only meaningful after scripts/client-ip.mjs has replaced it
 * (with the TCP peer, or with the address TRUST_PROXY=<hops> proxies vouch for); without that marker — a
 * server started some other way — nothing a client sent is believed.
 */
export function ipFromHeaders(get: (name: string) => string | null | undefined): string | null {
  if (get(CHECKED_HEADER) !== "1") return null;
  const fwd = get("x-forwarded-for");
  return fwd ? fwd.split(",")[0].trim().slice(0, 64) || null : null;
}

export async function getRequestInfo(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: ipFromHeaders((n) => h.get(n)), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}
