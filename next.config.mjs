/** @type {import('next').NextConfig} */
const nextConfig = {
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
