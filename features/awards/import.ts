/**
 * 申报导入: application rows from an xlsx (统一社会信用代码, 新增销售收入（万元）, optional 兑现金额（万元）, 评审得分),
 * each checked as the form checks one application. A refused row names its row number and reason. Nothing is written
 * unless every row is valid, or the user chose to import the valid rows only.
 */
import type Database from "better-sqlite3";
import { enterpriseScope } from "@/features/registry/scope";
import { ActionError } from "@/lib/action-error";
import type { RawSheet } from "@/lib/import/workbook";
import { scopeSql } from "@/lib/scope";
import {
  type AwardUser,
  type BatchRow,
  checkApplication,
  getBatch,
  getPolicy,
  insertApplication,
  type PolicyRow,
} from "./engine";
import { parseWan } from "./validations";

export const APPLICATION_HEADERS = {
  creditCode: "统一社会信用代码",
  base: "新增销售收入（万元）",
  amount: "兑现金额（万元）",
  score: "评审得分",
} as const;

export type ApplicationRowPlan =
  | {
      rowNumber: number;
      ok: true;
      enterpriseId: number;
      baseYuan: number | null;
      amountYuan: number | null;
      score: number | null;
      award: number;
    }
  | { rowNumber: number; ok: false; reason: string; value?: string };

const norm = (h: string) => h.replace(/[\s\u3000()（）]/g, "");

/** Checks every row against the registry, the batch and the rule; writes nothing. */
export function planApplications(
  sqlite: Database.Database,
  user: AwardUser,
  batch: BatchRow,
  policy: PolicyRow,
  sheets: RawSheet[],
): ApplicationRowPlan[] {
  const sheet = sheets.find((s) => s.rows.length > 0) ?? sheets[0];
  if (!sheet) return [];
  const col = (label: string) => sheet.headers.findIndex((h) => norm(String(h ?? "")) === norm(label));
  const cCode = col(APPLICATION_HEADERS.creditCode);
  const cBase = col(APPLICATION_HEADERS.base);
  const cAmount = col(APPLICATION_HEADERS.amount);
  const cScore = col(APPLICATION_HEADERS.score);
  if (cCode < 0) throw new ActionError("awards.import.noCreditCodeColumn");
  const where = scopeSql(enterpriseScope, "e", user.scope);
  const byCode = sqlite.prepare(
    `SELECT e.id FROM enterprises e WHERE e.credit_code = ? AND e.deleted_at IS NULL ${where ? `AND ${where}` : ""}`,
  );
  const seen = new Map<number, number>();
  const out: ApplicationRowPlan[] = [];
  for (const r of sheet.rows) {
    const cell = (i: number) => (i < 0 ? null : r.cells[i]);
    const code = String(cell(cCode) ?? "")
      .trim()
      .toUpperCase();
    const id = code ? (byCode.pluck().get(code) as number | undefined) : undefined;
    if (!id) {
      out.push({ rowNumber: r.rowNumber, ok: false, reason: "awards.import.unknownCode", value: code });
      continue;
    }
    const base = parseWan(cell(cBase));
    const amount = parseWan(cell(cAmount));
    if (Number.isNaN(base) || Number.isNaN(amount)) {
      out.push({
        rowNumber: r.rowNumber,
        ok: false,
        reason: "awards.err.notNumber",
        value: String(cell(Number.isNaN(base) ? cBase : cAmount)),
      });
      continue;
    }
    if ((base ?? 0) < 0 || (amount ?? 0) < 0) {
      out.push({ rowNumber: r.rowNumber, ok: false, reason: "awards.refuse.baseNegative" });
      continue;
    }
    const dupRow = seen.get(id);
    if (dupRow) {
      out.push({ rowNumber: r.rowNumber, ok: false, reason: `awards.import.duplicateRow|row=${dupRow}`, value: code });
      continue;
    }
    seen.set(id, r.rowNumber);
    const rawScore = cell(cScore);
    const score = rawScore == null || rawScore === "" ? null : Number(rawScore);
    const c = checkApplication(sqlite, user, batch, policy, {
      batchId: batch.id,
      enterpriseId: id,
      baseYuan: base,
      amountYuan: amount,
      reviewScore: Number.isFinite(score) ? score : null,
    });
    if (!c.ok) out.push({ rowNumber: r.rowNumber, ok: false, reason: c.reason, value: code });
    else
      out.push({
        rowNumber: r.rowNumber,
        ok: true,
        enterpriseId: id,
        baseYuan: base,
        amountYuan: amount,
        score: Number.isFinite(score) ? score : null,
        award: c.amountYuan,
      });
  }
  return out;
}

/** Some rows refused in an all-or-nothing import: nothing was written; the caller reports each row. */
export class RowsRefused extends Error {
  constructor(readonly rows: Extract<ApplicationRowPlan, { ok: false }>[]) {
    super("awards.import.refused");
  }
}

/** Imports the rows: all or nothing (mode all), or the valid ones only. Returns what was added and what was refused. */
export function importApplications(
  sqlite: Database.Database,
  user: AwardUser,
  input: { batchId: number; version: number; mode: "all" | "validOnly" },
  sheets: RawSheet[],
): { added: number; refused: Extract<ApplicationRowPlan, { ok: false }>[]; version: number } {
  const b = getBatch(sqlite, input.batchId);
  if (!b) throw new ActionError("awards.err.notFound", undefined, "conflict");
  if (b.state !== "draft") throw new ActionError(`awards.err.wrongState.${b.state}`, undefined, "conflict");
  if (b.version !== input.version) throw new ActionError("awards.err.stale", undefined, "conflict");
  const policy = getPolicy(sqlite, b.policyId)!;
  if (policy.mode !== "application") throw new ActionError("awards.err.notApplication", undefined, "conflict");
  const plan = planApplications(sqlite, user, b, policy, sheets);
  const refused = plan.filter((p): p is Extract<ApplicationRowPlan, { ok: false }> => !p.ok);
  const valid = plan.filter((p): p is Extract<ApplicationRowPlan, { ok: true }> => p.ok);
  if (plan.length === 0) throw new ActionError("awards.import.empty");
  if (refused.length > 0 && input.mode === "all") throw new RowsRefused(refused);
  if (valid.length === 0) throw new ActionError("awards.import.nothingValid");
  const enterprise = sqlite.prepare(
    "SELECT name, credit_code AS creditCode, street_id AS streetId, park_id AS parkId FROM enterprises WHERE id = ?",
  );
  for (const v of valid) {
    const e = enterprise.get(v.enterpriseId) as {
      name: string;
      creditCode: string;
      streetId: number;
      parkId: number | null;
    };
    insertApplication(
      sqlite,
      user,
      b,
      policy,
      { batchId: b.id, enterpriseId: v.enterpriseId, baseYuan: v.baseYuan, reviewScore: v.score },
      v.award,
      e,
    );
  }
  sqlite
    .prepare(
      "UPDATE award_batches SET version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_by = ? WHERE id = ?",
    )
    .run(user.id, b.id);
  return { added: valid.length, refused, version: b.version + 1 };
}
