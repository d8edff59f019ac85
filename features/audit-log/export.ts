import "server-only";
import { getDb } from "@/db";
import { writeOperationLog } from "@/lib/audit";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getRequestInfo } from "@/lib/request-info";
import { todayIso } from "@/lib/time";
import { addTableSheet, displayWidth, type XlsxCellType, xlsxResponse } from "@/lib/xlsx";
import { describeLogs } from "./describe";
import { iterateOperationLogs, logSearchSchema } from "./queries";

/**
 * GET /admin/audit-log/export?<the page's filter> → every matching row as .xlsx, streamed in batches, described as
 * on the page (action names, record names, field-by-field changes, translated messages). The export is itself
 * written to the operation log with its filter and row count.
 */
export async function auditLogExport(request: Request): Promise<Response> {
  const user = await requirePermission("audit.read");
  const t = await getT();
  const { ip } = await getRequestInfo();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const s = logSearchSchema.parse(params);
  const filter = Object.fromEntries(Object.entries(s).filter(([k, v]) => k !== "page" && v !== undefined));
  const filename = `${t("app.short")}${t("auditView.exportFile")}${todayIso()}.xlsx`;
  const columns: { header: string; type: XlsxCellType; min: number }[] = [
    { header: t("audit.time"), type: "datetime", min: 18 },
    { header: t("audit.user"), type: "text", min: 10 },
    { header: t("auditView.userName"), type: "text", min: 10 },
    { header: t("audit.role"), type: "text", min: 12 },
    { header: t("audit.ip"), type: "text", min: 14 },
    { header: t("audit.action"), type: "text", min: 18 },
    { header: t("auditView.objectType"), type: "text", min: 10 },
    { header: t("auditView.objectName"), type: "text", min: 30 },
    { header: t("audit.result"), type: "text", min: 8 },
    { header: t("audit.message"), type: "text", min: 30 },
    { header: t("auditView.changes"), type: "text", min: 50 },
  ];
  let count = 0;
  const log = (result: "ok" | "error", message: string) =>
    writeOperationLog(getDb(), {
      userId: user.id,
      username: user.username,
      role: user.role,
      ip,
      action: "audit.export",
      objectType: null,
      result,
      message,
      detail: { filter, rows: count, filename },
    });
  return xlsxResponse({
    filename,
    write: async (wb, out) => {
      const sheet = addTableSheet(
        wb,
        out,
        t("auditView.exportSheet"),
        columns.map((c) => ({ header: c.header, type: c.type, width: Math.max(c.min, displayWidth(c.header) + 2) })),
        { title: `${t("auditView.exportSheet")}（${todayIso()}）`, empty: t("audit.empty") },
      );
      for await (const batch of iterateOperationLogs(s)) {
        for (const r of describeLogs(t, batch)) {
          await sheet.add([
            r.createdAt,
            r.username ?? "",
            r.userName ?? "",
            r.roleLabel ?? "",
            r.ip ?? "",
            r.actionLabel,
            r.object?.typeLabel ?? "",
            r.object ? (r.object.name ?? (r.object.id ? `#${r.object.id}` : "")) : "",
            r.resultLabel,
            r.message,
            r.changes.map((c) => `${c.label}：${c.before ?? "—"} → ${c.after ?? "—"}`).join("\n"),
          ]);
          count++;
        }
      }
      await sheet.commit();
    },
    onDone: () => log("ok", `${count} rows`),
    onError: (err) => log("error", `${count} rows; ${String((err as Error)?.message ?? err)}`),
  });
}
