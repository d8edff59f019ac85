/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // forbidden() → a real HTTP 403 rendered by app/forbidden.tsx
    authInterrupts: true,
  },
};

export default nextConfig;
