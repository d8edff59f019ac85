// Keep in step with STATIC_SECURITY_HEADERS in lib/security-headers.ts (the CSP and HSTS are set per request
// by proxy.ts; these cover every response, static files included).
const securityHeaders = [
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
].map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // forbidden() → a real HTTP 403 rendered by app/forbidden.tsx
    authInterrupts: true,
    // Excel import uploads: our own cap is 10 MB (lib/import/zip.ts) with a Chinese message; the framework's
    // limits sit a little above it so that an 11 MB file reaches that check instead of a bare 413.
    serverActions: { bodySizeLimit: "12mb" },
    proxyClientMaxBodySize: "12mb",
  },
};

export default nextConfig;
