"use client";
import { ErrorView } from "@/components/daily/error-view";
import { useT } from "@/lib/i18n/client";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView t={useT()} error={error} reset={reset} />;
}
