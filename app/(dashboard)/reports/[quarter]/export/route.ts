import { getDb } from "@/db";
import { isReportQuarter, parseVersion } from "@/features/reports/quarter";
import { loadSummary, scopeSummary } from "@/features/reports/summary";
import { writeSummaryWorkbook } from "@/features/reports/xlsx";
import { writeOperationLog } from "@/lib/audit";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { getRequestInfo } from "@/lib/request-info";
import { xlsxResponse } from "@/lib/xlsx";

// GET /reports/2021Q1/export[?v=2] → the quarterly summary workbook (the closed snapshot, or live figures of a draft).
export async function GET(request: Request, { params }: { params: Promise<{ quarter: string }> }) {
  const auth = await authorizeRoute("report.export");
  if (!auth.ok) return auth.response;
  const { quarter } = await params;
  if (!isReportQuarter(quarter)) return new Response("Not Found", { status: 404 });
  const v = new URL(request.url).searchParams.get("v");
  const version = parseVersion(v);
  const loaded = loadSummary(quarter, version);
  if (!loaded) return new Response("Not Found", { status: 404 });
  // A scoped user's workbook lists only the movements within their data scope.
  const summary = { ...loaded, data: scopeSummary(loaded.data, auth.user.scope) };
  const locale = await getLocale();
  const t = makeT(locale);
  const { ip } = await getRequestInfo();
  const { data, meta } = summary;
  const suffix =
    meta.status === "draft"
      ? `_${t("reports.status.draft")}`
      : meta.snapshotVersion !== meta.latestVersion
        ? `_${t("reports.version", { n: meta.snapshotVersion ?? 0 })}`
        : "";
  const filename = `${data.district}科技局_${quarter}_季度汇总${suffix}.xlsx`;
  let counts: Record<string, number> = {};
  const log = (result: "ok" | "error", message: string) =>
    writeOperationLog(getDb(), {
      userId: auth.user.id,
      username: auth.user.username,
      role: auth.user.role,
      ip,
      action: "report.exportXlsx",
      objectType: "report",
      objectId: quarter,
      result,
      message,
      detail: { filename, status: meta.status, snapshotVersion: meta.snapshotVersion, rows: counts },
    });
  return xlsxResponse({
    filename,
    write: async (wb, out) => {
      counts = await writeSummaryWorkbook(wb, out, { data, meta, t, locale, exportedBy: auth.user.displayName });
    },
    onDone: () => log("ok", `${Object.values(counts).reduce((a, b) => a + b, 0)} rows`),
    onError: (err) => log("error", String((err as Error)?.message ?? err)),
  });
}
