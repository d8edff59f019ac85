import "server-only";
import { getDb } from "@/db";
import { writeOperationLog } from "@/lib/audit";
import { contentDispositionAttachment, csvStream } from "@/lib/csv";
import type { CurrentUser } from "@/lib/dal";
import { getRequestInfo } from "@/lib/request-info";

/**
 * Streams a CSV (UTF-8 BOM, RFC 4180, formula cells neutralised) from a row iterator, so a 100k-row export
 * never sits in memory; the export is written to the operation log with its filter and row count.
 */
export async function csvExportResponse(opts: {
  user: CurrentUser;
  filename: string;
  header: string[];
  rows: { rows: Iterable<unknown[]>; close: () => void };
  objectType: string;
  filter: unknown;
}): Promise<Response> {
  const { ip } = await getRequestInfo();
  let count = 0;
  const counted = (function* () {
    for (const r of opts.rows.rows) {
      count++;
      yield r;
    }
  })();
  const gen = csvStream(opts.header, counted);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await gen.next();
      if (done) {
        writeOperationLog(getDb(), {
          userId: opts.user.id,
          username: opts.user.username,
          role: opts.user.role,
          ip,
          action: "registry.exportCsv",
          objectType: opts.objectType,
          result: "ok",
          message: `${count} rows`,
          detail: { filter: opts.filter, rows: count, filename: opts.filename },
        });
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      opts.rows.close();
      await gen.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDispositionAttachment(opts.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
