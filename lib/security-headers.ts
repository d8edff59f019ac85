// Response headers for every page and route. Static ones are also listed in next.config.mjs (which covers
// files the proxy does not run for); the CSP needs a fresh nonce per request and is set by proxy.ts.

/** Static headers: no framing, no MIME sniffing, no full URLs to other sites, no powerful browser features. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The Content-Security-Policy the app runs under. Scripts: only those carrying this request's nonce (Next adds it
 * to its own scripts when it finds it in the request's CSP header) and what they load ('strict-dynamic');
 * `unsafe-eval` in development only (React's dev tooling). Styles: our stylesheet plus inline `style`
 * attributes, which React and recharts write (no nonce in style-src, or browsers would ignore 'unsafe-inline').
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    // Only over HTTPS: on a plain-HTTP intranet it would send every sub-request to a port nobody listens on.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
