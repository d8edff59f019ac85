import { Download, FileSpreadsheet } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

/** 导出CSV / 导出Excel for a registry list: the export route gets the list's current filters. */
export async function ExportButtons({ base, params }: { base: string; params: Record<string, string> }) {
  const t = await getT();
  const qs = new URLSearchParams(params);
  qs.delete("format");
  const xlsx = new URLSearchParams(qs);
  xlsx.set("format", "xlsx");
  return (
    <>
      <a href={`${base}/export?${qs.toString()}`} className={buttonVariants({ variant: "outline" })}>
        <Download className="h-4 w-4" />
        {t("registry.exportCsv")}
      </a>
      <a href={`${base}/export?${xlsx.toString()}`} className={buttonVariants({ variant: "outline" })}>
        <FileSpreadsheet className="h-4 w-4" />
        {t("registry.exportXlsx")}
      </a>
    </>
  );
}
