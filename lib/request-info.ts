import "server-only";
import { headers } from "next/headers";

export function ipFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const fwd = get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim() || null;
  return get("x-real-ip") ?? null;
}

export async function getRequestInfo(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: ipFromHeaders((n) => h.get(n)), userAgent: h.get("user-agent") };
}
