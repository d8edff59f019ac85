/**
 * The 政策兑现 catalogue: the four published policies of ./yubei-policies.json, seeded whatever the demo mode
 * (they are facts, like the dictionaries); an existing policy (same key) is left alone. The demo additionally
 * sets illustrative year budgets (示例, not published per policy: the facts give only 不低于3亿元/年 in total).
 */
import type Database from "better-sqlite3";
import type { DB } from "@/db/index";
import { wanToYuan } from "@/features/awards/rules";
import facts from "./yubei-policies.json";

type FactPolicy = (typeof facts.policies)[number] & Record<string, unknown>;

/** Eligibility from the registries where the policy has one (免申即享); the others are applications. */
const ELIGIBILITY: Record<string, string> = {
  tech_enterprise_entry: "municipal_tech_enterprise",
  national_hightech_new: "national_high_tech",
};
const DOCUMENTS: Record<string, string> = {
  achievement_transformation: "项目申报书\n新增销售收入专项审计报告\n自主知识产权证明",
  tech_transfer_agency: "项目申报书\n机构建设情况报告\n评审意见",
};
/** Illustrative demo budgets in 万元 (示例). */
export const DEMO_BUDGETS_WAN: Record<string, number> = {
  tech_enterprise_entry: 1200,
  national_hightech_new: 5000,
  achievement_transformation: 1000,
  tech_transfer_agency: 200,
};

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const yuan = (v: unknown): number | null => (typeof v === "number" ? wanToYuan(v) : null);

export const PUBLISHED_BATCHES = facts.published_batches;

export function seedPolicies(db: DB, opts: { demo: boolean }): number {
  const sqlite = (db as DB & { $client: Database.Database }).$client;
  const insert = sqlite.prepare(
    `INSERT INTO award_policies (key, name, basis_title, basis_doc_no, rule_text, kind, mode, amount_yuan, min_yuan, max_yuan,
       rate_bp, threshold_yuan, cap_yuan, eligibility_qual_code, eligibility_text, documents, year_budget_yuan, active_from,
       active_to, source)
     VALUES (@key, @name, @basisTitle, NULL, @ruleText, @kind, @mode, @amount, @min, @max, @rateBp, @threshold, @cap, @qual,
       @eligibility, @documents, @budget, 2019, NULL, @source)
     ON CONFLICT (key) DO NOTHING`,
  );
  let added = 0;
  sqlite.transaction(() => {
    for (const p of facts.policies as FactPolicy[]) {
      const rate = num(p.rate_pct);
      added += insert.run({
        key: p.key,
        name: p.name,
        basisTitle: p.source.includes("创新52条") ? "渝北区“创新52条”科技创新政策" : "渝北区科技创新政策",
        ruleText: p.rule,
        kind: p.kind,
        mode: ELIGIBILITY[p.key] ? "automatic" : "application",
        amount: yuan(p.amount_wan_yuan),
        min: yuan(p.min_wan_yuan),
        max: yuan(p.max_wan_yuan),
        rateBp: rate == null ? null : Math.round(rate * 100),
        threshold: yuan(p.threshold_wan_yuan),
        cap: yuan(p.cap_wan_yuan),
        qual: ELIGIBILITY[p.key] ?? null,
        eligibility: typeof p.eligibility === "string" ? p.eligibility : null,
        documents: DOCUMENTS[p.key] ?? null,
        budget: opts.demo && DEMO_BUDGETS_WAN[p.key] ? wanToYuan(DEMO_BUDGETS_WAN[p.key]) : null,
        source: p.source,
      }).changes;
    }
  })();
  return added;
}
