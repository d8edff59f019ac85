/**
 * The one check for every post-sign-in or post-action redirect target (callbackUrl …).
 *
 * The value is parsed the way a browser would (`new URL(value, ownOrigin)`, which drops tabs and newlines,
 * turns `\` into `/` and resolves `//host`), and accepted only if it lands on our own origin. What comes back
 * is always a path on our origin (`/…`, never `//…`), so even a later relative navigation cannot leave it.
 * Anything else — other hosts, other schemes, control characters, backslashes, over-long values — gives `/`.
 */
export function safeRedirectPath(value: unknown, ownOrigin: string, fallback = "/"): string {
  if (typeof value !== "string" || value === "" || value.length > 2048) return fallback;
  // Control characters and backslashes have no place in a link we generate; browsers strip or rewrite them,
  // which is exactly how `/\evil.com` or `/<TAB>/evil.com` become another host.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return fallback;
  let own: URL;
  let url: URL;
  try {
    own = new URL(ownOrigin);
    url = new URL(value, own.origin);
  } catch {
    return fallback;
  }
  if (url.origin !== own.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return fallback;
  if (url.username || url.password) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse to a leading `//` (`/.//evil.com` → `//evil.com`), a protocol-relative URL.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

/** Our own origin as the server sees it: NEXTAUTH_URL when set, else the request's Host. */
export function ownOriginFrom(get: (name: string) => string | null | undefined): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's own host
    }
  }
  const host = get("host") ?? "localhost";
  const proto = get("x-forwarded-proto") === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return "http://localhost";
  }
}
