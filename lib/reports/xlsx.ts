import "server-only";
import type { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { MessageKey, T } from "@/lib/i18n/core";
import { shareLabelKey } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";
import { addTableSheet, decimalsFormat, excelDateTime, type XlsxCellType, type XlsxColumn } from "@/lib/xlsx";
import { MOVEMENT_COLUMNS, MOVEMENT_KINDS, type SummaryData, type SummaryMeta } from "./model";

const INDICATOR_COLUMNS: { key: string; width: number; type: XlsxCellType; decimals?: number }[] = [
  { key: "no", width: 6, type: "integer" },
  { key: "indicator", width: 30, type: "text" },
  { key: "unit", width: 7, type: "text" },
  { key: "dataPeriod", width: 10, type: "text" },
  { key: "value", width: 12, type: "number" },
  { key: "rank", width: 9, type: "integer" },
  { key: "ranked", width: 9, type: "integer" },
  { key: "leadOrGap", width: 13, type: "number" },
  { key: "sharePct", width: 11, type: "percent", decimals: 2 },
  { key: "shareBase", width: 13, type: "text" },
  { key: "targetRank", width: 9, type: "integer" },
  { key: "targetValue", width: 10, type: "number" },
  { key: "status", width: 8, type: "text" },
  { key: "qoqPct", width: 9, type: "percent", decimals: 2 },
  { key: "yoyPct", width: 9, type: "percent", decimals: 2 },
  { key: "sample", width: 10, type: "bool" },
];

/** Writes the quarterly summary workbook: 封面, 指标汇总, one sheet per movement list, 工作总结. Returns row counts. */
export async function writeSummaryWorkbook(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  input: { data: SummaryData; meta: SummaryMeta; t: T; locale: "zh-CN" | "en"; exportedBy: string },
): Promise<Record<string, number>> {
  const { data, meta, t, locale } = input;
  const yes = t("common.yes");
  const no = t("common.no");
  const period = formatPeriod(data.quarter, locale);
  const title = t("reports.reportTitle", { district: data.district, period });
  const counts: Record<string, number> = {};

  // Cover: label / value pairs a clerk can read and a test can find.
  const cover = wb.addWorksheet(t("reports.sheets.cover"), {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  cover.columns = [{ width: 16 }, { width: 60 }];
  const titleRow = cover.addRow([title]);
  titleRow.font = { bold: true, size: 16 };
  titleRow.height = 28;
  titleRow.commit();
  cover.addRow([]).commit();
  const pairs: [string, ExcelJS.CellValue, string?][] = [
    [t("reports.district"), data.district],
    [t("reports.quarter"), `${period}（${data.quarter}）`],
    [
      t("reports.statusLabel"),
      meta.status === "closed"
        ? `${t("reports.status.closed")}（${t("reports.version", { n: meta.snapshotVersion ?? 0 })}）`
        : t("reports.status.draft"),
    ],
    [t("reports.closedAt"), excelDateTime(meta.closedAt), "yyyy-mm-dd hh:mm:ss"],
    [t("reports.closedBy"), meta.closedByName ?? ""],
    [t("reports.dataAsOf"), excelDateTime(data.dataAsOf), "yyyy-mm-dd hh:mm:ss"],
    [t("reports.generatedAt"), excelDateTime(new Date().toISOString()), "yyyy-mm-dd hh:mm:ss"],
    [t("reports.generatedBy"), input.exportedBy],
  ];
  if (meta.status === "draft") pairs.push([t("reports.note"), t("reports.liveNote")]);
  if (data.hasSample) pairs.push([t("reports.note"), t("reports.sampleNote")]);
  for (const [label, value, fmt] of pairs) {
    const r = cover.addRow([label, value]);
    r.getCell(1).font = { bold: true };
    r.getCell(2).alignment = { horizontal: "left", wrapText: true };
    if (fmt) r.getCell(2).numFmt = fmt;
    r.commit();
  }
  await cover.commit();

  // 指标汇总
  const cols: XlsxColumn[] = INDICATOR_COLUMNS.map((c) => ({
    ...c,
    header: t(`reports.columns.${c.key}` as MessageKey),
  }));
  const ind = addTableSheet(wb, out, t("reports.sheets.indicators"), cols, { yes, no });
  for (const [i, r] of data.indicators.entries()) {
    const fmt = decimalsFormat(r.decimals);
    await ind.add(
      [
        i + 1,
        r.name,
        r.valueKind === "rank" ? t("reports.columns.rank") : r.unit,
        formatPeriod(r.dataPeriod, locale),
        r.value,
        r.rank,
        r.ranked || null,
        r.leadOrGap,
        r.sharePct,
        // Same words as the board and the summary page: 占全市比重 only against a published city total.
        r.sharePct === null || !r.shareBase ? "" : t(shareLabelKey(r.shareBase)),
        r.targetRank,
        r.targetValue,
        r.status ? t(`kpi.status.${r.status}`) : "",
        r.qoqPct,
        r.yoyPct,
        r.sampleBased,
      ],
      { 4: fmt, 7: fmt, 11: fmt },
    );
  }
  await ind.commit();
  counts.indicators = ind.rows();

  for (const kind of MOVEMENT_KINDS) {
    const spec = MOVEMENT_COLUMNS[kind];
    const mcols: XlsxColumn[] = [
      { header: t("reports.columns.no"), width: 6, type: "integer" },
      ...spec.map((c) => ({
        header: t(`reports.columns.${c.key}` as MessageKey),
        width: c.width,
        type: (c.type === "number" ? "integer" : c.type) as XlsxCellType,
      })),
    ];
    const sheet = addTableSheet(wb, out, t(`reports.sheets.${kind}`), mcols, { yes, no });
    for (const [i, row] of data.movements[kind].entries()) {
      await sheet.add([
        i + 1,
        ...spec.map((c) => {
          const v = row[c.key];
          return c.labels && v != null ? t(`${c.labels}.${v}` as MessageKey) : v;
        }),
      ]);
    }
    await sheet.commit();
    counts[kind] = sheet.rows();
  }

  const narrative = wb.addWorksheet(t("reports.sheets.narrative"), {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  narrative.columns = [{ width: 16 }, { width: 90 }];
  for (const [label, text] of [
    [t("reports.summaryText"), data.summaryText],
    [t("reports.planText"), data.planText],
  ]) {
    const r = narrative.addRow([label, text || t("reports.narrativeEmpty")]);
    r.getCell(1).font = { bold: true };
    r.getCell(1).alignment = { vertical: "top" };
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
    r.commit();
  }
  await narrative.commit();
  return counts;
}
