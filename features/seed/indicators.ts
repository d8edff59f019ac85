import { count } from "drizzle-orm";
import type { DB } from "@/db/index";
import { indicators } from "@/db/schema";
import { periodRange } from "@/lib/kpi/period";
import facts from "./yubei-2020.json";

// The indicator catalogue, the published figures of facts (yubei-2020.json, 重庆日报 2021) and synthetic,
// deterministic values for the other 37 districts (marked is_sample = 1, shown as 示例数据).

export const OUR_DISTRICT = facts.district; // 渝北区
export const LATEST_QUARTER = "2021Q1";
const QUARTERS = periodRange(LATEST_QUARTER, 17); // 2017Q1 … 2021Q1
const BOARD_QUARTERS = periodRange(LATEST_QUARTER, 8); // 2019Q2 … 2021Q1

type Def = {
  key: string;
  name: string;
  unit: string;
  periodType: "quarter" | "year";
  direction?: "higher" | "lower";
  source: "registry_count" | "reported";
  valueKind?: "value" | "rank";
  registryRule?: string;
  decimals?: number;
  additive?: boolean;
  compareDistricts?: boolean;
  definition: string;
  dataSource: string;
  releaseLag: string;
  onBoard?: boolean;
};

const fact = (key: string) => {
  const f = facts.indicators.find((i) => i.key === key);
  if (!f) throw new Error(`facts file has no indicator ${key}`);
  return f as typeof f & { period?: string; rank?: number; city_share_pct?: number; gdp_share_pct?: number };
};

export const INDICATOR_DEFS: Def[] = [
  {
    key: "competitiveness_rank",
    name: fact("competitiveness_rank").name,
    unit: "名次",
    periodType: "year",
    direction: "lower",
    source: "reported",
    valueKind: "rank",
    additive: false,
    definition: "重庆市科学技术研究院发布的区县科技竞争力综合排名，数值即名次（1 为全市第一）。",
    dataSource: "重庆市科学技术研究院",
    releaseLag: "次年发布",
  },
  {
    key: "innovation_index_rank",
    name: fact("innovation_index_rank").name,
    unit: "名次",
    periodType: "quarter",
    direction: "lower",
    source: "reported",
    valueKind: "rank",
    additive: false,
    definition: "全市区县“双创”指数季度排名，数值即名次（1 为全市第一）。",
    dataSource: "市科技局",
    releaseLag: "季后1个月",
  },
  {
    key: "municipal_tech_enterprises",
    name: fact("municipal_tech_enterprises").name,
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "municipal_tech_enterprises",
    definition:
      "期末在册（未注销、未迁出、未删除）且持有在有效期内“市级科技型企业”资质的企业数，按统一社会信用代码去重。",
    dataSource: "区科技局（科技企业台账）",
    releaseLag: "实时",
  },
  {
    key: "new_municipal_tech_enterprises",
    name: "新培育市级科技型企业",
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "new_municipal_tech_enterprises",
    definition: "本期内新认定“市级科技型企业”资质、期末仍在册的企业数。",
    dataSource: "区科技局（科技企业台账）",
    releaseLag: "实时",
  },
  {
    key: "new_rd_institutions",
    name: fact("new_rd_institutions").name,
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "new_rd_institutions",
    definition: "期末有效、认定级别为市级、类型为“新型研发机构”的研发机构数（不含已撤销、已删除）。",
    dataSource: "区科技局（研发机构台账）；全市总数来自市科技局",
    releaseLag: "实时",
  },
  {
    key: "new_rd_institutions_recognised",
    name: "新认定市级新型研发机构",
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "new_rd_institutions_recognised",
    definition: "本期内新认定的市级新型研发机构数。",
    dataSource: "区科技局（研发机构台账）；全市总数来自市科技局",
    releaseLag: "实时",
  },
  {
    key: "new_hightech_rd_institutions",
    name: fact("new_hightech_rd_institutions").name,
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "new_hightech_rd_institutions",
    definition: "期末有效、认定级别为市级、类型为“新型高端研发机构”的研发机构数。",
    dataSource: "区科技局（研发机构台账）；全市总数来自市科技局",
    releaseLag: "实时",
  },
  {
    key: "new_hightech_rd_institutions_recognised",
    name: "新认定市级新型高端研发机构",
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "new_hightech_rd_institutions_recognised",
    definition: "本期内新认定的市级新型高端研发机构数。",
    dataSource: "区科技局（研发机构台账）；全市总数来自市科技局",
    releaseLag: "实时",
  },
  {
    key: "invention_patents_per_10k",
    name: fact("invention_patents_per_10k").name,
    unit: "件",
    periodType: "year",
    source: "reported",
    decimals: 2,
    additive: false,
    definition: "每万名常住人口拥有的有效发明专利件数（有效发明专利数 ÷ 常住人口 × 10000）。",
    dataSource: "区市场监管局（知识产权）",
    releaseLag: "次年一季度",
  },
  {
    key: "rd_expenditure",
    name: fact("rd_expenditure").name,
    unit: "亿元",
    periodType: "year",
    source: "reported",
    decimals: 2,
    definition: "全社会研究与试验发展（R&D）经费内部支出，按统计年报口径。",
    dataSource: "区统计局",
    releaseLag: "次年第四季度",
  },
  {
    key: "rd_expenditure_gdp_share",
    name: "研发经费投入强度（占GDP比重）",
    unit: "%",
    periodType: "year",
    source: "reported",
    decimals: 2,
    additive: false,
    definition: "全社会R&D经费投入占地区生产总值（GDP）的比重。",
    dataSource: "区统计局",
    releaseLag: "次年第四季度",
  },
  {
    key: "industrial_rd_expenditure",
    name: fact("industrial_rd_expenditure").name,
    unit: "亿元",
    periodType: "year",
    source: "reported",
    decimals: 2,
    definition: "规模以上工业企业R&D经费内部支出。",
    dataSource: "区统计局",
    releaseLag: "次年第三季度",
  },
  {
    key: "tech_contract_turnover",
    name: fact("tech_contract_turnover").name,
    unit: "亿元",
    periodType: "year",
    source: "reported",
    decimals: 2,
    definition: "经技术市场登记的技术合同成交金额（卖方在本区）。",
    dataSource: "市科技局（技术市场）",
    releaseLag: "次年一季度",
  },
  {
    key: "industrial_internal_rd_orgs",
    name: fact("industrial_internal_rd_orgs").name,
    unit: "个",
    periodType: "year",
    source: "registry_count",
    registryRule: "industrial_internal_rd_orgs",
    definition: "年末有效的规模以上工业企业内部研发机构数（研发机构台账，类型“规上工业企业内部研发机构”）。",
    dataSource: "区科技局（研发机构台账）",
    releaseLag: "次年发布区县对比",
  },
  {
    key: "municipal_enterprise_tech_centers",
    name: fact("municipal_enterprise_tech_centers").name,
    unit: "家",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "municipal_enterprise_tech_centers",
    definition: "期末有效、认定级别为市级的企业技术中心数。",
    dataSource: "区科技局（研发机构台账）；全市总数来自市经济信息委",
    releaseLag: "实时",
  },
  {
    key: "high_level_talents",
    name: fact("high_level_talents").name,
    unit: "人",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "high_level_talents",
    compareDistricts: false,
    definition:
      "人才台账中类别为“海内外高层次人才”或“市级科技创新创业领军人才”（领军人才同属高层次人才）的个人，认定年度不晚于本期。",
    dataSource: "区科技局（人才台账）",
    releaseLag: "实时",
  },
  {
    key: "leading_talents",
    name: fact("leading_talents").name,
    unit: "人",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "leading_talents",
    compareDistricts: false,
    definition: "人才台账中类别为“市级科技创新创业领军人才”的个人。",
    dataSource: "区科技局（人才台账）",
    releaseLag: "实时",
  },
  {
    key: "startup_demo_teams",
    name: fact("startup_demo_teams").name,
    unit: "个",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "startup_demo_teams",
    compareDistricts: false,
    definition: "人才台账中类别为“创业示范团队”的团队。",
    dataSource: "区科技局（人才台账）",
    releaseLag: "实时",
  },
  {
    key: "academician_workstations",
    name: fact("academician_workstations").name,
    unit: "个",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "academician_workstations",
    compareDistricts: false,
    definition: "研发机构台账中有效的院士工作站数。",
    dataSource: "区科技局（研发机构台账）",
    releaseLag: "实时",
  },
  {
    key: "postdoc_workstations",
    name: fact("postdoc_workstations").name,
    unit: "个",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "postdoc_workstations",
    compareDistricts: false,
    definition: "研发机构台账中有效的博士后工作站数（国家级与市级）。",
    dataSource: "区科技局（研发机构台账）",
    releaseLag: "实时",
  },
  {
    key: "postdoc_workstations_national",
    name: fact("postdoc_workstations_national").name,
    unit: "个",
    periodType: "quarter",
    source: "registry_count",
    registryRule: "postdoc_workstations_national",
    compareDistricts: false,
    definition: "研发机构台账中有效的国家级博士后工作站数。",
    dataSource: "区科技局（研发机构台账）",
    releaseLag: "实时",
  },
];

/** Published values of our own reported indicators (is_sample = 0), from the facts file. */
function publishedOwnValues(): { key: string; period: string; value: number; note: string }[] {
  const note = "《“十三五”时期区县科技竞争力》报道公布数";
  const out: { key: string; period: string; value: number; note: string }[] = [];
  for (const y of ["2018", "2019", "2020"])
    out.push({ key: "competitiveness_rank", period: y, value: 1, note: "近3年连续第一" });
  for (const q of QUARTERS)
    out.push({ key: "innovation_index_rank", period: q, value: 1, note: "连续17个季度全市第一" });
  out.push({ key: "invention_patents_per_10k", period: "2020", value: fact("invention_patents_per_10k").value, note });
  out.push({ key: "rd_expenditure", period: "2019", value: fact("rd_expenditure").value, note });
  out.push({
    key: "rd_expenditure_gdp_share",
    period: "2019",
    value: fact("rd_expenditure").gdp_share_pct as number,
    note,
  });
  out.push({ key: "industrial_rd_expenditure", period: "2019", value: fact("industrial_rd_expenditure").value, note });
  out.push({ key: "tech_contract_turnover", period: "2020", value: fact("tech_contract_turnover").value, note });
  return out;
}

/** Synthetic earlier years of our reported indicators (示例数据), rising towards the published figure. */
const OWN_HISTORY: Record<string, { last: string; years: number }> = {
  invention_patents_per_10k: { last: "2020", years: 4 },
  rd_expenditure: { last: "2019", years: 4 },
  rd_expenditure_gdp_share: { last: "2019", years: 4 },
  industrial_rd_expenditure: { last: "2019", years: 4 },
  tech_contract_turnover: { last: "2020", years: 4 },
};

/**
 * Published city totals: with our registry counts they give the published shares
 * (12/54 = 22.22%, 12/34 = 35.29%, 133/847 = 15.7%, 9/46 = 19.57%, 4/10 = 40%).
 */
const CITY_TOTALS: { key: string; period: string; value: number }[] = [
  { key: "new_rd_institutions", period: LATEST_QUARTER, value: 54 },
  { key: "new_hightech_rd_institutions", period: LATEST_QUARTER, value: 34 },
  { key: "municipal_enterprise_tech_centers", period: LATEST_QUARTER, value: 847 },
  { key: "new_rd_institutions_recognised", period: LATEST_QUARTER, value: 46 },
  { key: "new_hightech_rd_institutions_recognised", period: LATEST_QUARTER, value: 10 },
];

/** Targets: 全市第一 every year where the district is first; values differ by year. */
const TARGET_VALUES: Record<string, Record<number, number>> = {
  municipal_tech_enterprises: { 2019: 2000, 2020: 2600, 2021: 3000 },
  rd_expenditure: { 2017: 50, 2018: 60, 2019: 70, 2020: 80 },
  invention_patents_per_10k: { 2019: 18, 2020: 20, 2021: 25 },
  tech_contract_turnover: { 2019: 1.2, 2020: 1.5, 2021: 2 },
};
const FIRST_PLACE = [
  "competitiveness_rank",
  "innovation_index_rank",
  "municipal_tech_enterprises",
  "new_rd_institutions",
  "new_hightech_rd_institutions",
  "invention_patents_per_10k",
  "rd_expenditure",
  "industrial_rd_expenditure",
  "tech_contract_turnover",
];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** Splits `total` among n districts, each strictly below `cap` (integers), deterministically. */
function splitBelow(total: number, n: number, cap: number, rnd: () => number): number[] {
  const out = Array(n).fill(0);
  let left = total;
  let guard = 0;
  while (left > 0 && guard++ < 1_000_000) {
    const i = Math.floor(rnd() * n);
    if (out[i] + 1 < cap) {
      out[i]++;
      left--;
    }
  }
  if (left > 0) throw new Error("cannot split the city total below our value");
  return out;
}

export type SeedIndicatorsResult = { indicators: number; districtValues: number; cityTotals: number; targets: number };

/**
 * Seeds indicators (always, as reference data) and, in demo mode, the published figures plus synthetic
 * district values. Our registry-count values are never stored: the board counts the registries live.
 */
export function seedIndicators(
  db: DB,
  opts: { demo: boolean; ourRegistryValue: (rule: string, period: string) => number },
): SeedIndicatorsResult {
  const res: SeedIndicatorsResult = { indicators: 0, districtValues: 0, cityTotals: 0, targets: 0 };
  const [{ n }] = db.select({ n: count() }).from(indicators).all();
  if (n > 0) return res;
  const sqlite = db.$client;
  const insIndicator =
    sqlite.prepare(`INSERT INTO indicators (key, name, unit, period_type, direction, source, value_kind,
    registry_rule, definition, data_source, release_lag, decimals, additive, compare_districts, sort_order, on_board)
    VALUES (@key, @name, @unit, @periodType, @direction, @source, @valueKind, @registryRule, @definition, @dataSource,
    @releaseLag, @decimals, @additive, @compareDistricts, @sortOrder, @onBoard)`);
  const insValue = sqlite.prepare(
    "INSERT INTO district_values (indicator_id, period, district_id, value, note, is_sample) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insTotal = sqlite.prepare(
    "INSERT INTO city_totals (indicator_id, period, value, note, is_sample) VALUES (?, ?, ?, ?, ?)",
  );
  const insTarget = sqlite.prepare(
    "INSERT INTO indicator_targets (indicator_id, year, target_rank, target_value, note) VALUES (?, ?, ?, ?, ?)",
  );
  const districts = sqlite
    .prepare("SELECT id, label FROM dictionary_items WHERE kind = 'district' ORDER BY sort_order, id")
    .all() as { id: number; label: string }[];
  const us = districts.find((d) => d.label === OUR_DISTRICT);
  if (!us) throw new Error(`dictionary has no district ${OUR_DISTRICT}`);
  const others = districts.filter((d) => d.id !== us.id);

  sqlite.transaction(() => {
    const ids = new Map<string, number>();
    INDICATOR_DEFS.forEach((d, i) => {
      const r = insIndicator.run({
        direction: "higher",
        valueKind: "value",
        registryRule: null,
        decimals: 0,
        ...d,
        additive: (d.additive ?? true) ? 1 : 0,
        compareDistricts: (d.compareDistricts ?? true) ? 1 : 0,
        sortOrder: (i + 1) * 10,
        onBoard: (d.onBoard ?? true) ? 1 : 0,
      });
      ids.set(d.key, Number(r.lastInsertRowid));
      res.indicators++;
    });

    for (const key of FIRST_PLACE) {
      for (let y = 2017; y <= 2022; y++) {
        insTarget.run(ids.get(key), y, 1, TARGET_VALUES[key]?.[y] ?? null, "保持全市第一");
        res.targets++;
      }
    }
    if (!opts.demo) return;

    const published = publishedOwnValues();
    for (const p of published) {
      insValue.run(ids.get(p.key), p.period, us.id, p.value, p.note, 0);
      res.districtValues++;
    }
    for (const [key, h] of Object.entries(OWN_HISTORY)) {
      const last = published.find((p) => p.key === key && p.period === h.last) as { value: number };
      const rnd = mulberry32(hash(`own:${key}`));
      let v = last.value;
      for (let i = 1; i <= h.years; i++) {
        v = v / (1.08 + rnd() * 0.12);
        const dec = INDICATOR_DEFS.find((d) => d.key === key)?.decimals ?? 0;
        insValue.run(ids.get(key), String(Number(h.last) - i), us.id, Number(v.toFixed(dec)), "示例数据", 1);
        res.districtValues++;
      }
    }
    for (const t of CITY_TOTALS) {
      insTotal.run(ids.get(t.key), t.period, t.value, "市科技局公布（按报道占比折算）", 0);
      res.cityTotals++;
    }

    // Other districts, synthetic: always below us where the district is published as first.
    for (const def of INDICATOR_DEFS) {
      if (def.compareDistricts === false) continue;
      const id = ids.get(def.key) as number;
      const rnd = mulberry32(hash(`districts:${def.key}`));
      const periods =
        def.periodType === "quarter"
          ? def.key === "innovation_index_rank"
            ? QUARTERS
            : BOARD_QUARTERS
          : def.key === "industrial_internal_rd_orgs"
            ? ["2018", "2019"]
            : ((): string[] => {
                const ownYears = published.filter((p) => p.key === def.key).map((p) => Number(p.period));
                const hist = OWN_HISTORY[def.key];
                const first = hist ? Number(hist.last) - hist.years : Math.min(...ownYears);
                const last = Math.max(...ownYears);
                return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
              })();
      for (const period of periods) {
        if (def.valueKind === "rank") {
          const ranks = others.map((_, i) => i + 2);
          for (let i = ranks.length - 1; i > 0; i--) {
            const j = Math.floor(rnd() * (i + 1));
            [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
          }
          others.forEach((d, i) => {
            insValue.run(id, period, d.id, ranks[i], null, 1);
          });
          res.districtValues += others.length;
          continue;
        }
        const ours =
          def.source === "registry_count"
            ? opts.ourRegistryValue(def.registryRule as string, period)
            : (sqlite
                .prepare("SELECT value FROM district_values WHERE indicator_id = ? AND period = ? AND district_id = ?")
                .pluck()
                .get(id, period, us.id) as number | undefined);
        if (ours === undefined || ours === null) continue;
        const total = CITY_TOTALS.find((t) => t.key === def.key && t.period === period);
        const dec = def.decimals ?? 0;
        let values: number[];
        if (total) {
          values = splitBelow(total.value - ours, others.length, Math.max(ours, 1), rnd);
        } else {
          // A close competitor (8–20% behind) and a long tail well below.
          const runnerUp = ours * (0.8 + rnd() * 0.12);
          values = others.map((_, i) => (i === 0 ? runnerUp : ours * (0.05 + rnd() * 0.7)));
          if (dec === 0) values = values.map((x) => Math.min(Math.max(Math.round(x), 0), Math.max(ours - 1, 0)));
          else values = values.map((x) => Number(x.toFixed(dec)));
          // Rotate who the runner-up is, by period, so the chart is not always the same district.
          const shift = Math.floor(rnd() * others.length);
          values = values.map((_, i) => values[(i + shift) % values.length]);
        }
        others.forEach((d, i) => {
          insValue.run(id, period, d.id, values[i], null, 1);
        });
        res.districtValues += others.length;
      }
    }
  })();
  return res;
}
