import "server-only";
import type { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { T } from "@/lib/i18n/core";
import { addTableSheet } from "@/lib/xlsx";
import { exclusionText } from "./format";
import type { BatchView, LineView, PaymentView } from "./queries";
import { yuanToWan } from "./rules";

/** 公示名单: one row per payable line, the amount a number in 万元 (4 decimals at most), plus the exclusions sheet. */
export async function writePublicityWorkbook(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  opts: { batch: Pick<BatchView, "year" | "policyName" | "policyMode">; lines: LineView[]; excluded: LineView[]; t: T },
): Promise<number> {
  const { t, batch } = opts;
  const title = t("awards.publicityTitle", { year: batch.year, policy: batch.policyName });
  const sheet = addTableSheet(
    wb,
    out,
    t("awards.lines"),
    [
      { header: t("awards.seq"), width: 6, type: "integer" },
      { header: t("awards.enterprise"), width: 40, type: "text" },
      { header: t("awards.creditCode"), width: 22, type: "code" },
      { header: t("awards.street"), width: 12, type: "text" },
      { header: t("awards.fact"), width: 14, type: "date" },
      { header: t("awards.base"), width: 14, type: "number", decimals: 4 },
      { header: t("awards.amount"), width: 14, type: "number", decimals: 4 },
    ],
    { title, landscape: false },
  );
  let i = 0;
  for (const l of opts.lines) {
    i++;
    await sheet.add([
      i,
      l.enterpriseName,
      l.creditCode,
      l.streetLabel,
      l.factDate,
      l.baseYuan == null ? null : yuanToWan(l.baseYuan),
      yuanToWan(l.amountYuan),
    ]);
  }
  await sheet.commit();
  const ex = addTableSheet(
    wb,
    out,
    t("awards.exclusions").slice(0, 28),
    [
      { header: t("awards.enterprise"), width: 40, type: "text" },
      { header: t("awards.creditCode"), width: 22, type: "code" },
      { header: t("awards.fact"), width: 14, type: "date" },
      { header: t("awards.exclusionReason"), width: 40, type: "text" },
    ],
    { title, empty: t("reports.noneShort") },
  );
  for (const l of opts.excluded)
    await ex.add([l.enterpriseName, l.creditCode, l.factDate, exclusionText(t, l.exclusionReason)]);
  await ex.commit();
  return i;
}

/** 拨付台账: every payment attempt (failed ones too), amounts numbers in 万元. */
export async function writeLedgerWorkbook(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  opts: { batch: Pick<BatchView, "year" | "policyName">; payments: PaymentView[]; t: T },
): Promise<number> {
  const { t } = opts;
  const sheet = addTableSheet(
    wb,
    out,
    t("awards.ledger"),
    [
      { header: t("awards.paidDate"), width: 12, type: "date" },
      { header: t("awards.enterprise"), width: 40, type: "text" },
      { header: t("awards.creditCode"), width: 22, type: "code" },
      { header: t("awards.voucherNo"), width: 16, type: "text" },
      { header: t("awards.paymentAmount"), width: 14, type: "number", decimals: 4 },
      { header: t("awards.payment"), width: 10, type: "text" },
    ],
    { title: `${opts.batch.year} ${opts.batch.policyName} ${t("awards.ledger")}`, empty: t("reports.noneShort") },
  );
  for (const p of opts.payments)
    await sheet.add([
      p.paidDate,
      p.enterpriseName,
      p.creditCode,
      p.voucherNo,
      yuanToWan(p.amountYuan),
      t(`awards.paymentStatus.${p.status}`),
    ]);
  await sheet.commit();
  return sheet.rows();
}
