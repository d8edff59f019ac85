/**
 * Deterministic generator of a large bench database: the real schema (the project's migrations), the real
 * dictionaries, indicator catalogue and demo accounts, then N synthetic enterprises with qualifications and
 * three years of annual figures, R&D institutions, incubators with tenants, talent, and (through the demo
 * indicator seed) every district's values computed against our generated registry counts.
 *
 * The demo registries (the 3137 sample enterprises) are NOT seeded: the bench data replaces them, so every
 * registry row here is generated (is_sample = 1) and the counts scale with N.
 *
 * Fast on purpose: raw prepared statements in a few big transactions, durability pragmas off while loading
 * (the file is throw-away; WAL and FULL sync are back on when the server opens it).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { DB } from "@/db";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { countRegistry } from "@/features/kpi/count-queries";
import { ensureSearchIndex } from "@/features/registry/search-index";
import { seedDemoUsers, seedDictionaries } from "@/features/seed";
import { seedIndicators } from "@/features/seed/indicators";
import { DAY_MS, dayOf, isoOf, Rng } from "@/features/seed/rng";
import { makeCreditCode } from "@/lib/credit-code";

/** Bump when the generated data changes shape, so cached base databases are rebuilt. */
export const GENERATOR_VERSION = 5;
export const BENCH_SEED = 0x59b3;
export const YUBEI_REGION = "500112";
export const YEARS = [2021, 2022, 2023] as const;

export type GenerateResult = {
  file: string;
  enterprises: number;
  qualifications: number;
  annualFigures: number;
  institutions: number;
  incubators: number;
  tenants: number;
  talents: number;
  districtValues: number;
  /** 全局搜索: seconds to index every generated record (pinyin in JS, FTS5 inserts). */
  searchIndexSeconds: number;
  seconds: number;
};

const randomDate = (rng: Rng, from: string, to: string) => isoOf(rng.int(dayOf(from), dayOf(to)));
function plusYearsMinusDay(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return isoOf(Date.UTC(y + years, m - 1, d) / DAY_MS - 1);
}

const SURNAMES = Array.from(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任",
);
const GIVEN = Array.from(
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉建国宇浩凯健俊帆雪琳晨欣怡博文瑞",
);
const NAME_WORDS = Array.from(
  "渝北仙桃两江嘉陵长江巴山蜀云金鼎华瑞博创汇智联启航星辰天际宏图恒信卓越锦程新源海纳光谷数智佳禾正泰万通中科鑫达凯盛",
);
/** Enterprise-name suffixes; about a third contain 科技 (the bench's "contains" search term). */
const SUFFIXES: readonly (readonly [string, number])[] = [
  ["科技有限公司", 30],
  ["信息技术有限公司", 12],
  ["智能科技有限公司", 6],
  ["电子有限公司", 8],
  ["软件有限公司", 8],
  ["生物医药有限公司", 6],
  ["智能制造有限公司", 7],
  ["新材料有限公司", 5],
  ["数据服务有限公司", 6],
  ["机械有限公司", 6],
  ["实业有限公司", 6],
];
const SUFFIX_TOTAL = SUFFIXES.reduce((s, [, w]) => s + w, 0);

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[], total: number): T {
  let r = rng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1][0];
}

/** An enterprise name as the district's read: 重庆, two or three words, a trade and a company form. */
export const enterpriseName = (rng: Rng) =>
  `重庆${rng.pick(NAME_WORDS)}${rng.pick(NAME_WORDS)}${rng.chance(0.3) ? rng.pick(NAME_WORDS) : ""}${weighted(rng, SUFFIXES, SUFFIX_TOTAL)}`;
const person = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : "");
const mobile = (rng: Rng) =>
  `1${rng.pick(["3", "5", "8", "9", "7"])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`;
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function base31(n: number, width: number): string {
  let s = "";
  for (let i = 0; i < width; i++) {
    s = CHARSET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

/** The i-th generated enterprise's credit code: unique (MA5 + base-31 serial), valid GB 32100 check char. */
export const benchCreditCode = (i: number) => makeCreditCode("91", YUBEI_REGION, `MA5${base31(i, 6)}`);

export function parseScale(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`--scale: expected e.g. 5k, 100k, 1m, got "${s}"`);
  const mult = { "": 1, k: 1000, m: 1_000_000 }[m[2].toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(m[1]) * mult);
}

export async function generate(
  file: string,
  n: number,
  log: (m: string) => void = console.log,
): Promise<GenerateResult> {
  const t0 = performance.now();
  for (const ext of ["", "-wal", "-shm"]) fs.rmSync(file + ext, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -524288"); // 512 MiB while loading
  sqlite.pragma("temp_store = MEMORY");
  const db = drizzle(sqlite, { schema }) as unknown as DB;
  runMigrations(db);
  seedDictionaries(db);
  await seedDemoUsers(db);

  const dict = (kind: string) =>
    sqlite.prepare("SELECT id, code FROM dictionary_items WHERE kind = ? ORDER BY sort_order, id").all(kind) as {
      id: number;
      code: string;
    }[];
  const streets = dict("street").map((r) => r.id);
  const parks = dict("park");
  const realParks = parks.filter((p) => p.code !== "none").map((p) => p.id);
  const noPark = parks.find((p) => p.code === "none")?.id ?? null;
  const chains = dict("industry_chain").map((r) => r.id);
  const qualId = Object.fromEntries(dict("qualification_type").map((r) => [r.code, r.id]));
  const instTypes = dict("institution_type");
  const incTypes = dict("incubator_type").map((r) => r.id);
  const talentCats = Object.fromEntries(dict("talent_category").map((r) => [r.code, r.id]));
  const staffId = sqlite.prepare("SELECT id FROM users WHERE username = 'staff'").pluck().get() as number | undefined;

  const insEnt = sqlite.prepare(`INSERT INTO enterprises (id, name, credit_code, legal_representative, founded_date,
    registered_capital, street_id, park_id, industry_chain_id, is_above_scale, contact_name, contact_phone, status,
    status_changed_at, latest_rd_expense, latest_revenue, is_sample, created_at, updated_at, created_by, updated_by,
    deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
  const insQual = sqlite.prepare(`INSERT INTO enterprise_qualifications (enterprise_id, type_id, certificate_no,
    awarded_date, expiry_date, is_sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`);
  const insAnnual = sqlite.prepare(`INSERT INTO enterprise_annual_figures (enterprise_id, year, revenue, rd_expense,
    employees, rd_staff, invention_patents, is_sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const insInst = sqlite.prepare(`INSERT INTO institutions (name, type_id, level, host_enterprise_id, host_organisation,
    recognised_date, field, staff_count, status, is_sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const insInc = sqlite.prepare(`INSERT INTO incubators (name, type_id, level, operator, street_id, address, area,
    incubated_total, graduated_total, ip_items, high_tech_cultivated, recognised_date, status, is_sample, created_at,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 1, ?, ?)`);
  const insTenant = sqlite.prepare(`INSERT INTO incubator_tenants (incubator_id, enterprise_id, move_in_date,
    move_out_date, is_sample, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`);
  const insTalent = sqlite.prepare(`INSERT INTO talents (kind, name, category_id, employer_enterprise_id, employer_name,
    field, recognised_year, programme, phone, id_number, is_sample, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);

  const res: GenerateResult = {
    file,
    enterprises: 0,
    qualifications: 0,
    annualFigures: 0,
    institutions: 0,
    incubators: 0,
    tenants: 0,
    talents: 0,
    districtValues: 0,
    searchIndexSeconds: 0,
    seconds: 0,
  };
  const rng = new Rng(BENCH_SEED ^ n);
  const names: string[] = new Array(Math.min(n, 200_000));
  const BATCH = 50_000;
  const fields = ["智能终端", "软件信息", "生命健康", "智能制造", "新材料", "大数据", "人工智能", "集成电路"];

  const enterpriseBatch = sqlite.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const founded = randomDate(rng, rng.chance(0.7) ? "2012-01-01" : "1995-01-01", "2023-06-30");
      const createdDay = Math.max(dayOf(founded), dayOf("2016-01-01")) + rng.int(0, 400);
      const createdAt = new Date(Math.min(createdDay, dayOf("2024-06-30")) * DAY_MS + rng.int(1, 86_000) * 1000)
        .toISOString()
        .replace(/\.\d+Z$/, ".000Z");
      const name = enterpriseName(rng);
      if (id <= names.length) names[id - 1] = name;
      const status = rng.chance(0.92) ? "active" : rng.chance(0.6) ? "deregistered" : "moved_out";
      // `n` live enterprises; 1% more, soft-deleted, follow them (the scale is what the lists and exports show).
      const deleted = id > n;
      const aboveScale = rng.chance(0.15);
      // Three years of figures; the newest live year is denormalised onto the enterprise (as the actions do).
      let revenue = rng.logUniform(aboveScale ? 2000 : 50, aboveScale ? 500_000 : 20_000);
      let latestRd: number | null = null;
      let latestRevenue: number | null = null;
      const years: [number, number, number | null, number, number, number][] = [];
      for (const y of YEARS) {
        if (y === YEARS[0] && rng.chance(0.1)) continue; // younger records miss the oldest year
        revenue = Math.round(revenue * (0.85 + rng.next() * 0.4) * 100) / 100;
        const rd = rng.chance(0.05) ? null : Math.round(revenue * (0.01 + rng.next() * 0.12) * 100) / 100;
        const employees = rng.int(5, aboveScale ? 3000 : 300);
        years.push([y, revenue, rd, employees, Math.floor(employees * (0.05 + rng.next() * 0.4)), rng.int(0, 40)]);
        latestRd = rd;
        latestRevenue = revenue;
      }
      insEnt.run(
        id,
        name,
        benchCreditCode(id),
        person(rng),
        founded,
        rng.logUniform(10, 50_000),
        rng.skewed(streets),
        rng.chance(0.6) ? rng.skewed(realParks, 1.3) : rng.chance(0.5) ? noPark : null,
        rng.chance(0.85) ? rng.skewed(chains, 1.2) : null,
        aboveScale ? 1 : 0,
        person(rng),
        mobile(rng),
        status,
        status === "active" ? null : createdAt,
        latestRd,
        latestRevenue,
        createdAt,
        createdAt,
        staffId ?? null,
        staffId ?? null,
        deleted ? createdAt : null,
        deleted ? (staffId ?? null) : null,
      );
      res.enterprises++;
      for (const [y, rev, rd, emp, rdStaff, patents] of years) {
        insAnnual.run(id, y, rev, rd, emp, rdStaff, patents, createdAt, createdAt);
        res.annualFigures++;
      }
      // Qualifications: 市级科技型企业 for ~60%, 国家高新 12% (3-year certificates), 科技型中小 30% (yearly) …
      if (rng.chance(0.6)) {
        const awarded = randomDate(rng, "2016-01-01", "2023-12-31");
        const expiry = rng.chance(0.12) ? randomDate(rng, awarded, "2024-12-31") : null;
        insQual.run(id, qualId.municipal_tech_enterprise, null, awarded, expiry, createdAt, createdAt);
        res.qualifications++;
      }
      if (rng.chance(0.12)) {
        const awarded = randomDate(rng, "2017-01-01", "2023-12-31");
        const cert = `GR${awarded.slice(0, 4)}${YUBEI_REGION.slice(0, 2)}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
        insQual.run(id, qualId.national_high_tech, cert, awarded, plusYearsMinusDay(awarded, 3), createdAt, createdAt);
        res.qualifications++;
      }
      if (rng.chance(0.3)) {
        const y = rng.int(2019, 2023);
        insQual.run(
          id,
          qualId.tech_sme,
          null,
          `${y}-05-${String(rng.int(1, 28)).padStart(2, "0")}`,
          `${y}-12-31`,
          createdAt,
          createdAt,
        );
        res.qualifications++;
      }
      if (rng.chance(0.05)) {
        const awarded = randomDate(rng, "2019-01-01", "2023-12-31");
        insQual.run(id, qualId.specialised_sme, null, awarded, plusYearsMinusDay(awarded, 3), createdAt, createdAt);
        res.qualifications++;
      }
      if (rng.chance(0.01)) {
        const awarded = randomDate(rng, "2019-01-01", "2023-12-31");
        insQual.run(id, qualId.little_giant, null, awarded, plusYearsMinusDay(awarded, 3), createdAt, createdAt);
        res.qualifications++;
      }
    }
  });
  const total = n + Math.round(n / 100);
  for (let from = 1; from <= total; from += BATCH) {
    enterpriseBatch(from, Math.min(total + 1, from + BATCH));
    if (n >= 200_000) log(`  enterprises ${Math.min(n, from + BATCH - 1)}/${n}`);
  }
  const nameOf = (id: number) => names[(id - 1) % names.length] ?? "重庆示例科技有限公司";

  const levels = ["national", "municipal", "district"] as const;
  sqlite.transaction(() => {
    const count = Math.max(20, Math.round(n / 20));
    for (let i = 0; i < count; i++) {
      const t = rng.skewed(instTypes, 1.1);
      const host = rng.chance(0.7) ? rng.int(1, n) : null;
      const recognised = randomDate(rng, "2010-01-01", "2023-12-31");
      const at = `${recognised}T02:00:00.000Z`;
      insInst.run(
        `${host ? nameOf(host).replace(/有限公司$/, "") : `重庆${rng.pick(NAME_WORDS)}${rng.pick(NAME_WORDS)}研究院`}${t.code === "academician_workstation" ? "院士工作站" : t.code === "postdoc_workstation" ? "博士后工作站" : "研发中心"}`,
        t.id,
        rng.chance(0.1) ? levels[0] : rng.chance(0.6) ? levels[1] : levels[2],
        host,
        host ? null : `${rng.pick(["重庆大学", "西南大学", "中科院重庆研究院", "重庆邮电大学"])}`,
        recognised,
        rng.pick(fields),
        rng.int(5, 300),
        rng.chance(0.95) ? "active" : "revoked",
        at,
        at,
      );
      res.institutions++;
    }
    const incCount = Math.max(3, Math.round(n / 2000));
    for (let i = 0; i < incCount; i++) {
      const recognised = randomDate(rng, "2012-01-01", "2023-12-31");
      const at = `${recognised}T02:00:00.000Z`;
      const id = insInc.run(
        `重庆${rng.pick(NAME_WORDS)}${rng.pick(NAME_WORDS)}${rng.pick(["孵化器", "众创空间", "大学科技园"])}${i + 1}号`,
        rng.pick(incTypes),
        rng.chance(0.2) ? "national" : rng.chance(0.6) ? "municipal" : "district",
        `重庆${rng.pick(NAME_WORDS)}${rng.pick(NAME_WORDS)}运营管理有限公司`,
        rng.skewed(streets),
        `渝北区${rng.pick(NAME_WORDS)}路${rng.int(1, 999)}号`,
        rng.int(1000, 60_000),
        rng.int(10, 400),
        rng.int(0, 120),
        rng.int(0, 500),
        rng.int(0, 40),
        recognised,
        at,
        at,
      ).lastInsertRowid as number;
      res.incubators++;
      for (let k = rng.int(5, 30); k > 0; k--) {
        const moveIn = randomDate(rng, recognised, "2023-12-31");
        insTenant.run(
          id,
          rng.int(1, n),
          moveIn,
          rng.chance(0.3) ? randomDate(rng, moveIn, "2024-06-30") : null,
          at,
          at,
        );
        res.tenants++;
      }
    }
    const talentCount = Math.max(20, Math.round(n / 10));
    for (let i = 0; i < talentCount; i++) {
      const team = rng.chance(0.03);
      const cat = team
        ? talentCats.startup_demo_team
        : rng.chance(0.85)
          ? talentCats.high_level
          : talentCats.leading_talent;
      const employer = rng.chance(0.75) ? rng.int(1, n) : null;
      const year = rng.int(2012, 2023);
      const birth = randomDate(rng, "1960-01-01", "1995-12-31").replaceAll("-", "");
      const at = `${year}-06-30T02:00:00.000Z`;
      insTalent.run(
        team ? "team" : "person",
        team ? `${person(rng)}创业团队` : person(rng),
        cat,
        employer,
        employer ? null : rng.pick(["重庆大学", "西南大学", "重庆邮电大学"]),
        rng.pick(fields),
        year,
        rng.pick(["重庆英才计划", "鸿雁计划", "区级人才计划"]),
        mobile(rng),
        `${YUBEI_REGION}${birth}${String(rng.int(100, 999))}X`,
        at,
        at,
      );
      res.talents++;
    }
  })();

  // The indicator catalogue and targets (reference data), then every district's values for the bench periods: our
  // reported values are generated, our registry-count values are the live counts (never stored, as in the app), and
  // the other 37 districts are generated around ours (the demo seed's values are tied to the 2021 demo figures).
  seedIndicators(db, { demo: false, ourRegistryValue: () => 0 });
  res.districtValues = generateDistrictValues(sqlite, rng);
  // 全局搜索: the registry triggers queued every generated record; index them (as a migrated database's first start does).
  const ts = performance.now();
  ensureSearchIndex(sqlite, log);
  res.searchIndexSeconds = (performance.now() - ts) / 1000;
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  res.seconds = (performance.now() - t0) / 1000;
  return res;
}

export const BENCH_QUARTERS = ["2022Q1", "2022Q2", "2022Q3", "2022Q4", "2023Q1", "2023Q2", "2023Q3", "2023Q4"];
export const BENCH_YEARS = ["2019", "2020", "2021", "2022", "2023"];

function generateDistrictValues(sqlite: Database.Database, rng: Rng): number {
  type Ind = {
    id: number;
    source: string;
    value_kind: string;
    registry_rule: string | null;
    period_type: string;
    decimals: number;
    additive: number;
    compare_districts: number;
  };
  const inds = sqlite.prepare("SELECT * FROM indicators ORDER BY sort_order").all() as Ind[];
  const districts = sqlite
    .prepare("SELECT id, label FROM dictionary_items WHERE kind = 'district' ORDER BY sort_order, id")
    .all() as { id: number; label: string }[];
  const us = districts.find((d) => d.label === "渝北区");
  if (!us) throw new Error("no 渝北区 in the district dictionary");
  const others = districts.filter((d) => d.id !== us.id);
  const insValue = sqlite.prepare(
    "INSERT INTO district_values (indicator_id, period, district_id, value, note, is_sample) VALUES (?, ?, ?, ?, '示例数据', 1)",
  );
  const insTotal = sqlite.prepare(
    "INSERT INTO city_totals (indicator_id, period, value, note, is_sample) VALUES (?, ?, ?, '示例数据', 1)",
  );
  let rows = 0;
  sqlite.transaction(() => {
    for (const ind of inds) {
      const periods = ind.period_type === "quarter" ? BENCH_QUARTERS : BENCH_YEARS;
      let reported = rng.logUniform(20, 5000);
      for (const period of periods) {
        const round = (x: number) => Number(x.toFixed(ind.decimals));
        if (ind.value_kind === "rank") {
          insValue.run(ind.id, period, us.id, rng.chance(0.85) ? 1 : 2);
          rows++;
          if (!ind.compare_districts) continue;
          const ranks = others.map((_, i) => i + 2);
          for (let i = ranks.length - 1; i > 0; i--) {
            const j = Math.floor(rng.next() * (i + 1));
            [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
          }
          for (const [i, d] of others.entries()) insValue.run(ind.id, period, d.id, ranks[i]);
          rows += others.length;
          continue;
        }
        let ours: number;
        if (ind.source === "registry_count" && ind.registry_rule) {
          ours = countRegistry(sqlite, ind.registry_rule, period);
        } else {
          reported = reported * (1.01 + rng.next() * 0.08);
          ours = round(reported);
          insValue.run(ind.id, period, us.id, ours);
          rows++;
        }
        if (!ind.compare_districts) continue;
        let sum = ours;
        for (const [i, d] of others.entries()) {
          const v = round(ours * (i === 0 ? 0.8 + rng.next() * 0.15 : 0.05 + rng.next() * 0.7));
          insValue.run(ind.id, period, d.id, v);
          sum += v;
          rows++;
        }
        if (ind.additive) insTotal.run(ind.id, period, round(sum));
      }
    }
  })();
  return rows;
}
