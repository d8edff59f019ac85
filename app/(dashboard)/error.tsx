"use client";
import { ErrorView } from "@/components/daily/error-view";
import { useT } from "@/lib/i18n/client";

// Inside the dashboard layout: the sidebar and header stay, only the page's content is replaced.
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView t={useT()} error={error} reset={reset} />;
}
