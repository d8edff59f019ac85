import { describe, expect, it } from "vitest";
import {
  annualFiguresSchema,
  createEnterpriseSchema,
  qualificationSchema,
  updateEnterpriseSchema,
} from "@/features/enterprises/validations";
import { createIncubatorSchema, updateIncubatorSchema } from "@/features/incubators/validations";
import { createInstitutionSchema, updateInstitutionSchema } from "@/features/institutions/validations";
import { createTalentSchema, updateTalentSchema } from "@/features/talents/validations";
import { z } from "@/lib/zod";

// Guardrail for building the registries' schemas from their definitions: each schema's verdict on a battery of
// inputs (valid, blank, wrong, out of range, unknown keys) is pinned, so a restructuring that changes what the
// form or the import accepts shows up here. A deliberate change updates the snapshot and says so in the commit.

type Schema = { safeParse: (v: unknown) => { success: boolean; data?: unknown; error?: z.ZodError } };
const verdict = (s: Schema, input: unknown) => {
  const r = s.safeParse(input);
  if (r.success) return { ok: r.data };
  const flat = z.flattenError(r.error as z.ZodError);
  return { errors: flat.fieldErrors, form: flat.formErrors };
};

const enterprise = {
  name: " 重庆示例科技有限公司 ",
  creditCode: "91500112MA5UXYQ316",
  legalRepresentative: "张三",
  foundedDate: "2018-05-20",
  registeredCapital: "1,000.5",
  streetId: "3",
  parkId: "",
  industryChainId: "2",
  isAboveScale: "on",
  contactName: "",
  contactPhone: "13800138000",
  status: "active",
};
const institution = {
  name: "研究院",
  typeId: "4",
  level: "municipal",
  hostEnterpriseId: "",
  hostOrganisation: "重庆大学",
  recognisedDate: "2022-06-30",
  field: "",
  staffCount: "25",
  status: "active",
};
const incubator = {
  name: "众创空间",
  typeId: "5",
  level: "district",
  operator: "运营公司",
  streetId: "",
  address: "",
  area: "5000",
  incubatedTotal: "40",
  graduatedTotal: "8",
  ipItems: "60",
  highTechCultivated: "3",
  recognisedDate: "",
  status: "revoked",
};
const talent = {
  kind: "person",
  name: "王五",
  categoryId: "7",
  employerEnterpriseId: "",
  employerName: "重庆大学",
  field: "集成电路",
  recognisedYear: "2023",
  programme: "",
  phone: "13900139000",
  idNumber: "",
};

const cases: [string, Schema, Record<string, unknown>, Record<string, unknown>[]][] = [
  [
    "enterprise",
    createEnterpriseSchema,
    enterprise,
    [
      { name: "" },
      { name: "x".repeat(101) },
      { creditCode: "91500112MA5UXYQ317" },
      { foundedDate: "2099-01-01" },
      { foundedDate: "2021-02-30" },
      { registeredCapital: "-1" },
      { registeredCapital: "abc" },
      { registeredCapital: "" },
      { streetId: "" },
      { contactPhone: "12345" },
      { status: "" },
      { status: "gone" },
      { extra: "1" },
    ],
  ],
  ["enterprise update", updateEnterpriseSchema, { ...enterprise, id: "5", version: "2" }, [{ version: "0" }]],
  [
    "qualification",
    qualificationSchema,
    {
      enterpriseId: "1",
      typeId: "2",
      certificateNo: "",
      awardedDate: "2021-03-01",
      expiryDate: "2024-02-29",
      note: "",
    },
    [{ expiryDate: "2020-01-01" }, { awardedDate: "" }, { typeId: "x" }],
  ],
  [
    "annual",
    annualFiguresSchema,
    { enterpriseId: "1", year: "2020", revenue: "12000", rdExpense: "650.25", employees: "120", rdStaff: "30" },
    [{ rdStaff: "150" }, { year: "1989" }, { employees: "1.5" }, { year: "" }],
  ],
  [
    "institution",
    createInstitutionSchema,
    institution,
    [{ hostOrganisation: "" }, { level: "" }, { level: "x" }, { staffCount: "2.5" }, { recognisedDate: "" }],
  ],
  ["institution update", updateInstitutionSchema, { ...institution, id: "1", version: "1" }, [{ id: "" }]],
  [
    "incubator",
    createIncubatorSchema,
    incubator,
    [{ graduatedTotal: "41" }, { level: "" }, { incubatedTotal: "" }, { operator: " " }, { status: "" }],
  ],
  ["incubator update", updateIncubatorSchema, { ...incubator, id: "1", version: "1" }, [{ version: "" }]],
  [
    "talent",
    createTalentSchema,
    talent,
    [{ phone: "" }, { kind: "" }, { recognisedYear: "1989" }, { recognisedYear: "3000" }, { idNumber: "123" }],
  ],
  [
    "talent update",
    updateTalentSchema,
    { ...talent, phone: "", clearIdNumber: "", id: "1", version: "1" },
    [{ clearIdNumber: "on" }],
  ],
];

describe("registry schemas keep their verdicts", () => {
  for (const [name, schema, valid, variants] of cases) {
    it(name, () => {
      const results = [verdict(schema, valid), ...variants.map((v) => verdict(schema, { ...valid, ...v }))];
      expect(results).toMatchSnapshot();
    });
  }
});
