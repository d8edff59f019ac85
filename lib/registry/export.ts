import "server-only";
import { getDb } from "@/db";
import { writeOperationLog } from "@/lib/audit";
import { type CsvColumnKind, contentDispositionAttachment, csvStream } from "@/lib/csv";
import type { CurrentUser } from "@/lib/dal";
import { getRequestInfo } from "@/lib/request-info";
import { addTableSheet, displayWidth, type XlsxCellType, xlsxResponse } from "@/lib/xlsx";

export type ExportFormat = "csv" | "xlsx";

/** ?format=xlsx → Excel; anything else → CSV (the default the list's first button uses). */
export function exportFormat(request: Request): ExportFormat {
  return new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
}

/**
 * Column widths for the Excel sheet, from the header and the kind of value (the rows stream, so their longest
 * value is not known in advance): the first column holds the record's name, wide enough for a long Chinese
 * enterprise name (text columns also wrap in print); codes fit 18 characters.
 */
function width(header: string, type: XlsxCellType, index: number): number {
  const base =
    index === 0 && type === "text"
      ? 40
      : type === "text"
        ? 18
        : type === "code"
          ? 22
          : type === "date" || type === "year"
            ? 12
            : type === "datetime"
              ? 18
              : 12;
  return Math.max(base, displayWidth(header) + 2);
}

/** The .xlsx branch of a registry export: one typed sheet, rows streamed from the iterator (closed at the end). */
export function registryXlsxResponse(opts: {
  /** Without extension. */
  filename: string;
  sheet: string;
  columns: { header: string; type: XlsxCellType }[];
  rows: { rows: Iterable<unknown[]>; close: () => void };
  /** Rows written so far (called as they go out). */
  onCount?: (n: number) => void;
  onDone?: () => void;
  onError?: (err: unknown) => void;
}): Response {
  return xlsxResponse({
    filename: `${opts.filename}.xlsx`,
    write: async (wb, out) => {
      const columns = opts.columns.map((c, i) => ({ ...c, width: width(c.header, c.type, i) }));
      const sheet = addTableSheet(wb, out, opts.sheet, columns, { title: `${opts.sheet}（${opts.filename}）` });
      let count = 0;
      try {
        for (const r of opts.rows.rows) {
          await sheet.add(r);
          count++;
          opts.onCount?.(count);
        }
      } finally {
        opts.rows.close();
      }
      await sheet.commit();
    },
    onDone: opts.onDone,
    onError: opts.onError,
  });
}

/**
 * Streams a registry export from a row iterator, so a 100k-row export never sits in memory and is never
 * capped: CSV (UTF-8 BOM, RFC 4180, formula cells neutralised) or .xlsx (typed cells, frozen header,
 * auto-filter; text is always a string cell, never a formula). Written to the operation log with its filter
 * and row count once the last row has gone out.
 */
export async function registryExportResponse(opts: {
  format: ExportFormat;
  user: CurrentUser;
  /** Without extension. */
  filename: string;
  /** Sheet name of the .xlsx export. */
  sheet: string;
  /** Header and cell type of each column, in the rows' order (one list, so they cannot drift apart). */
  columns: { header: string; type: XlsxCellType }[];
  rows: { rows: Iterable<unknown[]>; close: () => void };
  objectType: string;
  filter: unknown;
}): Promise<Response> {
  const { ip } = await getRequestInfo();
  const filename = `${opts.filename}.${opts.format}`;
  let count = 0;
  const log = (result: "ok" | "error", message: string) =>
    writeOperationLog(getDb(), {
      userId: opts.user.id,
      username: opts.user.username,
      role: opts.user.role,
      ip,
      action: opts.format === "csv" ? "registry.exportCsv" : "registry.exportXlsx",
      objectType: opts.objectType,
      result,
      message,
      detail: { filter: opts.filter, rows: count, filename },
    });

  if (opts.format === "xlsx") {
    return registryXlsxResponse({
      filename: opts.filename,
      sheet: opts.sheet,
      columns: opts.columns,
      rows: opts.rows,
      onCount: (n) => {
        count = n;
      },
      onDone: () => log("ok", `${count} rows`),
      onError: (err) => log("error", `${count} rows; ${String((err as Error)?.message ?? err)}`),
    });
  }

  const counted = (function* () {
    for (const r of opts.rows.rows) {
      count++;
      yield r;
    }
  })();
  const kinds: CsvColumnKind[] = opts.columns.map((c) => (c.type === "code" ? "code" : "other"));
  const gen = csvStream(
    opts.columns.map((c) => c.header),
    counted,
    500,
    kinds,
  );
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await gen.next();
      if (done) {
        log("ok", `${count} rows`);
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
      "Content-Disposition": contentDispositionAttachment(filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
