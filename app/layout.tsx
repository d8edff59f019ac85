import type { Metadata, Viewport } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { I18nProvider } from "@/lib/i18n/client";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = makeT(await getLocale());
  return { title: { default: t("app.title"), template: `%s · ${t("app.short")}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

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
