import { LEVELS, RECORD_STATUSES } from "@/db/enums";
import {
  bool,
  creditCode,
  date,
  datetime,
  defineRegistry,
  dict,
  enterpriseRef,
  enumOf,
  number,
  text,
} from "@/features/registry/define";
import { throughEnterprise } from "@/features/registry/scope";

const LEVEL_TONES = { national: "brand", municipal: "neutral", district: "neutral" } as const;
const STATUS_TONES = { active: "ok", revoked: "bad" } as const;

/** 研发机构与平台: hosted by a registered enterprise or, for universities and institutes, an organisation named. */
export const institutionRegistry = defineRegistry({
  key: "institution",
  scope: { where: throughEnterprise("host_enterprise_id"), field: "hostEnterpriseId" },
  objectType: "institution",
  path: "/institutions",
  label: "nav.institutions",
  listTitle: "institutions.title",
  createLabel: "institutions.create",
  searchPlaceholder: "institutions.searchPlaceholder",
  fields: {
    name: text({
      label: "institutions.fields.name",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例智能技术研究院", width: 30 },
      list: { title: true, sortable: true, width: "min-w-48 wrap-anywhere" },
      search: "contains",
    }),
    typeId: dict("institution_type", {
      label: "institutions.fields.type",
      required: true,
      import: { width: 22 },
      filter: { param: "type" },
    }),
    level: enumOf(LEVELS, {
      label: "institutions.fields.level",
      labels: "registry.levels",
      required: true,
      import: { example: "区级" },
      tones: LEVEL_TONES,
      filter: { param: "level" },
    }),
    hostEnterpriseId: enterpriseRef({
      label: "institutions.fields.hostEnterprise",
      import: { header: "institutions.fields.hostCreditCode", width: 24 },
      list: { header: "institutions.fields.host", with: "hostOrganisation", width: "min-w-40" },
    }),
    hostOrganisation: text({
      label: "institutions.fields.hostOrganisation",
      max: 100,
      import: { example: "重庆大学", width: 24 },
    }),
    recognisedDate: date({
      label: "institutions.fields.recognisedDate",
      required: true,
      notFuture: true,
      import: { example: "2022-06-30" },
      list: { sortable: true },
      filter: {
        range: ["yearFrom", "yearTo"],
        labels: ["institutions.filters.yearFrom", "institutions.filters.yearTo"],
      },
    }),
    field: text({
      label: "institutions.fields.field",
      max: 100,
      import: { example: "人工智能" },
      list: { width: "min-w-28" },
    }),
    staffCount: number({
      label: "institutions.fields.staffCount",
      max: 1_000_000,
      integer: true,
      import: { example: 25 },
      list: { sortable: true },
    }),
    status: enumOf(RECORD_STATUSES, {
      label: "institutions.fields.status",
      labels: "registry.recordStatus",
      default: "active",
      import: { example: "有效" },
      tones: STATUS_TONES,
      filter: { param: "status" },
    }),
  },
  form: {
    sections: [
      { fields: ["name", "typeId", "level"] },
      { note: "institutions.hostHint", fields: ["hostEnterpriseId", "hostOrganisation"] },
      { fields: ["recognisedDate", "field", "staffCount", "status"] },
    ],
  },
  columns: {
    hostCreditCode: creditCode({ label: "institutions.fields.hostCreditCode", required: false }),
    createdAt: datetime({
      label: "institutions.fields.createdAt",
      list: { sortable: true },
      detail: { label: "common.createdAt" },
    }),
    updatedAt: datetime({ label: "common.updatedAt" }),
    isSample: bool({ label: "app.sample" }),
  },
  list: ["name", "typeId", "level", "hostEnterpriseId", "recognisedDate", "field", "staffCount", "status", "createdAt"],
  filters: ["typeId", "level", "status", "recognisedDate"],
  export: [
    "name",
    "typeId",
    "level",
    "hostEnterpriseId",
    "hostCreditCode",
    "hostOrganisation",
    "recognisedDate",
    "field",
    "staffCount",
    "status",
    "isSample",
  ],
  detail: [
    "typeId",
    "level",
    "status",
    "hostEnterpriseId",
    "hostOrganisation",
    "recognisedDate",
    "field",
    "staffCount",
    "createdAt",
    "updatedAt",
  ],
});
