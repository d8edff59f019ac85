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
    // Next has one body limit for all server actions. The Excel import (a server action like every write,
    // so it keeps the wrapper's session → permission → transaction → log) needs 10 MB plus multipart
    // overhead, so the framework limit is sized for it; every other action is held to 64 kB by
    // defineAction (maxInputBytes) before parsing, and refusals log only the input's size and hash.
    // Our own file cap is 10 MB (lib/import/zip.ts) with a Chinese message; the import page refuses
    // larger files before sending them and turns a framework 413 into that same message.
    serverActions: { bodySizeLimit: "12mb" },
    proxyClientMaxBodySize: "12mb",
  },
};

export default nextConfig;
