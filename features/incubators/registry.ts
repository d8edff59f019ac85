import { LEVELS, RECORD_STATUSES } from "@/db/enums";
import { date, defineRegistry, dict, enterpriseRef, enumOf, number, text } from "@/features/registry/define";

const count = { max: 1_000_000, integer: true, required: true, form: { initial: "0" } } as const;

/** 孵化载体: 科技企业孵化器, 众创空间, 大学科技园. */
export const incubatorRegistry = defineRegistry({
  key: "incubator",
  objectType: "incubator",
  path: "/incubators",
  label: "nav.incubators",
  fields: {
    name: text({
      label: "incubators.fields.name",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例众创空间", width: 28 },
    }),
    typeId: dict("incubator_type", { label: "incubators.fields.type", required: true, import: { width: 18 } }),
    level: enumOf(LEVELS, {
      label: "incubators.fields.level",
      labels: "registry.levels",
      required: true,
      import: { example: "区级" },
    }),
    operator: text({
      label: "incubators.fields.operator",
      max: 100,
      required: true,
      form: { wide: true },
      import: { example: "重庆示例运营管理有限公司", width: 28 },
    }),
    streetId: dict("street", { label: "incubators.fields.street", form: { blank: "incubators.noStreet" } }),
    address: text({
      label: "incubators.fields.address",
      max: 200,
      import: { example: "渝北区示例路 1 号", width: 28 },
    }),
    /** m² */
    area: number({ label: "incubators.fields.area", max: 10_000_000, import: { example: 5000 } }),
    incubatedTotal: number({ label: "incubators.fields.incubatedTotal", ...count, import: { example: 40 } }),
    graduatedTotal: number({ label: "incubators.fields.graduatedTotal", ...count, import: { example: 8 } }),
    ipItems: number({ label: "incubators.fields.ipItems", ...count, import: { example: 60 } }),
    highTechCultivated: number({ label: "incubators.fields.highTechCultivated", ...count, import: { example: 3 } }),
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
    }),
  },
});

/** 在孵企业: a live enterprise in an incubator from its move-in date until its move-out date. */
export const tenancyRegistry = defineRegistry({
  key: "tenancy",
  objectType: "incubator_tenant",
  path: "/incubators",
  label: "incubators.tenants.title",
  fields: {
    enterpriseId: enterpriseRef({ label: "incubators.tenants.enterprise", required: true, import: false }),
    moveInDate: date({ label: "incubators.tenants.moveInDate", required: true, notFuture: true, import: false }),
    moveOutDate: date({ label: "incubators.tenants.moveOutDate", import: false }),
  },
});
