/**
 * Demo registry data: synthetic but plausible enterprises, qualifications, annual figures,
 * R&D institutions, incubators and talents for 渝北区.
 *
 * Every row is flagged is_sample = 1 and every synthetic organisation name starts with 示例·
 * (the one real name is 威瑞众创空间, whose published figures are reproduced as printed).
 *
 * The live registry counts reproduce the REAL published figures in ./yubei-2020.json
 * (3137 市级科技型企业 of which 232 new in 2021Q1, 12/12 市级新型(高端)研发机构, 133 市级企业技术中心,
 * 198 规上工业企业内部研发机构, 671 高层次人才 …), both as of 2021-03-31 and as of today.
 * A few decoys (deregistered / moved-out holders, soft-deleted rows, revoked institutions, expired
 * qualifications) make sure a count that forgets the status, soft-delete or validity filter is wrong.
 *
 * Deterministic: a fixed-seed PRNG (mulberry32) drives everything. The only rows that depend on
 * `today` are the 6 国家高新技术企业 certificates that expire within the next 90 days (so expiry
 * alerts have something to show). Audit columns (created_at, updated_at) are the real insertion time.
 */
import type Database from "better-sqlite3";
import type { DB } from "@/db/index";
import type { DictionaryKind } from "@/db/schema";
import { makeCreditCode } from "@/lib/credit-code";
import { todayIso } from "@/lib/time";
import { QUALIFICATION_CODES } from "./dictionaries";
import { DAY_MS, dayOf, isoOf, Rng } from "./rng";

export const REGISTRY_SEED = 20210331;
export const SAMPLE_PREFIX = "示例·";
/** 渝北区 administrative division code (GB/T 2260). */
export const YUBEI_REGION = "500112";
/** The one real incubator in the demo set (figures from yubei-2020.json). */
export const REAL_INCUBATOR_NAME = "威瑞众创空间";

/** The published figures the seeded registries reproduce exactly (as of 2021-03-31 and today). */
export const SEEDED_FIGURES = {
  municipalTechEnterprises: 3137,
  municipalTechEnterprisesNew2021Q1: 232,
  newRdInstitutionsMunicipal: 12,
  newRdInstitutionsMunicipalNew2021Q1: 9,
  newRdInstitutionsBuilt: 24,
  newHighEndRdInstitutionsMunicipal: 12,
  newHighEndRdInstitutionsMunicipalNew2021Q1: 4,
  enterpriseTechCentersMunicipal: 133,
  industrialInternalRd2018: 120,
  industrialInternalRd2019: 198,
  academicianWorkstations: 1,
  postdocWorkstations: 47,
  postdocWorkstationsNational: 14,
  highLevelTalents: 671,
  leadingTalents: 54,
  startupDemoTeams: 6,
  expiringHighTechCertificates: 6,
  /** 兑现2019年入库科技型企业奖励355家，共1065万元 (features/seed/yubei-policies.json). */
  techEnterpriseEntry2019Recipients: 355,
} as const;

export type SeedRegistriesResult = {
  enterprises: number;
  qualifications: number;
  annualFigures: number;
  institutions: number;
  incubators: number;
  incubatorTenants: number;
  talents: number;
};

const ZERO: SeedRegistriesResult = {
  enterprises: 0,
  qualifications: 0,
  annualFigures: 0,
  institutions: 0,
  incubators: 0,
  incubatorTenants: 0,
  talents: 0,
};

// ───────────────────────────── PRNG and dates ─────────────────────────────

const addDays = (iso: string, days: number): string => isoOf(dayOf(iso) + days);
const maxIso = (a: string, b: string): string => (a > b ? a : b);
const minIso = (a: string, b: string): string => (a < b ? a : b);
const yearOf = (iso: string): number => Number(iso.slice(0, 4));
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Date + N years (29 February rolls over to 1 March). */
function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return isoOf(Date.UTC(y + years, m - 1, d) / DAY_MS);
}

/** Date + N years − 1 day (a 3-year certificate awarded 2019-11-21 expires 2022-11-20). */
const plusYearsMinusDay = (iso: string, years: number): string => addDays(addYears(iso, years), -1);

/** Beijing-time date + clock time → the UTC ISO instant every *_at column uses. */
function atBeijing(iso: string, rng: Rng): string {
  const hh = String(rng.int(9, 17)).padStart(2, "0");
  const mm = String(rng.int(0, 59)).padStart(2, "0");
  return new Date(`${iso}T${hh}:${mm}:00+08:00`).toISOString();
}

// ───────────────────────────── synthetic identities ─────────────────────────────

const SURNAMES = Array.from(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武向牟冉",
);
const GIVEN_CHARS = Array.from(
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉建国宇浩凯健俊帆雪琳晨欣怡博文瑞琪嘉悦轩梓涵思远宏志婷倩颖雯韬峰岚鑫睿晗川渝锐航昊诚毅蕾蓉旭东亮",
);

function personName(rng: Rng): string {
  const given = rng.chance(0.35) ? rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ["13", 30],
  ["15", 25],
  ["17", 10],
  ["18", 25],
  ["19", 8],
  ["14", 1],
  ["16", 1],
];

function mobile(rng: Rng): string {
  let s = rng.weighted(MOBILE_PREFIXES);
  for (let i = 0; i < 9; i++) s += String(rng.int(0, 9));
  return s;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643 check character for the first 17 digits of a 居民身份证号码. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function idNumber(rng: Rng, birth: string): string {
  const first17 = `${YUBEI_REGION}${birth.replaceAll("-", "")}${String(rng.int(1, 999)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Subject identifier (positions 9–17): a GB 11714 organisation code for older firms, MA5… for post-2015 ones. */
function creditBody(rng: Rng, founded: string): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  if (founded >= "2015-10-01") {
    let s = "MA5";
    for (let i = 0; i < 6; i++) s += charset[rng.int(0, charset.length - 1)];
    return s;
  }
  let digits = "";
  for (let i = 0; i < 8; i++) digits += String(rng.int(0, 9));
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return digits + (c === 10 ? "X" : c === 11 ? "0" : String(c));
}

// ───────────────────────────── word lists ─────────────────────────────

const BRAND_FIRST = Array.from("云星锦瑞智恒博鼎华腾睿宏嘉泰新联创盛远聚汇弘卓");
const BRAND_SECOND = Array.from("帆河程达诚信源峰越通维拓图翼辰启航衡光驰");
const BRANDS = BRAND_FIRST.flatMap((a) => BRAND_SECOND.filter((b) => b !== a).map((b) => a + b));

const CHAIN_WORDS: Record<string, string[]> = {
  smart_terminal: [
    "智能终端科技",
    "电子科技",
    "通信设备",
    "光电科技",
    "智能设备",
    "显示技术",
    "精密电子",
    "物联网科技",
  ],
  software_info: [
    "软件",
    "信息技术",
    "数据科技",
    "网络科技",
    "云计算科技",
    "区块链科技",
    "人工智能科技",
    "数字科技",
    "信息安全技术",
  ],
  life_health: ["生物科技", "医药科技", "医疗器械", "健康科技", "基因技术", "制药", "生物医药", "检测技术"],
  smart_manufacturing: [
    "智能装备",
    "机器人",
    "自动化技术",
    "智能制造",
    "精密机械",
    "汽车零部件",
    "新能源科技",
    "航空科技",
  ],
  traditional_upgrade: ["新材料", "环保科技", "建材科技", "食品科技", "包装科技", "节能技术", "化工科技", "纺织科技"],
};
const IC_WORDS = ["集成电路设计", "微电子", "芯片科技", "半导体科技"];

const CHAINS: readonly (readonly [string, number])[] = [
  ["smart_terminal", 18],
  ["software_info", 30],
  ["life_health", 14],
  ["smart_manufacturing", 20],
  ["traditional_upgrade", 18],
];

const STREET_WEIGHTS: readonly (readonly [string, number])[] = [
  ["shuanglonghu", 8],
  ["shuangfengqiao", 6],
  ["huixing", 7],
  ["baoshenghu", 5],
  ["longxi", 9],
  ["longshan", 7],
  ["longta", 7],
  ["xiantao", 6],
  ["renhe", 8],
  ["tiangongdian", 4],
  ["yuanyang", 6],
  ["cuiyun", 5],
  ["dazhulin", 5],
  ["lijia", 6],
  ["lianglu", 5],
  ["wangjia", 3],
  ["yufengshan", 2],
  ["longxing", 4],
  ["tongjing", 1],
  ["dawan", 1],
  ["xinglong", 1],
  ["muer", 1],
  ["cizhu", 1],
  ["gulu", 1],
  ["shichuan", 1],
  ["dasheng", 1],
  ["luoqi", 1],
];

/** null = park not recorded. */
const PARK_WEIGHTS: readonly (readonly [string | null, number])[] = [
  ["xiantao_data_valley", 24],
  ["konggang_industrial_park", 14],
  ["linkong_tech_city", 8],
  ["ic_design_park", 5],
  ["longxing_industrial_park", 9],
  ["none", 18],
  [null, 22],
];

const PARK_STREETS: Record<string, readonly (readonly [string, number])[]> = {
  xiantao_data_valley: [
    ["xiantao", 8],
    ["renhe", 1],
  ],
  ic_design_park: [["xiantao", 1]],
  konggang_industrial_park: [
    ["shuangfengqiao", 4],
    ["huixing", 3],
    ["lianglu", 2],
  ],
  linkong_tech_city: [
    ["lianglu", 2],
    ["wangjia", 2],
    ["shuangfengqiao", 1],
  ],
  longxing_industrial_park: [
    ["longxing", 4],
    ["yufengshan", 1],
  ],
};

const FIELDS = [
  "人工智能",
  "大数据",
  "集成电路",
  "5G通信",
  "区块链",
  "云计算",
  "生物医药",
  "智能制造",
  "新材料",
  "智能网联汽车",
  "工业互联网",
  "数字医疗",
  "北斗导航",
  "先进传感",
  "机器人",
  "新能源",
  "航空航天",
  "软件工程",
];

const CHAIN_FIELDS: Record<string, string[]> = {
  smart_terminal: ["智能终端", "5G通信", "先进传感", "集成电路"],
  software_info: ["人工智能", "大数据", "云计算", "区块链", "软件工程"],
  life_health: ["生物医药", "数字医疗", "医疗器械"],
  smart_manufacturing: ["智能制造", "机器人", "智能网联汽车", "工业互联网"],
  traditional_upgrade: ["新材料", "节能环保", "新能源"],
};

const HOST_ORGS = [
  "示例·重庆某大学",
  "示例·北方某大学",
  "示例·华东某理工大学",
  "示例·中国科学院某研究所",
  "示例·某央企研究总院",
  "示例·重庆某医科大学",
  "示例·西南某交通大学",
  "示例·华南某科技大学",
];

// ───────────────────────────── in-memory rows ─────────────────────────────

type Group = "holder" | "holderQ1" | "exHolder" | "deletedHolder" | "other";

type Figure = {
  year: number;
  revenue: number;
  rdExpense: number;
  employees: number;
  rdStaff: number;
  inventionPatents: number;
};

type Ent = {
  id: number;
  group: Group;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  founded: string;
  capital: number;
  street: string;
  park: string | null;
  chain: string;
  aboveScale: boolean;
  contactName: string;
  contactPhone: string;
  status: "active" | "deregistered" | "moved_out";
  statusChangedAt: string | null;
  deletedAt: string | null;
  figures: Figure[];
  /** municipal_tech_enterprise awarded date, if the enterprise ever held it. */
  municipalAwarded: string | null;
};

type Qual = {
  ent: Ent;
  type: string;
  certificateNo: string | null;
  awarded: string;
  expiry: string | null;
  note: string | null;
  deletedAt: string | null;
};

type Inst = {
  name: string;
  type: string;
  level: "national" | "municipal" | "district";
  host: Ent | null;
  hostOrganisation: string | null;
  recognised: string;
  field: string;
  staff: number;
  status: "active" | "revoked";
  deletedAt: string | null;
};

const isLive = (e: Ent) => e.deletedAt === null && e.status === "active";

// ───────────────────────────── generation ─────────────────────────────

function foundedDate(rng: Rng, from: number, to: string): string {
  const toYear = yearOf(to);
  const years: [number, number][] = [];
  for (let y = from; y <= toYear; y++) years.push([y, 1 + (y - from) * 0.5]);
  const y = rng.weighted(years);
  return minIso(rng.date(`${y}-01-01`, `${y}-12-31`), to);
}

function roundCapital(rng: Rng, aboveScale: boolean): number {
  if (rng.chance(0.5)) {
    const round = aboveScale
      ? [1000, 2000, 3000, 5000, 8000, 10000, 20000, 50000]
      : [50, 100, 200, 300, 500, 800, 1000, 2000];
    return rng.pick(round);
  }
  return aboveScale ? rng.logUniform(1000, 50000) : rng.logUniform(50, 5000);
}

function makeFigures(rng: Rng, e: Ent): Figure[] {
  const firstYear = Math.max(2018, yearOf(e.founded));
  const rev2020 = e.aboveScale
    ? rng.logUniform(2200, rng.chance(0.1) ? 400000 : 60000)
    : e.group === "holderQ1"
      ? rng.logUniform(20, 1500)
      : rng.logUniform(30, 4000);
  const revenue: Record<number, number> = { 2020: rev2020 };
  for (let y = 2019; y >= firstYear; y--) revenue[y] = round2(revenue[y + 1] / (1 + (rng.next() * 0.45 - 0.1)));
  const rdBase = 0.01 + rng.next() * 0.07;
  const productivity = 40 + rng.next() * 110; // 万元 revenue per employee
  const rdShare = 0.08 + rng.next() * 0.35;
  let patents = e.aboveScale ? rng.int(2, 60) : rng.int(0, 8);
  const out: Figure[] = [];
  for (let y = firstYear; y <= 2020; y++) {
    const rev = round2(Math.max(10, revenue[y]));
    const ratio = Math.min(0.0795, Math.max(0.0105, rdBase + (rng.next() - 0.5) * 0.01));
    const employees = Math.max(5, Math.round((rev / productivity) * (0.9 + rng.next() * 0.2)));
    const rdStaff = Math.min(employees, Math.max(1, Math.round(employees * rdShare)));
    if (y > firstYear) patents += rng.int(0, e.aboveScale ? 8 : 3);
    out.push({ year: y, revenue: rev, rdExpense: round2(rev * ratio), employees, rdStaff, inventionPatents: patents });
  }
  return out;
}

function generateEnterprises(rng: Rng): Ent[] {
  const groups: Group[] = [
    ...Array<Group>(SEEDED_FIGURES.municipalTechEnterprises - SEEDED_FIGURES.municipalTechEnterprisesNew2021Q1).fill(
      "holder",
    ),
    ...Array<Group>(SEEDED_FIGURES.municipalTechEnterprisesNew2021Q1).fill("holderQ1"),
    ...Array<Group>(21).fill("exHolder"),
    ...Array<Group>(3).fill("deletedHolder"),
    ...Array<Group>(459).fill("other"),
  ];
  rng.shuffle(groups);

  const names = new Set<string>();
  const bodies = new Set<string>();
  let exCount = 0;
  let otherInactive = 0;
  return groups.map((group): Ent => {
    const park = rng.weighted(PARK_WEIGHTS);
    const street = park && PARK_STREETS[park] ? rng.weighted(PARK_STREETS[park]) : rng.weighted(STREET_WEIGHTS);
    const ic = park === "ic_design_park";
    const chain = ic ? rng.pick(["smart_terminal", "software_info"]) : rng.weighted(CHAINS);
    const founded =
      group === "holderQ1"
        ? foundedDate(rng, 2010, "2020-09-30")
        : group === "other"
          ? foundedDate(rng, 1995, "2020-12-31")
          : foundedDate(rng, 1995, "2019-06-30");
    const youngFactor = founded >= "2018-01-01" ? 0.3 : 1;
    const aboveScale = group !== "deletedHolder" && rng.chance((chain === "software_info" ? 0.07 : 0.22) * youngFactor);

    let name: string;
    do {
      const region = rng.weighted([
        ["渝北", 3],
        ["重庆", 2],
      ] as const);
      const word = rng.pick(ic ? IC_WORDS : CHAIN_WORDS[chain]);
      const suffix = aboveScale && rng.chance(0.25) ? "股份有限公司" : "有限公司";
      name = `${SAMPLE_PREFIX}${region}${rng.pick(BRANDS)}${word}${suffix}`;
    } while (names.has(name.replace("股份有限公司", "有限公司")));
    names.add(name.replace("股份有限公司", "有限公司"));

    let body: string;
    do body = creditBody(rng, founded);
    while (bodies.has(body));
    bodies.add(body);

    const legal = personName(rng);
    const e: Ent = {
      id: 0,
      group,
      name,
      creditCode: makeCreditCode("91", YUBEI_REGION, body),
      legalRepresentative: legal,
      founded,
      capital: roundCapital(rng, aboveScale),
      street,
      park,
      chain,
      aboveScale,
      contactName: rng.chance(0.3) ? legal : personName(rng),
      contactPhone: mobile(rng),
      status: "active",
      statusChangedAt: null,
      deletedAt: null,
      figures: [],
      municipalAwarded: null,
    };

    if (group === "holder" || group === "exHolder" || group === "deletedHolder") {
      const lo = maxIso("2015-01-05", addDays(founded, 180));
      const hi = group === "exHolder" ? "2019-12-31" : "2020-12-31";
      const y = rng.weighted(
        [
          [2015, 6],
          [2016, 9],
          [2017, 14],
          [2018, 20],
          [2019, 24],
          [2020, 27],
        ].filter(([yy]) => yy >= yearOf(lo) && yy <= yearOf(hi)) as [number, number][],
      );
      e.municipalAwarded = rng.date(maxIso(lo, `${y}-01-01`), minIso(hi, `${y}-12-31`));
    } else if (group === "holderQ1") {
      e.municipalAwarded = rng.date("2021-01-04", "2021-03-31");
    }

    if (group === "exHolder") {
      e.status = exCount++ < 12 ? "deregistered" : "moved_out";
      e.statusChangedAt = atBeijing(rng.date(addDays(e.municipalAwarded!, 60), "2021-03-31"), rng);
    } else if (group === "other" && founded <= "2019-12-31" && otherInactive < 15 && rng.chance(0.05)) {
      e.status = otherInactive++ < 8 ? "deregistered" : "moved_out";
      e.statusChangedAt = atBeijing(rng.date(maxIso(addDays(founded, 365), "2017-01-01"), "2021-03-31"), rng);
    } else if (group === "deletedHolder") {
      // Entered twice by mistake; the duplicate was soft-deleted.
      e.deletedAt = atBeijing(rng.date("2020-06-01", "2021-02-28"), rng);
    }
    if (isLive(e)) e.figures = makeFigures(rng, e);
    return e;
  });
}

function generateQualifications(rng: Rng, ents: Ent[]): Qual[] {
  const quals: Qual[] = [];
  const municipal = QUALIFICATION_CODES.municipalTechEnterprise;
  for (const e of ents) {
    if (e.municipalAwarded) {
      quals.push({
        ent: e,
        type: municipal,
        certificateNo: null,
        awarded: e.municipalAwarded,
        expiry: null,
        note: null,
        deletedAt: null,
      });
    }
  }

  const others = ents.filter((e) => e.group === "other" && isLive(e) && e.founded <= "2018-12-31");
  rng.shuffle(others);
  // Decoys: 4 entries removed at the annual review (expired), 2 entered by mistake (soft-deleted).
  for (const e of others.slice(0, 4)) {
    const awarded = rng.date(maxIso(addDays(e.founded, 180), "2017-01-01"), "2019-06-30");
    quals.push({
      ent: e,
      type: municipal,
      certificateNo: null,
      awarded,
      expiry: rng.date(addDays(awarded, 200), "2020-12-31"),
      note: "未通过年度评价，已移出入库名单",
      deletedAt: null,
    });
  }
  for (const e of others.slice(4, 6)) {
    quals.push({
      ent: e,
      type: municipal,
      certificateNo: null,
      awarded: rng.date(maxIso(addDays(e.founded, 180), "2018-01-01"), "2020-12-31"),
      expiry: null,
      note: "误录，已删除",
      deletedAt: atBeijing(rng.date("2021-01-04", "2021-03-31"), rng),
    });
  }

  const holders = ents.filter((e) => isLive(e) && e.municipalAwarded);

  // 国家高新技术企业: ~900 certificates awarded 2018–2020 in yearly batches, valid 3 years.
  const batches: Record<number, string[]> = {};
  for (const y of [2018, 2019, 2020]) {
    batches[y] = [rng.date(`${y}-10-20`, `${y}-11-15`), rng.date(`${y}-11-25`, `${y}-12-20`)];
  }
  const serial: Record<number, number> = { 2018: rng.int(1, 200), 2019: rng.int(1, 200), 2020: rng.int(1, 200) };
  const nhtPool = rng
    .shuffle([...holders])
    .sort((a, b) => Number(b.aboveScale) - Number(a.aboveScale))
    .filter((e) => e.founded <= "2019-10-01");
  const nhtHolders = new Set<Ent>();
  for (const e of nhtPool) {
    if (nhtHolders.size >= 900) break;
    if (!e.aboveScale && rng.chance(0.55)) continue;
    const years = [2018, 2019, 2020].filter((y) => addDays(e.founded, 365) <= `${y}-10-01`);
    if (years.length === 0) continue;
    const y = rng.pick(years);
    const awarded = rng.pick(batches[y]);
    serial[y] += rng.int(1, 6);
    quals.push({
      ent: e,
      type: QUALIFICATION_CODES.nationalHighTech,
      certificateNo: `GR${y}500${String(serial[y]).padStart(5, "0")}`,
      awarded,
      expiry: plusYearsMinusDay(awarded, 3),
      note: null,
      deletedAt: null,
    });
    nhtHolders.add(e);
  }

  // 科技型中小企业: evaluated every year, valid to 31 December of the award year.
  const smePool = rng.shuffle(
    ents.filter(
      (e) => isLive(e) && !e.aboveScale && e.figures.length > 0 && e.figures[e.figures.length - 1].employees <= 500,
    ),
  );
  const smeBatch: Record<number, string[]> = {};
  for (const y of [2018, 2019, 2020]) {
    smeBatch[y] = [
      rng.date(`${y}-04-10`, `${y}-05-31`),
      rng.date(`${y}-07-01`, `${y}-08-31`),
      rng.date(`${y}-10-08`, `${y}-11-15`),
    ];
  }
  let smeRows = 0;
  for (const e of smePool) {
    if (smeRows >= 1200) break;
    const years = [2018, 2019, 2020].filter((y) => addDays(e.founded, 180) <= `${y}-04-01`);
    if (years.length === 0) continue;
    const span = rng.int(1, years.length);
    const start = rng.int(0, years.length - span);
    for (const y of years.slice(start, start + span)) {
      if (smeRows >= 1200) break;
      quals.push({
        ent: e,
        type: QUALIFICATION_CODES.techSme,
        certificateNo: `${y}${YUBEI_REGION}0${rng.int(1, 3)}${String(rng.int(1, 999999)).padStart(6, "0")}`,
        awarded: rng.pick(smeBatch[y]),
        expiry: `${y}-12-31`,
        note: null,
        deletedAt: null,
      });
      smeRows++;
    }
  }

  // 专精特新 (150, 3 years) and 专精特新“小巨人” (15 of them, national list).
  const specialised = rng
    .shuffle(holders.filter((e) => e.founded <= "2017-12-31" && e.chain !== "software_info"))
    .slice(0, 150);
  const specBatches = { 2019: rng.date("2019-08-01", "2019-09-30"), 2020: rng.date("2020-08-01", "2020-10-31") };
  for (const e of specialised) {
    const awarded = rng.chance(0.45) ? specBatches[2019] : specBatches[2020];
    quals.push({
      ent: e,
      type: QUALIFICATION_CODES.specialisedSme,
      certificateNo: null,
      awarded,
      expiry: plusYearsMinusDay(awarded, 3),
      note: null,
      deletedAt: null,
    });
  }
  const giants = [...specialised].sort((a, b) => Number(b.aboveScale) - Number(a.aboveScale)).slice(0, 15);
  for (const e of giants) {
    const awarded = rng.chance(0.4) ? "2019-06-06" : "2020-11-30";
    quals.push({
      ent: e,
      type: QUALIFICATION_CODES.littleGiant,
      certificateNo: null,
      awarded,
      expiry: plusYearsMinusDay(awarded, 3),
      note: null,
      deletedAt: null,
    });
  }
  return quals;
}

/**
 * The published 2019 batch of 科技型企业入库奖励 paid 355 enterprises: exactly that many live, active enterprises
 * must have their FIRST 市级科技型企业 qualification in 2019. The generator gives more; the surplus (in list order,
 * no random draw, so nothing else generated changes) enters one or two years earlier instead, on the same day of
 * the year and never before the enterprise could qualify. Moving an entry to an earlier year leaves every count as
 * of 2019-12-31 and later (3137 at 2020/2021Q1, 232 new in 2021Q1) unchanged.
 */
function matchPublishedEntryBatch(quals: Qual[], target: number, year: number): void {
  const municipal = QUALIFICATION_CODES.municipalTechEnterprise;
  const first = new Map<Ent, Qual>();
  for (const q of quals) {
    if (q.type !== municipal || q.deletedAt) continue;
    const f = first.get(q.ent);
    if (!f || q.awarded < f.awarded) first.set(q.ent, q);
  }
  const inYear = [...first.values()].filter((q) => isLive(q.ent) && yearOf(q.awarded) === year);
  let surplus = inYear.length - target;
  if (surplus < 0) throw new Error(`seed: only ${inYear.length} first entries in ${year}, need ${target}`);
  let flip = 0;
  for (const q of inYear) {
    if (surplus === 0) break;
    // Only the plain holders (one qualification row, no expiry); the decoys keep their dates.
    if (q.ent.group !== "holder" || q.expiry !== null) continue;
    const earliest = maxIso("2015-01-05", addDays(q.ent.founded, 180));
    const back = flip++ % 2 === 0 ? 1 : 2;
    const moved = [back, 3 - back]
      .map((b) => `${year - b}${q.awarded.slice(4)}`.replace("-02-29", "-02-28"))
      .find((d) => d >= earliest);
    if (!moved) continue;
    q.awarded = moved;
    q.ent.municipalAwarded = moved;
    surplus--;
  }
  if (surplus > 0) throw new Error(`seed: could not move ${surplus} first entries out of ${year}`);
}

/** The only date-dependent rows: 6 国家高新 certificates expiring within the next 90 days of `today`. */
function expiringCertificates(rng: Rng, ents: Ent[], today: string): Qual[] {
  const pool = rng.shuffle(ents.filter((e) => isLive(e) && e.municipalAwarded && e.founded <= "2015-12-31"));
  const offsets = [9, 23, 37, 52, 68, 83];
  const serials = offsets.map(() => rng.int(90000, 99999));
  return offsets.map((days, i) => {
    const awarded = addYears(addDays(today, days + 1), -3); // so that awarded + 3 years − 1 day ≈ today + days
    return {
      ent: pool[i],
      type: QUALIFICATION_CODES.nationalHighTech,
      certificateNo: `GR${yearOf(awarded)}500${serials[i]}`,
      awarded,
      expiry: plusYearsMinusDay(awarded, 3),
      note: "证书即将到期，请提醒企业申报重新认定",
      deletedAt: null,
    };
  });
}

function generateInstitutions(rng: Rng, ents: Ent[]): Inst[] {
  const out: Inst[] = [];
  const names = new Set<string>();
  const add = (i: Inst) => {
    if (names.has(i.name)) throw new Error(`seedRegistries: duplicate institution name ${i.name}`);
    names.add(i.name);
    out.push(i);
  };
  const live = ents.filter(isLive);
  const above = live.filter((e) => e.aboveScale);
  const staff = (lo: number, hi: number) => rng.int(lo, hi);
  const fieldOf = (e: Ent) => rng.pick(CHAIN_FIELDS[e.chain]);

  // 规上工业企业内部研发机构: 120 by end of 2018, +78 in 2019 (198, +65%), none since.
  const internalPool = rng.shuffle(above.filter((e) => e.founded <= "2018-06-30"));
  const early = internalPool.filter((e) => e.founded <= "2017-06-30").slice(0, SEEDED_FIGURES.industrialInternalRd2018);
  const late = internalPool
    .filter((e) => !early.includes(e))
    .slice(0, SEEDED_FIGURES.industrialInternalRd2019 - SEEDED_FIGURES.industrialInternalRd2018);
  if (early.length + late.length !== SEEDED_FIGURES.industrialInternalRd2019) {
    throw new Error("seedRegistries: not enough above-scale enterprises for internal R&D organisations");
  }
  for (const [hosts, from, to] of [
    [early, "2012-01-01", "2018-12-31"],
    [late, "2019-01-01", "2019-12-31"],
  ] as const) {
    for (const e of hosts) {
      add({
        name: `${e.name}${rng.pick(["研发中心", "技术研究院", "研究所", "研发部"])}`,
        type: "industrial_internal_rd",
        level: "district",
        host: e,
        hostOrganisation: null,
        recognised: rng.date(maxIso(from, addDays(e.founded, 365)), to),
        field: fieldOf(e),
        staff: staff(8, 150),
        status: "active",
        deletedAt: null,
      });
    }
  }

  // 企业技术中心: 133 municipal + 3 national, hosted by above-scale enterprises.
  const techPool = rng
    .shuffle(above.filter((e) => e.founded <= "2016-12-31"))
    .slice(0, SEEDED_FIGURES.enterpriseTechCentersMunicipal + 3);
  if (techPool.length !== SEEDED_FIGURES.enterpriseTechCentersMunicipal + 3) {
    throw new Error("seedRegistries: not enough above-scale enterprises for tech centres");
  }
  techPool.sort(
    (a, b) => (b.figures[b.figures.length - 1]?.revenue ?? 0) - (a.figures[a.figures.length - 1]?.revenue ?? 0),
  );
  techPool.forEach((e, i) => {
    const national = i < 3;
    add({
      name: `${e.name}${national ? "国家企业技术中心" : "企业技术中心"}`,
      type: "enterprise_tech_center",
      level: national ? "national" : "municipal",
      host: e,
      hostOrganisation: null,
      recognised: `${rng.int(Math.max(2008, yearOf(e.founded) + 2), 2020)}-12-${String(rng.int(10, 28)).padStart(2, "0")}`,
      field: fieldOf(e),
      staff: national ? staff(150, 600) : staff(20, 200),
      status: "active",
      deletedAt: null,
    });
  });

  // 新型研发机构: 12 municipal (9 recognised 2021Q1), 12 district; decoys: 2 revoked, 1 soft-deleted.
  const rdHosts = rng.shuffle(live.filter((e) => e.municipalAwarded && e.founded <= "2017-12-31"));
  let hostIdx = 0;
  const fields = rng.shuffle([...FIELDS]);
  const suffixes = ["研究院", "创新研究院", "技术研究院", "产业技术研究院", "创新中心"];
  const newRd = (level: "municipal" | "district", recognised: string, i: number, status: Inst["status"] = "active") => {
    const viaEnterprise = i % 2 === 0;
    const field = fields[i % fields.length];
    const host = viaEnterprise ? rdHosts[hostIdx++] : null;
    return {
      name: `${SAMPLE_PREFIX}重庆${field}${suffixes[Math.floor(i / fields.length) % suffixes.length]}`,
      type: "new_rd_institution",
      level,
      host,
      hostOrganisation: host ? null : rng.pick(HOST_ORGS),
      recognised,
      field,
      staff: staff(15, 180),
      status,
      deletedAt: null,
    } satisfies Inst;
  };
  let n = 0;
  for (let i = 0; i < 9; i++) add(newRd("municipal", rng.date("2021-01-04", "2021-03-31"), n++));
  for (let i = 0; i < 3; i++) add(newRd("municipal", rng.date("2019-03-01", "2020-12-31"), n++));
  for (let i = 0; i < 12; i++) add(newRd("district", rng.date("2018-01-01", "2021-03-31"), n++));
  for (let i = 0; i < 2; i++) add(newRd("municipal", rng.date("2018-06-01", "2019-12-31"), n++, "revoked"));
  add({ ...newRd("municipal", rng.date("2020-01-01", "2020-12-31"), n++), deletedAt: "2021-02-03T02:15:00.000Z" });

  // 新型高端研发机构: 12 municipal (4 recognised 2021Q1), founded with universities and institutes.
  const highEnd = rng.shuffle(FIELDS.slice(0, 12));
  highEnd.forEach((field, i) => {
    const org = HOST_ORGS[i % HOST_ORGS.length];
    add({
      name: `${org}重庆${field}研究院`,
      type: "new_high_end_rd_institution",
      level: "municipal",
      host: null,
      hostOrganisation: org,
      recognised: i < 4 ? rng.date("2021-01-04", "2021-03-31") : rng.date("2019-01-01", "2020-12-31"),
      field,
      staff: staff(40, 400),
      status: "active",
      deletedAt: null,
    });
  });

  // 院士工作站 (1), 博士后工作站 (47: 14 national), 重点实验室 and 工程技术研究中心.
  const bigPool = rng.shuffle(above.filter((e) => e.founded <= "2015-12-31"));
  let big = 0;
  const academicianHost = bigPool[big++];
  add({
    name: `${academicianHost.name}院士工作站`,
    type: "academician_workstation",
    level: "municipal",
    host: academicianHost,
    hostOrganisation: null,
    recognised: rng.date("2017-03-01", "2017-12-31"),
    field: fieldOf(academicianHost),
    staff: staff(8, 25),
    status: "active",
    deletedAt: null,
  });
  for (let i = 0; i < SEEDED_FIGURES.postdocWorkstations; i++) {
    const national = i < SEEDED_FIGURES.postdocWorkstationsNational;
    const e = bigPool[big++];
    add({
      name: `${e.name}${national ? "博士后科研工作站" : "博士后创新实践基地"}`,
      type: "postdoc_workstation",
      level: national ? "national" : "municipal",
      host: e,
      hostOrganisation: null,
      recognised: rng.date(maxIso("2010-01-01", addDays(e.founded, 1000)), "2020-12-31"),
      field: fieldOf(e),
      staff: staff(3, 20),
      status: "active",
      deletedAt: null,
    });
  }
  const labFields = rng.shuffle([...FIELDS]);
  for (let i = 0; i < 9; i++) {
    const lab = i < 4;
    const e = bigPool[big++];
    add({
      name: `${SAMPLE_PREFIX}重庆市${labFields[i]}${lab ? "重点实验室" : "工程技术研究中心"}`,
      type: lab ? "key_laboratory" : "engineering_center",
      level: "municipal",
      host: e,
      hostOrganisation: null,
      recognised: rng.date(maxIso("2012-01-01", addDays(e.founded, 1000)), "2020-12-31"),
      field: labFields[i],
      staff: staff(20, 120),
      status: "active",
      deletedAt: null,
    });
  }
  return out;
}

// ───────────────────────────── seeding ─────────────────────────────

/**
 * Fills the registries with deterministic sample data, only when `enterprises` is empty.
 * Returns the number of rows inserted per table (all zero when nothing was seeded).
 * Dictionaries must be seeded first.
 */
export function seedRegistries(db: DB, today: Date = new Date()): SeedRegistriesResult {
  // `drizzle()` attaches the raw better-sqlite3 client; the DB type alias does not declare it.
  const sqlite = (db as DB & { $client?: Database.Database }).$client;
  if (!sqlite) throw new Error("seedRegistries: needs a better-sqlite3 drizzle instance ($client)");
  const existing = sqlite.prepare("SELECT count(*) FROM enterprises").pluck().get() as number;
  if (existing > 0) return { ...ZERO };

  const dict = new Map<string, number>();
  for (const r of sqlite.prepare("SELECT id, kind, code FROM dictionary_items").all() as {
    id: number;
    kind: string;
    code: string;
  }[]) {
    dict.set(`${r.kind}:${r.code}`, r.id);
  }
  const dictId = (kind: DictionaryKind, code: string): number => {
    const id = dict.get(`${kind}:${code}`);
    if (id === undefined)
      throw new Error(`seedRegistries: dictionary item ${kind}/${code} missing (seed dictionaries first)`);
    return id;
  };

  const rng = new Rng(REGISTRY_SEED);
  const ents = generateEnterprises(rng);
  const quals = generateQualifications(new Rng(REGISTRY_SEED + 1), ents);
  matchPublishedEntryBatch(quals, SEEDED_FIGURES.techEnterpriseEntry2019Recipients, 2019);
  const institutionsRng = new Rng(REGISTRY_SEED + 2);
  const incubatorRng = new Rng(REGISTRY_SEED + 3);
  const talentRng = new Rng(REGISTRY_SEED + 4);
  const expiringRng = new Rng(REGISTRY_SEED + 5);

  const insertEnterprise = sqlite.prepare(
    `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, park_id,
       industry_chain_id, is_above_scale, contact_name, contact_phone, status, status_changed_at, latest_rd_expense,
       latest_revenue, is_sample, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertFigure = sqlite.prepare(
    `INSERT INTO enterprise_annual_figures (enterprise_id, year, revenue, rd_expense, employees, rd_staff, invention_patents, is_sample)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertQual = sqlite.prepare(
    `INSERT INTO enterprise_qualifications (enterprise_id, type_id, certificate_no, awarded_date, expiry_date, note, is_sample, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertInstitution = sqlite.prepare(
    `INSERT INTO institutions (name, type_id, level, host_enterprise_id, host_organisation, recognised_date, field, staff_count,
       status, is_sample, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertIncubator = sqlite.prepare(
    `INSERT INTO incubators (name, type_id, level, operator, street_id, address, area, incubated_total, graduated_total, ip_items,
       high_tech_cultivated, recognised_date, status, is_sample)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 1)`,
  );
  const insertTenant = sqlite.prepare(
    `INSERT INTO incubator_tenants (incubator_id, enterprise_id, move_in_date, move_out_date, is_sample)
     VALUES (?, ?, ?, ?, 1)`,
  );
  const insertTalent = sqlite.prepare(
    `INSERT INTO talents (kind, name, category_id, employer_enterprise_id, employer_name, field, recognised_year, programme,
       phone, id_number, is_sample, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );

  const result: SeedRegistriesResult = { ...ZERO };
  const todayDate = todayIso(today);

  sqlite.transaction(() => {
    // Enterprises and their annual figures (latest_* = the 2020 values).
    for (const e of ents) {
      const latest = e.figures[e.figures.length - 1];
      const res = insertEnterprise.run(
        e.name,
        e.creditCode,
        e.legalRepresentative,
        e.founded,
        e.capital,
        dictId("street", e.street),
        e.park ? dictId("park", e.park) : null,
        dictId("industry_chain", e.chain),
        e.aboveScale ? 1 : 0,
        e.contactName,
        e.contactPhone,
        e.status,
        e.statusChangedAt,
        latest?.rdExpense ?? null,
        latest?.revenue ?? null,
        e.deletedAt,
      );
      e.id = Number(res.lastInsertRowid);
      result.enterprises++;
      for (const f of e.figures) {
        insertFigure.run(e.id, f.year, f.revenue, f.rdExpense, f.employees, f.rdStaff, f.inventionPatents);
        result.annualFigures++;
      }
    }

    for (const q of [...quals, ...expiringCertificates(expiringRng, ents, todayDate)]) {
      insertQual.run(
        q.ent.id,
        dictId("qualification_type", q.type),
        q.certificateNo,
        q.awarded,
        q.expiry,
        q.note,
        q.deletedAt,
      );
      result.qualifications++;
    }

    for (const i of generateInstitutions(institutionsRng, ents)) {
      insertInstitution.run(
        i.name,
        dictId("institution_type", i.type),
        i.level,
        i.host?.id ?? null,
        i.hostOrganisation,
        i.recognised,
        i.field,
        i.staff,
        i.status,
        i.deletedAt,
      );
      result.institutions++;
    }

    seedIncubators(
      incubatorRng,
      ents,
      dictId,
      (row) => {
        const res = insertIncubator.run(...row);
        result.incubators++;
        return Number(res.lastInsertRowid);
      },
      (row) => {
        insertTenant.run(...row);
        result.incubatorTenants++;
      },
    );

    seedTalents(talentRng, ents, dictId, (row) => {
      insertTalent.run(...row);
      result.talents++;
    });
  })();

  return result;
}

type IncubatorRow = [
  name: string,
  typeId: number,
  level: string,
  operator: string,
  streetId: number,
  address: string,
  area: number,
  incubatedTotal: number,
  graduatedTotal: number,
  ipItems: number,
  highTechCultivated: number,
  recognisedDate: string,
];
type TenantRow = [incubatorId: number, enterpriseId: number, moveIn: string, moveOut: string | null];

const ROADS = ["示例大道", "示例路", "科创示例路", "数据谷示例路", "临空示例大道"];

function seedIncubators(
  rng: Rng,
  ents: Ent[],
  dictId: (kind: DictionaryKind, code: string) => number,
  insert: (row: IncubatorRow) => number,
  insertTenant: (row: TenantRow) => void,
): void {
  const streetLabels: Record<string, string> = {
    longxi: "龙溪街道",
    xiantao: "仙桃街道",
    shuanglonghu: "双龙湖街道",
    huixing: "回兴街道",
    renhe: "人和街道",
    lijia: "礼嘉街道",
    shuangfengqiao: "双凤桥街道",
    longta: "龙塔街道",
    longshan: "龙山街道",
    dazhulin: "大竹林街道",
  };
  const streets = Object.keys(streetLabels);
  type Spec = { type: string; level: "national" | "municipal" | "district" };
  const specs: Spec[] = [
    ...(["national", "national", "municipal", "municipal", "district"] as const).map((level) => ({
      type: "tech_incubator",
      level,
    })),
    ...(["national", "municipal", "municipal", "municipal", "district", "district", "district"] as const).map(
      (level) => ({ type: "maker_space", level }),
    ),
    ...(["national", "municipal", "district"] as const).map((level) => ({ type: "university_science_park", level })),
  ];
  const brands = rng.shuffle([...BRANDS]);
  const tenantPool = rng.shuffle(ents.filter((e) => isLive(e) && !e.aboveScale && e.founded >= "2013-01-01"));
  const used = new Set<Ent>();

  const addTenants = (incubatorId: number, street: string, count: number, since: string) => {
    const picked = [
      ...tenantPool.filter((e) => !used.has(e) && e.street === street),
      ...tenantPool.filter((e) => !used.has(e) && e.street !== street),
    ].slice(0, count);
    for (const e of picked) {
      used.add(e);
      const moveIn = rng.date(maxIso(e.founded, since), "2021-03-31");
      const out = rng.chance(0.3) ? addDays(moveIn, rng.int(400, 1100)) : null;
      insertTenant([incubatorId, e.id, moveIn, out && out <= "2021-03-31" ? out : null]);
    }
  };

  // The one real incubator: published figures as printed; operator, address, area, graduated total
  // and recognition date are sample values.
  const weirui = insert([
    REAL_INCUBATOR_NAME,
    dictId("incubator_type", "tech_incubator"),
    "municipal",
    `${SAMPLE_PREFIX}威瑞众创空间运营方（示例数据）`,
    dictId("street", "longxi"),
    "重庆市渝北区龙溪街道（示例地址）",
    6800,
    180,
    64,
    300,
    5,
    "2018-12-18",
  ]);
  addTenants(weirui, "longxi", 20, "2016-01-01");

  specs.forEach((s, i) => {
    const brand = brands[i];
    const street = rng.pick(streets);
    const name =
      s.type === "tech_incubator"
        ? `${SAMPLE_PREFIX}${brand}科技企业孵化器`
        : s.type === "maker_space"
          ? `${SAMPLE_PREFIX}${brand}众创空间`
          : `${SAMPLE_PREFIX}${brand}大学科技园（渝北园）`;
    const incubated = s.type === "maker_space" ? rng.int(25, 160) : rng.int(60, 260);
    const recognised = rng.date(s.level === "national" ? "2015-06-01" : "2016-01-01", "2020-12-31");
    const id = insert([
      name,
      dictId("incubator_type", s.type),
      s.level,
      `${SAMPLE_PREFIX}重庆${brand}科技企业孵化服务有限公司`,
      dictId("street", street),
      `重庆市渝北区${streetLabels[street]}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
      s.type === "maker_space" ? rng.int(8, 60) * 100 : rng.int(50, 400) * 100,
      incubated,
      Math.round(incubated * (0.15 + rng.next() * 0.3)),
      rng.int(Math.floor(incubated / 2), incubated * 2),
      rng.int(0, s.type === "maker_space" ? 4 : 12),
      recognised,
    ]);
    addTenants(id, street, rng.int(3, 20), "2015-01-01");
  });
}

type TalentRow = [
  kind: "person" | "team",
  name: string,
  categoryId: number,
  employerEnterpriseId: number | null,
  employerName: string | null,
  field: string,
  recognisedYear: number,
  programme: string,
  phone: string | null,
  idNumber: string | null,
  deletedAt: string | null,
];

function seedTalents(
  rng: Rng,
  ents: Ent[],
  dictId: (kind: DictionaryKind, code: string) => number,
  insert: (row: TalentRow) => void,
): void {
  const employers = ents.filter((e) => isLive(e) && e.municipalAwarded && e.founded <= "2020-12-31");
  const bigEmployers = employers.filter((e) => e.aboveScale);
  const otherEmployers = [...HOST_ORGS, "示例·重庆某医院", "示例·某市级新型研发机构"];
  const years: [number, number][] = [
    [2015, 6],
    [2016, 9],
    [2017, 12],
    [2018, 16],
    [2019, 20],
    [2020, 22],
    [2021, 6],
  ];
  const ids = new Set<string>();

  type Category = "high_level" | "leading_talent" | "deleted";
  const persons: Category[] = rng.shuffle([
    ...Array<Category>(SEEDED_FIGURES.highLevelTalents - SEEDED_FIGURES.leadingTalents).fill("high_level"),
    ...Array<Category>(SEEDED_FIGURES.leadingTalents).fill("leading_talent"),
    ...Array<Category>(2).fill("deleted"),
  ]);
  for (const c of persons) {
    const leading = c === "leading_talent";
    const employer = rng.chance(0.85) ? rng.pick(leading && rng.chance(0.6) ? bigEmployers : employers) : null;
    const year = Math.max(rng.weighted(years), employer ? Math.min(2021, yearOf(employer.founded) + 1) : 2015);
    const birth = rng.date("1958-01-01", "1992-12-31");
    let id: string;
    do id = idNumber(rng, birth);
    while (ids.has(id));
    ids.add(id);
    insert([
      "person",
      personName(rng),
      dictId("talent_category", leading ? "leading_talent" : "high_level"),
      employer?.id ?? null,
      employer ? null : rng.pick(otherEmployers),
      rng.pick(FIELDS),
      year,
      leading
        ? rng.pick(["科技创新领军人才", "科技创业领军人才"])
        : rng.pick(["海外高层次人才引进", "国内高层次人才引进", "区级高层次人才认定"]),
      mobile(rng),
      id,
      c === "deleted" ? atBeijing(rng.date("2020-09-01", "2021-03-15"), rng) : null,
    ]);
  }

  const teamBrands = rng.shuffle([...BRANDS]);
  const teamEmployers = rng.shuffle(employers.filter((e) => e.founded >= "2014-01-01"));
  for (let i = 0; i < SEEDED_FIGURES.startupDemoTeams; i++) {
    const e = teamEmployers[i];
    const field = rng.pick(FIELDS);
    insert([
      "team",
      `${SAMPLE_PREFIX}${teamBrands[i]}${field}创业团队`,
      dictId("talent_category", "startup_demo_team"),
      e.id,
      null,
      field,
      Math.max(2016, Math.min(2021, yearOf(e.founded) + rng.int(1, 3))),
      "创业示范团队",
      null,
      null,
      null,
    ]);
  }
}

/** One-line Chinese summary for the seeding log. */
export function formatSeedRegistriesSummary(r: SeedRegistriesResult): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    `示例数据：科技企业 ${n(r.enterprises)} 家，资质 ${n(r.qualifications)} 条，年度经营数据 ${n(r.annualFigures)} 条，` +
    `研发机构 ${n(r.institutions)} 个，孵化载体 ${n(r.incubators)} 个（入驻企业 ${n(r.incubatorTenants)} 条），` +
    `人才 ${n(r.talents)} 条（均已标记为示例数据）`
  );
}
