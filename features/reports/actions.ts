"use server";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { type QuarterlyReport, quarterlyReports, reportSnapshots } from "@/db/schema";
import { type CloseGap, closeGaps } from "@/features/reports/model";
import { computeSummary, summaryRowCounts } from "@/features/reports/summary";
import { ActionError, defineAction, staleWrite } from "@/lib/action";
import { makeT, type T } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { periodEnd } from "@/lib/kpi/period";
import { nowIso, todayIso } from "@/lib/time";
import { closeSchema, narrativeSchema, reopenSchema } from "./validations";

const paths = (quarter: string) => ["/reports", `/reports/${quarter}`];

/** The quarter's report row, created as an empty draft the first time anyone writes to it. */
function ensureReport(tx: Tx, quarter: string, userId: number): QuarterlyReport {
  const found = tx.select().from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();
  if (found) return found;
  return tx.insert(quarterlyReports).values({ quarter, updatedBy: userId }).returning().get();
}

/** 工作总结 / 下季度计划: editable while the quarter is a draft. */
export const saveNarrative = defineAction({
  name: "report.saveNarrative",
  permission: "report.write",
  schema: narrativeSchema,
  handler: ({ quarter, summaryText, planText, version }, { tx, user, audit }) => {
    // The form carries the version it was opened at; 0 = the quarter had no report row yet. Checked before
    // ensureReport creates the row, so a first save over someone else's first save is refused too.
    const found = tx.select().from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();
    if ((found?.version ?? 0) !== version && found?.status !== "closed")
      throw staleWrite({
        updatedBy: found?.updatedBy,
        updatedAt: found?.updatedAt,
        current: [
          { label: "reports.summaryText", value: found?.summaryText ?? "" },
          { label: "reports.planText", value: found?.planText ?? "" },
        ],
      });
    const before = found ?? ensureReport(tx, quarter, user.id);
    if (before.status === "closed") throw new ActionError("reports.closedReadOnly", undefined, "conflict");
    const after = tx
      .update(quarterlyReports)
      .set({ summaryText, planText, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(eq(quarterlyReports.id, before.id))
      .returning()
      .get();
    audit({
      objectType: "report",
      objectId: quarter,
      before: { summaryText: before.summaryText, planText: before.planText },
      after: { summaryText, planText },
    });
    return { version: after.version };
  },
  revalidate: (i) => paths(i.quarter),
});

/** A gap in the user's words, for the refusal message. */
function gapText(t: T, g: CloseGap): string {
  return g.kind === "narrative"
    ? t("reports.closeMissingNarrative", { field: t(`reports.${g.code}`) })
    : t("reports.closeMissingIndicator", { name: g.name, period: g.period });
}

/**
 * 封账: freezes the quarter. Checks first: an empty narrative or an indicator without Yubei's value is refused
 * unless the request names it as confirmed (the dialog lists every gap and asks for that confirmation). Every indicator row and every movement list is read and written as a new
 * snapshot version in the same transaction; later registry edits never change it.
 */
export const closeQuarter = defineAction({
  name: "report.close",
  permission: "report.write",
  schema: closeSchema,
  prepare: async () => makeT(await getLocale()),
  handler: ({ quarter, confirmMissing }, { tx, user, audit, prepared: t }) => {
    if (periodEnd(quarter) >= todayIso()) throw new ActionError("reports.notEnded", undefined, "conflict");
    const report = ensureReport(tx, quarter, user.id);
    if (report.status === "closed") throw new ActionError("reports.alreadyClosed", undefined, "conflict");
    // Reads run on the transaction's connection, so the snapshot is one consistent view of the registries.
    const data = computeSummary(quarter, { summaryText: report.summaryText, planText: report.planText });
    const gaps = closeGaps(data);
    const confirmed = new Set(confirmMissing);
    const unconfirmed = gaps.filter((g) => !confirmed.has(g.code));
    if (unconfirmed.length > 0) {
      const items = encodeURIComponent(unconfirmed.map((g) => gapText(t, g)).join("；"));
      throw new ActionError(`reports.closeNeedsConfirm|n=${unconfirmed.length},items=${items}`, undefined, "conflict");
    }
    const next =
      (tx
        .select({ v: sql<number>`max(${reportSnapshots.snapshotVersion})` })
        .from(reportSnapshots)
        .where(eq(reportSnapshots.reportId, report.id))
        .get()?.v ?? 0) + 1;
    const closedAt = nowIso();
    const snap = tx
      .insert(reportSnapshots)
      .values({
        reportId: report.id,
        quarter,
        snapshotVersion: next,
        data,
        dataAsOf: data.dataAsOf,
        closedAt,
        closedBy: user.id,
        closedByName: user.displayName,
      })
      .returning({ id: reportSnapshots.id })
      .get();
    tx.update(quarterlyReports)
      .set({
        status: "closed",
        currentSnapshotId: snap.id,
        version: report.version + 1,
        updatedAt: closedAt,
        updatedBy: user.id,
      })
      .where(eq(quarterlyReports.id, report.id))
      .run();
    audit({
      objectType: "report",
      objectId: quarter,
      before: { status: "draft" },
      after: { status: "closed", snapshotVersion: next },
      detail: { rows: summaryRowCounts(data), dataAsOf: data.dataAsOf, confirmedGaps: gaps.map((g) => g.code) },
    });
    return { snapshotVersion: next };
  },
  revalidate: (i) => paths(i.quarter),
});

/** 重新打开: admin only, with a reason kept on the superseded snapshot and in the operation log. */
export const reopenQuarter = defineAction({
  name: "report.reopen",
  permission: "report.reopen",
  schema: reopenSchema,
  handler: ({ quarter, reason }, { tx, user, audit }) => {
    const report = tx.select().from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();
    const snapshotId = report?.status === "closed" ? report.currentSnapshotId : null;
    if (!report || !snapshotId) throw new ActionError("reports.notClosed", undefined, "conflict");
    const now = nowIso();
    tx.update(reportSnapshots)
      .set({ reopenedAt: now, reopenedBy: user.id, reopenedByName: user.displayName, reopenReason: reason })
      .where(eq(reportSnapshots.id, snapshotId))
      .run();
    tx.update(quarterlyReports)
      .set({
        status: "draft",
        currentSnapshotId: null,
        version: report.version + 1,
        updatedAt: now,
        updatedBy: user.id,
      })
      .where(eq(quarterlyReports.id, report.id))
      .run();
    audit({
      objectType: "report",
      objectId: quarter,
      before: { status: "closed" },
      after: { status: "draft" },
      detail: { reason, reopenedSnapshotId: snapshotId },
    });
    return { quarter };
  },
  revalidate: (i) => paths(i.quarter),
});
