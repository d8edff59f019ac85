import { TALENT_KINDS } from "@/db/enums";
import {
  bool,
  datetime,
  defineRegistry,
  dict,
  enterpriseRef,
  enumOf,
  idNumber,
  phone,
  text,
  year,
} from "@/features/registry/define";
import { throughEnterprise } from "@/features/registry/scope";

export const FIRST_RECOGNISED_YEAR = 1990;

/** 人才: a person or a team; phone and ID number are personal data, masked and revealed one record at a time. */
export const talentRegistry = defineRegistry({
  key: "talent",
  scope: { where: throughEnterprise("employer_enterprise_id"), field: "employerEnterpriseId" },
  objectType: "talent",
  path: "/talents",
  label: "nav.talents",
  listTitle: "talents.title",
  createLabel: "talents.create",
  searchPlaceholder: "talents.searchPlaceholder",
  fields: {
    kind: enumOf(TALENT_KINDS, {
      label: "talents.fields.kind",
      labels: "talents.kinds",
      required: true,
      form: { initial: "person" },
      import: { example: "个人" },
      tones: { person: "neutral", team: "brand" },
      filter: { param: "kind" },
    }),
    name: text({
      label: "talents.fields.name",
      max: 100,
      required: true,
      import: { example: "王五", width: 20 },
      list: { title: true, sortable: true, width: "min-w-40" },
      search: "contains",
    }),
    categoryId: dict("talent_category", {
      label: "talents.fields.category",
      required: true,
      import: { width: 26 },
      list: { width: "min-w-32" },
      filter: { param: "category" },
    }),
    /** Listed and exported as the linked enterprise's name, else the free-text employer (queries.ts). */
    employerEnterpriseId: enterpriseRef({
      label: "talents.fields.employer",
      form: { wide: true, hint: "talents.employer.hint" },
      import: { header: "import.columns.employerCreditCode", width: 26 },
      list: { width: "min-w-40" },
    }),
    employerName: text({
      label: "talents.fields.employerName",
      max: 100,
      // Typed into the employer picker when the employer is not a registered enterprise.
      form: { within: "employerEnterpriseId" },
      import: { example: "重庆大学", width: 24 },
    }),
    field: text({
      label: "talents.fields.field",
      max: 100,
      import: { example: "集成电路" },
      list: { width: "min-w-24" },
    }),
    recognisedYear: year({
      label: "talents.fields.recognisedYear",
      min: FIRST_RECOGNISED_YEAR,
      max: "currentYear",
      export: "year",
      import: { example: 2023 },
      list: { sortable: true },
      filter: { range: ["yearFrom", "yearTo"], labels: ["talents.filters.yearFrom", "talents.filters.yearTo"] },
    }),
    programme: text({
      label: "talents.fields.programme",
      max: 100,
      import: { example: "重庆英才计划" },
      list: { width: "min-w-24" },
    }),
    phone: phone({
      label: "talents.fields.phone",
      required: true,
      reveal: "personal.reveal",
      export: "code",
      import: { example: "13900139000", width: 16 },
    }),
    idNumber: idNumber({
      label: "talents.fields.idNumber",
      reveal: "personal.reveal",
      form: { hint: "talents.personal.idHint", clear: "talents.personal.clearIdNumber" },
      export: "code",
      import: { width: 22 },
    }),
  },
  form: {
    sections: [
      {
        fields: [
          "kind",
          "name",
          "categoryId",
          "recognisedYear",
          "employerEnterpriseId",
          "employerName",
          "field",
          "programme",
        ],
      },
      { title: "talents.personal.title", fields: ["phone", "idNumber"] },
    ],
  },
  columns: {
    createdAt: datetime({ label: "talents.fields.createdAt", list: { sortable: true } }),
    updatedAt: datetime({ label: "talents.fields.updatedAt" }),
    isSample: bool({ label: "app.sample" }),
  },
  list: [
    "name",
    "kind",
    "categoryId",
    "employerEnterpriseId",
    "field",
    "recognisedYear",
    "programme",
    "phone",
    "idNumber",
    "createdAt",
  ],
  filters: ["categoryId", "kind", "recognisedYear"],
  export: [
    "name",
    "kind",
    "categoryId",
    "employerEnterpriseId",
    "field",
    "recognisedYear",
    "programme",
    "phone",
    "idNumber",
    "isSample",
  ],
  // Phone and ID number: the personal-data section with its logged reveal (talents/[id]).
  detail: [
    "kind",
    "categoryId",
    "recognisedYear",
    "employerEnterpriseId",
    "field",
    "programme",
    "createdAt",
    "updatedAt",
  ],
});
