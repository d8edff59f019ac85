import { getDb } from "@/db";
import { getBatchView, listLines, listPayments } from "@/features/awards/queries";
import { writeLedgerWorkbook, writePublicityWorkbook } from "@/features/awards/xlsx";
import { writeOperationLog } from "@/lib/audit";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { getRequestInfo } from "@/lib/request-info";
import { xlsxResponse } from "@/lib/xlsx";

// GET /awards/batches/7/export?kind=publicity|ledger → 公示名单 or 拨付台账 (within the user's data scope).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("award.read");
  if (!auth.ok) return auth.response;
  const id = Number((await params).id);
  const batch = Number.isSafeInteger(id) && id > 0 ? getBatchView(id) : undefined;
  if (!batch) return new Response("Not Found", { status: 404 });
  const kind = new URL(request.url).searchParams.get("kind") === "ledger" ? "ledger" : "publicity";
  const t = makeT(await getLocale());
  const { ip } = await getRequestInfo();
  const label = kind === "ledger" ? t("awards.ledger") : t("awards.lines");
  const filename = `${t("app.short")}_${batch.year}_${batch.policyName}_${label}.xlsx`;
  let rows = 0;
  const log = (result: "ok" | "error", message: string) =>
    writeOperationLog(getDb(), {
      userId: auth.user.id,
      username: auth.user.username,
      role: auth.user.role,
      ip,
      action: "award.exportXlsx",
      objectType: "award_batch",
      objectId: String(batch.id),
      result,
      message,
      detail: { filename, kind, rows },
    });
  return xlsxResponse({
    filename,
    write: async (wb, out) => {
      rows =
        kind === "ledger"
          ? await writeLedgerWorkbook(wb, out, { batch, payments: listPayments(batch.id, auth.user.scope), t })
          : await writePublicityWorkbook(wb, out, {
              batch,
              lines: listLines(batch.id, auth.user.scope, { excluded: false }),
              excluded: listLines(batch.id, auth.user.scope, { excluded: true }),
              t,
            });
    },
    onDone: () => log("ok", `${rows} rows`),
    onError: (err) => log("error", String((err as Error)?.message ?? err)),
  });
}
