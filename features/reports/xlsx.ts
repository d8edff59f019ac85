import "server-only";
import type { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { MessageKey, T } from "@/lib/i18n/core";
import { formatPeriod } from "@/lib/kpi/period";
import { shareLabelKey } from "@/lib/kpi/share-label";
import {
  addTableSheet,
  decimalsFormat,
  displayWidth,
  excelDateTime,
  type XlsxCellType,
  type XlsxColumn,
} from "@/lib/xlsx";
import { MOVEMENT_COLUMNS, MOVEMENT_KINDS, type SummaryData, type SummaryMeta } from "./model";

const INDICATOR_COLUMNS: { key: string; width: number; type: XlsxCellType; decimals?: number }[] = [
  { key: "no", width: 6, type: "integer" },
  { key: "indicator", width: 30, type: "text" },
  { key: "unit", width: 7, type: "text" },
  { key: "dataPeriod", width: 16, type: "text" },
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

/** Codes stay text in the workbook (an 18-digit credit code must not become 9.15E+17). */
const CODE_KEYS = new Set(["creditCode", "certificateNo"]);

/**
 * A column as wide as its longest value or header (CJK characters count double), within bounds, so that the
 * longest Chinese name fits in print; the data is in memory here, unlike the streamed registry exports.
 */
function fitWidth(declared: number, header: string, values: Iterable<unknown>, max = 60): number {
  let w = displayWidth(header);
  for (const v of values) if (v != null) w = Math.max(w, displayWidth(String(v)));
  return Math.min(max, Math.max(declared, w + 2));
}

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
    headerFooter: { oddHeader: `&C&"-,Bold"${title.replaceAll("&", "&&")}` },
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
  const cols: XlsxColumn[] = INDICATOR_COLUMNS.map((c) => {
    const header = t(`reports.columns.${c.key}` as MessageKey);
    const values =
      c.key === "indicator"
        ? data.indicators.map((r) => r.name)
        : c.key === "dataPeriod"
          ? data.indicators.map((r) => formatPeriod(r.dataPeriod, locale))
          : [];
    return { ...c, header, width: fitWidth(c.width, header, values) };
  });
  // Each printed page carries the report's title (district and quarter) and the sheet's name.
  const pageTitle = (sheet: string) => `${title} · ${sheet}`;
  const none = t("reports.noneShort");
  const ind = addTableSheet(wb, out, t("reports.sheets.indicators"), cols, {
    yes,
    no,
    title: pageTitle(t("reports.sheets.indicators")),
    empty: none,
  });
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

  // 按镇街分解: each registry-count figure by street, with the previous period (rows add up to 指标汇总's value).
  if (data.byStreet) {
    const areaName = (r: NonNullable<SummaryData["byStreet"]>[number]["rows"][number]) =>
      r.label ?? (r.area === "unlinked" ? t("kpi.breakdown.unlinked") : t("kpi.breakdown.none.street"));
    const flat = data.byStreet.flatMap((b) => b.rows.map((r) => ({ b, r })));
    const scols: XlsxColumn[] = [
      { header: t("reports.columns.no"), width: 6, type: "integer" },
      {
        header: t("reports.columns.indicator"),
        width: fitWidth(
          24,
          t("reports.columns.indicator"),
          data.byStreet.map((b) => b.name),
        ),
        type: "text",
      },
      { header: t("reports.columns.dataPeriod"), width: 16, type: "text" },
      {
        header: t("reports.columns.street"),
        width: fitWidth(
          12,
          t("reports.columns.street"),
          flat.map(({ r }) => areaName(r)),
        ),
        type: "text",
      },
      { header: t("reports.columns.current"), width: 10, type: "integer" },
      { header: t("reports.columns.previousPeriod"), width: 16, type: "text" },
      { header: t("reports.columns.previous"), width: 10, type: "integer" },
      { header: t("reports.columns.change"), width: 9, type: "integer" },
    ];
    const sheetName = t("reports.sheets.byStreet");
    const sheet = addTableSheet(wb, out, sheetName, scols, { yes, no, title: pageTitle(sheetName), empty: none });
    for (const [i, { b, r }] of flat.entries()) {
      await sheet.add([
        i + 1,
        b.name,
        formatPeriod(b.dataPeriod, locale),
        areaName(r),
        r.current,
        formatPeriod(b.previousPeriod, locale),
        r.previous,
        r.current - r.previous,
      ]);
    }
    await sheet.commit();
    counts.byStreet = sheet.rows();
  }

  for (const kind of MOVEMENT_KINDS) {
    const spec = MOVEMENT_COLUMNS[kind];
    const cell = (row: (typeof data.movements)[typeof kind][number], c: (typeof spec)[number]) => {
      const v = row[c.key];
      return c.labels && v != null ? t(`${c.labels}.${v}` as MessageKey) : v;
    };
    const rows = data.movements[kind];
    const mcols: XlsxColumn[] = [
      { header: t("reports.columns.no"), width: 6, type: "integer" },
      ...spec.map((c) => {
        const header = t(`reports.columns.${c.key}` as MessageKey);
        const type: XlsxCellType = CODE_KEYS.has(c.key) ? "code" : c.type === "number" ? "integer" : c.type;
        const values = c.type === "text" ? rows.map((r) => cell(r, c)) : [];
        return { header, type, width: fitWidth(c.width, header, values) };
      }),
    ];
    const sheetName = t(`reports.sheets.${kind}`);
    const sheet = addTableSheet(wb, out, sheetName, mcols, { yes, no, title: pageTitle(sheetName), empty: none });
    for (const [i, row] of rows.entries()) {
      await sheet.add([i + 1, ...spec.map((c) => cell(row, c))]);
    }
    await sheet.commit();
    counts[kind] = sheet.rows();
  }

  const narrative = wb.addWorksheet(t("reports.sheets.narrative"), {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: {
      oddHeader: `&C&"-,Bold"${`${title} · ${t("reports.sheets.narrative")}`.replaceAll("&", "&&")}`,
      oddFooter: "&C第 &P 页，共 &N 页",
    },
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
