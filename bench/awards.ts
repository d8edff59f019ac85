// 政策兑现 over the generated registry, in-process: compute the eligible list of a 科技型企业入库奖励 batch (one SQL
// query over every 市级科技型企业 qualification), write its lines, then stream its 公示 xlsx. The batch is created in a
// transaction that is rolled back, so the server scenarios see the database as generated.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { DB } from "@/db";
import { computeEligible, createBatch, getPolicy } from "@/features/awards/engine";
import { makeT } from "@/lib/i18n/core";
import { FULL_SCOPE } from "@/lib/scope";

export type AwardsBenchResult =
  | {
      available: true;
      year: number;
      eligible: number;
      listed: number;
      computeMs: number;
      batchMs: number;
      xlsxMs: number;
    }
  | { available: false; reason: string };

class Rollback extends Error {}

export async function awardsBench(db: DB): Promise<AwardsBenchResult> {
  const sqlite = db.$client;
  const { seedPolicies } = await import("@/features/seed/policies");
  seedPolicies(db, { demo: true });
  const policyId = sqlite.prepare("SELECT id FROM award_policies WHERE key = 'tech_enterprise_entry'").pluck().get() as
    | number
    | undefined;
  const policy = policyId ? getPolicy(sqlite, policyId) : undefined;
  if (!policy) return { available: false, reason: "no tech_enterprise_entry policy" };
  // The year (within the policy's active years) with the most 市级科技型企业 qualifications awarded.
  const year = Number(
    sqlite
      .prepare(
        `SELECT substr(q.awarded_date, 1, 4) FROM enterprise_qualifications q JOIN dictionary_items d ON d.id = q.type_id
         WHERE d.code = 'municipal_tech_enterprise' AND q.awarded_date >= ? GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get(`${policy.activeFrom}-01-01`),
  );
  const user = {
    id: sqlite.prepare("SELECT id FROM users WHERE username = 'staff'").pluck().get() as number,
    role: "staff",
    scope: FULL_SCOPE,
  };
  let t0 = performance.now();
  const rows = computeEligible(sqlite, policy, year, FULL_SCOPE);
  const computeMs = performance.now() - t0;
  const eligible = rows.filter((r) => r.exclusion === null).length;
  let batchMs = 0;
  let xlsxMs = 0;
  let listed = 0;
  try {
    sqlite.transaction(() => {
      sqlite
        .prepare("DELETE FROM award_batches WHERE policy_id = ? AND year = ? AND state = 'draft'")
        .run(policy.id, year);
      t0 = performance.now();
      const b = createBatch(sqlite, user, { policyId: policy.id, year });
      batchMs = performance.now() - t0;
      listed = b.eligible;
      throw new Rollback();
    })();
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  // The xlsx of that many lines (the computed rows), streamed to nowhere.
  t0 = performance.now();
  const out = new PassThrough();
  out.resume();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const { writePublicityWorkbook } = await import("@/features/awards/xlsx");
  const line = (r: (typeof rows)[number], i: number) => ({
    id: i,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    creditCode: r.creditCode,
    streetLabel: null,
    qualificationId: r.qualificationId,
    factDate: r.factDate,
    baseYuan: null,
    reviewScore: null,
    documents: null,
    amountYuan: r.exclusion ? 0 : (policy.amountYuan ?? 0),
    excluded: r.exclusion ? 1 : 0,
    exclusionReason: r.exclusion,
    objection: null,
    objectionResolution: null,
    objectionReason: null,
    paidYuan: 0,
    paymentState: "unpaid" as const,
    flagged: 0,
  });
  const lines = rows.map(line);
  await writePublicityWorkbook(wb, out, {
    batch: { year, policyName: "科技型企业入库奖励", policyMode: "automatic" },
    lines: lines.filter((l) => !l.excluded),
    excluded: lines.filter((l) => l.excluded),
    t: makeT("zh-CN"),
  });
  await wb.commit();
  xlsxMs = performance.now() - t0;
  return { available: true, year, eligible, listed, computeMs, batchMs, xlsxMs };
}
