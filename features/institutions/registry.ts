import { LEVELS, RECORD_STATUSES } from "@/db/enums";
import { date, defineRegistry, dict, enterpriseRef, enumOf, number, text } from "@/features/registry/define";

/** 研发机构与平台: hosted by a registered enterprise or, for universities and institutes, an organisation named. */
export const institutionRegistry = defineRegistry({
  key: "institution",
  objectType: "institution",
  path: "/institutions",
  label: "nav.institutions",
  fields: {
    name: text({
      label: "institutions.fields.name",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例智能技术研究院", width: 30 },
    }),
    typeId: dict("institution_type", { label: "institutions.fields.type", required: true, import: { width: 22 } }),
    level: enumOf(LEVELS, {
      label: "institutions.fields.level",
      labels: "registry.levels",
      required: true,
      import: { example: "区级" },
    }),
    hostEnterpriseId: enterpriseRef({
      label: "institutions.fields.hostEnterprise",
      import: { header: "institutions.fields.hostCreditCode", width: 24 },
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
    }),
    field: text({ label: "institutions.fields.field", max: 100, import: { example: "人工智能" } }),
    staffCount: number({
      label: "institutions.fields.staffCount",
      max: 1_000_000,
      integer: true,
      import: { example: 25 },
    }),
    status: enumOf(RECORD_STATUSES, {
      label: "institutions.fields.status",
      labels: "registry.recordStatus",
      default: "active",
      import: { example: "有效" },
    }),
  },
  form: {
    sections: [
      { fields: ["name", "typeId", "level"] },
      { note: "institutions.hostHint", fields: ["hostEnterpriseId", "hostOrganisation"] },
      { fields: ["recognisedDate", "field", "staffCount", "status"] },
    ],
  },
});
