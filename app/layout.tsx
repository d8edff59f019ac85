import type { Metadata, Viewport } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { I18nProvider } from "@/lib/i18n/client";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = makeT(await getLocale());
  return {
    title: { default: t("app.title"), template: `%s · ${t("app.short")}` },
    applicationName: t("app.short"),
    // public/: the web manifest and its icons (rendered from app/icon.svg by scripts/generate-icons.ts).
    manifest: "/manifest.webmanifest",
    // Declaring any icon replaces the one Next derives from app/icon.svg, so all are named here.
    icons: {
      icon: [
        { url: "/icon.svg", type: "image/svg+xml" },
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      ],
      apple: "/apple-touch-icon.png",
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e2a5a" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <NuqsAdapter>{children}</NuqsAdapter>
        </I18nProvider>
      </body>
    </html>
  );
}
