"use client";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/reports";

/** Opens the browser's print dialog (which also saves as PDF). */
export function PrintButton() {
  const t = useT();
  return (
    <Button onClick={() => window.print()} className="print:hidden">
      {t("reports.printButton")}
    </Button>
  );
}
