import { ENTERPRISE_STATUSES } from "@/db/enums";
import {
  bool,
  creditCode,
  date,
  datetime,
  defineRegistry,
  dict,
  enumOf,
  figure,
  number,
  phone,
  text,
  url,
  year,
} from "@/features/registry/define";
import { enterpriseScope, throughParent } from "@/features/registry/scope";

/**
 * 科技企业: each field declared once; the form, schema, import template, list (columns, filters, sort), detail,
 * exports and history derive from it.
 */
export const enterpriseRegistry = defineRegistry({
  key: "enterprise",
  scope: { where: enterpriseScope, field: (s) => (s.kind === "unit" && s.unit === "park" ? "parkId" : "streetId") },
  objectType: "enterprise",
  path: "/enterprises",
  label: "nav.enterprises",
  listTitle: "enterprises.title",
  createLabel: "enterprises.create",
  searchPlaceholder: "enterprises.searchPlaceholder",
  fields: {
    name: text({
      label: "enterprises.fields.name",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例科技有限公司", width: 30 },
      list: { title: true, sortable: true, width: "min-w-48" },
      search: "contains",
    }),
    creditCode: creditCode({
      label: "enterprises.fields.creditCode",
      export: "code",
      form: { hint: "enterprises.creditCodeHint" },
      import: { example: "91500112MA5UXYQ316", width: 24 },
      search: "prefix",
    }),
    legalRepresentative: text({
      label: "enterprises.fields.legalRepresentative",
      max: 50,
      required: true,
      import: { example: "张三" },
    }),
    foundedDate: date({
      label: "enterprises.fields.foundedDate",
      required: true,
      notFuture: true,
      import: { example: "2018-05-20" },
      list: { sortable: true, secondary: true },
      filter: { range: ["foundedFrom", "foundedTo"], toolbar: false },
    }),
    registeredCapital: number({
      label: "enterprises.fields.registeredCapital",
      max: 100_000_000,
      required: true,
      import: { example: 1000 },
      list: { sortable: true, secondary: true },
    }),
    streetId: dict("street", { label: "enterprises.fields.street", required: true, filter: { param: "street" } }),
    parkId: dict("park", {
      label: "enterprises.fields.park",
      list: { secondary: true },
      filter: { param: "park" },
      form: { blank: "enterprises.noPark" },
    }),
    industryChainId: dict("industry_chain", {
      label: "enterprises.fields.industryChain",
      filter: { param: "chain" },
      form: { blank: "enterprises.noPark" },
    }),
    isAboveScale: bool({
      label: "enterprises.fields.isAboveScale",
      import: { example: "否" },
      filter: { param: "scale", label: "enterprises.filters.aboveScale" },
    }),
    contactName: text({ label: "enterprises.fields.contactName", max: 50, import: { example: "李四" } }),
    contactPhone: phone({
      label: "enterprises.fields.contactPhone",
      reveal: "personal.reveal",
      form: { clear: "enterprises.phone.clear" },
      import: { example: "13800138000", width: 16 },
    }),
    website: url({
      label: "enterprises.fields.website",
      max: 200,
      import: { example: "https://www.example.com", width: 28 },
      list: { secondary: true },
    }),
    status: enumOf(ENTERPRISE_STATUSES, {
      label: "enterprises.fields.status",
      labels: "enterprises.status",
      default: "active",
      import: { example: "在册" },
      tones: { active: "ok", deregistered: "bad", moved_out: "warn" },
      filter: { param: "status" },
    }),
  },
  columns: {
    /** Denormalised from the latest annual figures, so the list sorts by it through an index. */
    latestRdExpense: figure({
      label: "enterprises.fields.latestRdExpense",
      list: { sortable: true, sum: true, header: "enterprises.listHeaders.rd" },
    }),
    latestRevenue: figure({
      label: "enterprises.fields.latestRevenue",
      list: { sum: true, header: "enterprises.listHeaders.revenue" },
    }),
    createdAt: datetime({ label: "enterprises.fields.createdAt", list: { sortable: true } }),
    isSample: bool({ label: "app.sample" }),
    /** Holds a live qualification of this type (list-query.ts applies it, with ?expiring=). */
    qual: dict("qualification_type", {
      label: "enterprises.filters.qualification",
      filter: { param: "qual", custom: true },
    }),
  },
  list: [
    "name",
    "creditCode",
    "streetId",
    "parkId",
    "industryChainId",
    "foundedDate",
    "registeredCapital",
    "latestRdExpense",
    "latestRevenue",
    "status",
    "website",
  ],
  filters: ["streetId", "parkId", "industryChainId", "qual", "status", "isAboveScale", "foundedDate"],
  export: [
    "name",
    "creditCode",
    "legalRepresentative",
    "foundedDate",
    "registeredCapital",
    "streetId",
    "parkId",
    "industryChainId",
    "isAboveScale",
    "status",
    "latestRevenue",
    "latestRdExpense",
    "contactName",
    "contactPhone",
    "website",
    "isSample",
  ],
  detail: [
    "creditCode",
    "legalRepresentative",
    "foundedDate",
    "registeredCapital",
    "streetId",
    "parkId",
    "industryChainId",
    "isAboveScale",
    "status",
    "contactName",
    "contactPhone",
    "website",
    "latestRdExpense",
  ],
});

/** 资质: a child of the enterprise with its own lifecycle. */
export const qualificationRegistry = defineRegistry({
  key: "qualification",
  scope: { where: throughParent("enterprises", "enterprise_id", enterpriseScope) },
  objectType: "enterprise_qualification",
  path: "/enterprises",
  label: "enterprises.quals.title",
  fields: {
    typeId: dict("qualification_type", { label: "enterprises.quals.type", required: true, import: { width: 22 } }),
    certificateNo: text({
      label: "enterprises.quals.certificateNo",
      max: 50,
      export: "code",
      import: { example: "GR202350001234", width: 20 },
    }),
    awardedDate: date({
      label: "enterprises.quals.awardedDate",
      required: true,
      notFuture: true,
      import: { example: "2023-11-29" },
    }),
    expiryDate: date({ label: "enterprises.quals.expiryDate", import: { example: "2026-11-28" } }),
    note: text({ label: "common.note", max: 200 }),
  },
});

/** 年度数据: one row per enterprise per year. */
export const annualRegistry = defineRegistry({
  key: "annual",
  scope: { where: throughParent("enterprises", "enterprise_id", enterpriseScope) },
  objectType: "enterprise_annual",
  path: "/enterprises",
  label: "enterprises.annual.title",
  fields: {
    year: year({ label: "enterprises.annual.year", min: 1990, max: "currentYear", import: { example: 2024 } }),
    revenue: number({ label: "enterprises.annual.revenue", max: 1_000_000_000, import: { example: 5200 } }),
    rdExpense: number({ label: "enterprises.annual.rdExpense", max: 100_000_000, import: { example: 310.5 } }),
    employees: number({
      label: "enterprises.annual.employees",
      max: 1_000_000,
      integer: true,
      import: { example: 120 },
    }),
    rdStaff: number({ label: "enterprises.annual.rdStaff", max: 1_000_000, integer: true, import: { example: 35 } }),
    inventionPatents: number({
      label: "enterprises.annual.inventionPatents",
      max: 1_000_000,
      integer: true,
      import: { example: 6 },
    }),
  },
});
