import type { DictionaryKind } from "@/db/schema";
import districtsFile from "./chongqing-districts.json";
import facts from "./yubei-2020.json";

type Item = { code: string; label: string; note?: string };

// 渝北区 streets and towns (镇街).
const STREETS: Item[] = [
  ["shuanglonghu", "双龙湖街道"],
  ["shuangfengqiao", "双凤桥街道"],
  ["huixing", "回兴街道"],
  ["baoshenghu", "宝圣湖街道"],
  ["longxi", "龙溪街道"],
  ["longshan", "龙山街道"],
  ["longta", "龙塔街道"],
  ["xiantao", "仙桃街道"],
  ["renhe", "人和街道"],
  ["tiangongdian", "天宫殿街道"],
  ["yuanyang", "鸳鸯街道"],
  ["cuiyun", "翠云街道"],
  ["dazhulin", "大竹林街道"],
  ["lijia", "礼嘉街道"],
  ["lianglu", "两路街道"],
  ["wangjia", "王家街道"],
  ["yufengshan", "玉峰山镇"],
  ["longxing", "龙兴镇"],
  ["tongjing", "统景镇"],
  ["dawan", "大湾镇"],
  ["xinglong", "兴隆镇"],
  ["muer", "木耳镇"],
  ["cizhu", "茨竹镇"],
  ["gulu", "古路镇"],
  ["shichuan", "石船镇"],
  ["dasheng", "大盛镇"],
  ["luoqi", "洛碛镇"],
].map(([code, label]) => ({ code, label }));

const PARKS: Item[] = [
  { code: "xiantao_data_valley", label: "仙桃国际大数据谷" },
  { code: "konggang_industrial_park", label: "空港工业园区" },
  { code: "linkong_tech_city", label: "临空前沿科技城" },
  { code: "ic_design_park", label: "仙桃数据谷集成电路设计产业园" },
  { code: "longxing_industrial_park", label: "龙兴工业园" },
  { code: "none", label: "不在园区" },
];

const CHAIN_CODES = ["smart_terminal", "software_info", "life_health", "smart_manufacturing", "traditional_upgrade"];
const CHAINS: Item[] = facts.industry_chains.map((label, i) => ({ code: CHAIN_CODES[i] ?? `chain_${i}`, label }));

export const QUALIFICATION_CODES = {
  municipalTechEnterprise: "municipal_tech_enterprise",
  nationalHighTech: "national_high_tech",
  techSme: "tech_sme",
  specialisedSme: "specialised_sme",
  littleGiant: "little_giant",
} as const;

const QUALIFICATIONS: Item[] = [
  { code: QUALIFICATION_CODES.municipalTechEnterprise, label: "市级科技型企业" },
  { code: QUALIFICATION_CODES.nationalHighTech, label: "国家高新技术企业", note: "证书有效期3年" },
  { code: QUALIFICATION_CODES.techSme, label: "科技型中小企业", note: "按年度评价入库" },
  { code: QUALIFICATION_CODES.specialisedSme, label: "专精特新企业" },
  { code: QUALIFICATION_CODES.littleGiant, label: "专精特新“小巨人”企业" },
];

const INSTITUTION_TYPES: Item[] = [
  { code: "new_rd_institution", label: "新型研发机构" },
  { code: "new_high_end_rd_institution", label: "新型高端研发机构" },
  { code: "enterprise_tech_center", label: "企业技术中心" },
  { code: "industrial_internal_rd", label: "规上工业企业内部研发机构" },
  { code: "key_laboratory", label: "重点实验室" },
  { code: "engineering_center", label: "工程技术研究中心" },
  { code: "academician_workstation", label: "院士工作站" },
  { code: "postdoc_workstation", label: "博士后工作站" },
];

const INCUBATOR_TYPES: Item[] = [
  { code: "tech_incubator", label: "科技企业孵化器" },
  { code: "maker_space", label: "众创空间" },
  { code: "university_science_park", label: "大学科技园" },
];

const TALENT_CATEGORIES: Item[] = [
  { code: "high_level", label: "海内外高层次人才" },
  { code: "leading_talent", label: "市级科技创新创业领军人才" },
  { code: "startup_demo_team", label: "创业示范团队" },
];

const DISTRICTS: Item[] = [
  ...districtsFile.districts,
  ...districtsFile.counties,
  ...districtsFile.autonomous_counties,
].map((label, i) => ({ code: `cq${String(i + 1).padStart(2, "0")}`, label }));

// The bureau's own 科室 (organisation units of its staff; 镇街 and 园区 are the other units).
const DEPARTMENTS: Item[] = [
  { code: "office", label: "办公室" },
  { code: "innovation", label: "科技创新科" },
  { code: "transfer", label: "成果转化科" },
  { code: "policy", label: "政策法规科" },
  { code: "talent", label: "人才科" },
];

export const DICTIONARY_SEED: Record<DictionaryKind, Item[]> = {
  street: STREETS,
  park: PARKS,
  industry_chain: CHAINS,
  qualification_type: QUALIFICATIONS,
  institution_type: INSTITUTION_TYPES,
  incubator_type: INCUBATOR_TYPES,
  talent_category: TALENT_CATEGORIES,
  district: DISTRICTS,
  department: DEPARTMENTS,
};
