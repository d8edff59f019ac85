import { LEVELS, RECORD_STATUSES } from "@/db/enums";
import {
  bool,
  date,
  datetime,
  defineRegistry,
  dict,
  enterpriseRef,
  enumOf,
  figure,
  number,
  text,
} from "@/features/registry/define";
import { throughParent } from "@/features/registry/scope";
import { createdBy, type ScopePredicate, sqlId } from "@/lib/scope";

/** An incubator: by its 所属镇街; it has no 园区 of its own, so a 园区 reaches (like 仅本人录入) those it entered. */
const incubatorScope: ScopePredicate = (t, s) =>
  s.kind === "unit" && s.unit === "street" ? `${t}.street_id = ${sqlId(s.unitId)}` : createdBy(t, s);

const count = { max: 1_000_000, integer: true, required: true, form: { initial: "0" } } as const;

/** 孵化载体: 科技企业孵化器, 众创空间, 大学科技园. */
export const incubatorRegistry = defineRegistry({
  key: "incubator",
  scope: { where: incubatorScope, field: "streetId" },
  objectType: "incubator",
  path: "/incubators",
  label: "nav.incubators",
  listTitle: "incubators.title",
  createLabel: "incubators.create",
  searchPlaceholder: "incubators.searchPlaceholder",
  fields: {
    name: text({
      label: "incubators.fields.name",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例众创空间", width: 28 },
      list: { title: true, sortable: true, width: "min-w-48" },
      search: "contains",
    }),
    typeId: dict("incubator_type", {
      label: "incubators.fields.type",
      required: true,
      import: { width: 18 },
      filter: { param: "type" },
    }),
    level: enumOf(LEVELS, {
      label: "incubators.fields.level",
      labels: "registry.levels",
      required: true,
      import: { example: "区级" },
      tones: { national: "brand", municipal: "neutral", district: "neutral" },
      filter: { param: "level" },
    }),
    operator: text({
      label: "incubators.fields.operator",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例运营管理有限公司", width: 28 },
      list: { width: "min-w-32" },
    }),
    streetId: dict("street", {
      label: "incubators.fields.street",
      filter: { param: "street" },
      form: { blank: "incubators.noStreet" },
    }),
    address: text({
      label: "incubators.fields.address",
      max: 200,
      import: { example: "渝北区示例路 1 号", width: 28 },
    }),
    /** m² */
    area: number({ label: "incubators.fields.area", max: 10_000_000, import: { example: 5000 } }),
    incubatedTotal: number({
      label: "incubators.fields.incubatedTotal",
      ...count,
      import: { example: 40 },
      list: { header: "incubators.columns.incubatedTotal", sortable: true },
    }),
    graduatedTotal: number({
      label: "incubators.fields.graduatedTotal",
      ...count,
      import: { example: 8 },
      list: { header: "incubators.columns.graduatedTotal" },
    }),
    ipItems: number({
      label: "incubators.fields.ipItems",
      ...count,
      import: { example: 60 },
      list: { header: "incubators.columns.ipItems", sortable: true },
    }),
    highTechCultivated: number({
      label: "incubators.fields.highTechCultivated",
      ...count,
      import: { example: 3 },
      list: { header: "incubators.columns.highTechCultivated", sortable: true },
    }),
    recognisedDate: date({
      label: "incubators.fields.recognisedDate",
      notFuture: true,
      import: { example: "2020-12-01" },
    }),
    status: enumOf(RECORD_STATUSES, {
      label: "incubators.fields.status",
      labels: "registry.recordStatus",
      default: "active",
      import: { example: "有效" },
      tones: { active: "ok", revoked: "bad" },
      filter: { param: "status" },
    }),
  },
  columns: {
    /** Tenants in residence today (queries.ts counts them in the list's SQL). */
    currentTenants: figure({
      label: "incubators.fields.currentTenants",
      integer: true,
      list: { header: "incubators.columns.currentTenants" },
    }),
    createdAt: datetime({
      label: "incubators.fields.createdAt",
      list: { sortable: true },
      detail: { label: "common.createdAt" },
    }),
    updatedAt: datetime({ label: "common.updatedAt" }),
    isSample: bool({ label: "app.sample" }),
  },
  list: [
    "name",
    "typeId",
    "level",
    "operator",
    "streetId",
    "incubatedTotal",
    "graduatedTotal",
    "ipItems",
    "highTechCultivated",
    "currentTenants",
    "createdAt",
    "status",
  ],
  filters: ["typeId", "level", "streetId", "status"],
  export: [
    "name",
    "typeId",
    "level",
    "operator",
    "streetId",
    "address",
    "area",
    "incubatedTotal",
    "graduatedTotal",
    "ipItems",
    "highTechCultivated",
    "recognisedDate",
    "status",
    "currentTenants",
    "isSample",
  ],
  detail: [
    "typeId",
    "level",
    "operator",
    "streetId",
    "address",
    "area",
    "incubatedTotal",
    "graduatedTotal",
    "ipItems",
    "highTechCultivated",
    "recognisedDate",
    "status",
    "currentTenants",
    "createdAt",
    "updatedAt",
  ],
});

/** 在孵企业: a live enterprise in an incubator from its move-in date until its move-out date. */
export const tenancyRegistry = defineRegistry({
  key: "tenancy",
  scope: { where: throughParent("incubators", "incubator_id", incubatorScope) },
  objectType: "incubator_tenant",
  path: "/incubators",
  label: "incubators.tenants.title",
  fields: {
    enterpriseId: enterpriseRef({ label: "incubators.tenants.enterprise", required: true, import: false }),
    moveInDate: date({ label: "incubators.tenants.moveInDate", required: true, notFuture: true, import: false }),
    moveOutDate: date({ label: "incubators.tenants.moveOutDate", import: false }),
  },
});
