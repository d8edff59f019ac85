import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, HSTS } from "@/lib/security-headers";

// Paths that need no session cookie (the sign-in page and next-auth's own routes).
const PUBLIC = /^\/(login|api\/auth)(\/|$)/;

/**
 * Runs for every page and route (not for static files): a fresh CSP nonce per request, handed to Next in the
 * request's CSP header so it can stamp its own scripts, and sent back to the browser; HSTS over HTTPS.
 * Convenience only otherwise: visitors without a session cookie go to /login. The guard is lib/dal.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  // x-forwarded-proto reaches here only from a TLS socket or a trusted proxy (scripts/client-ip.mjs).
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

  const path = request.nextUrl.pathname;
  const hasCookie = request.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
  let response: NextResponse;
  if (!PUBLIC.test(path) && !hasCookie) {
    const url = new URL("/login", request.url);
    const back = path + request.nextUrl.search;
    if (back !== "/") url.searchParams.set("callbackUrl", back);
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Static files of public/ (the manifest and icons a browser fetches without the session) skip the proxy too, and
  // so does the search box's JSON endpoint, asked on every keystroke: no page, so no CSP nonce to stamp, and a
  // signed-out request gets 401 from the route itself (lib/dal.ts authorizeRoute) rather than a redirect.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest|icon-192.png|icon-512.png|icon-maskable-512.png|apple-touch-icon.png|search/query).*)",
  ],
};
