import type { z } from "zod";
import {
  annualFiguresSchema,
  createEnterpriseSchema,
  qualificationSchema,
} from "@/app/(dashboard)/enterprises/_lib/validations";
import { createIncubatorSchema } from "@/app/(dashboard)/incubators/_lib/validations";
import { createInstitutionSchema } from "@/app/(dashboard)/institutions/_lib/validations";
import { createTalentSchema } from "@/app/(dashboard)/talents/_lib/validations";
import {
  type DictionaryKind,
  ENTERPRISE_STATUSES,
  enterpriseAnnualFigures,
  enterpriseQualifications,
  enterprises,
  incubators,
  institutions,
  LEVELS,
  RECORD_STATUSES,
  TALENT_KINDS,
  talents,
} from "@/db/schema";
import type { MessageKey } from "@/lib/i18n/core";

// What each registry's import looks like: sheets, columns (→ the form schema's fields), the natural key
// that makes a re-import idempotent, and the few per-registry rules applied when writing. The engine
// (lib/import/engine.ts) is generic over these specs.

export const IMPORT_REGISTRIES = ["enterprise", "institution", "incubator", "talent"] as const;
export type ImportRegistry = (typeof IMPORT_REGISTRIES)[number];

export type ColumnKind = "text" | "number" | "year" | "date" | "bool" | "dict" | "enum" | "enterpriseRef" | "parent";

export type ColumnSpec = {
  /** The schema field the column fills (for "parent": the credit code naming the enterprise). */
  field: string;
  header: MessageKey;
  kind: ColumnKind;
  required?: boolean;
  dict?: DictionaryKind;
  /** enum columns: stored value → catalogue label */
  options?: Record<string, MessageKey>;
  /** Example cell for the guide sheet; dictionary columns use the first enabled item. */
  example?: string | number | boolean;
  width?: number;
};

type Values = Record<string, unknown>;

export type SheetKey = "enterprise" | "qualification" | "annual" | "institution" | "incubator" | "talent";

export type SheetSpec = {
  key: SheetKey;
  sheet: MessageKey;
  columns: ColumnSpec[];
  /** The create schema of the registry's form. */
  schema: z.ZodType;
  // biome-ignore lint/suspicious/noExplicitAny: any drizzle SQLite table with the registry bookkeeping columns
  table: any;
  /** Fields that identify a live record; re-importing the same key updates instead of inserting. */
  naturalKey: string[];
  objectType: string;
  actions: { create: string; update: string };
  /** Child sheets name their enterprise by credit code (enterpriseId is filled in when writing). */
  childOfEnterprise?: boolean;
  /** Per-registry write rules (same as the form's action): values to store given the stored row. */
  normalise?: (values: Values, before: Values | undefined) => Values;
  /** Run once per enterprise whose child rows were written (keeps denormalised columns in step). */
  refreshParentSql?: string;
  /** Columns written but not compared (bookkeeping derived from the values). */
  extra?: (values: Values, before: Values | undefined, now: string) => Values;
};

export type RegistrySpec = {
  key: ImportRegistry;
  label: MessageKey;
  list: string;
  listLabel: MessageKey;
  sheets: SheetSpec[];
};

const enumOf = <T extends string>(values: readonly T[], prefix: string) =>
  Object.fromEntries(values.map((v) => [v, `${prefix}.${v}` as MessageKey])) as Record<string, MessageKey>;

const creditCodeColumn: ColumnSpec = {
  field: "enterpriseId",
  header: "import.columns.enterpriseCreditCode",
  kind: "parent",
  required: true,
  example: "91500112MA5UXYQ316",
  width: 24,
};

const ENTERPRISE: RegistrySpec = {
  key: "enterprise",
  label: "import.registries.enterprise",
  list: "/enterprises",
  listLabel: "nav.enterprises",
  sheets: [
    {
      key: "enterprise",
      sheet: "import.sheets.enterprise",
      schema: createEnterpriseSchema,
      table: enterprises,
      naturalKey: ["creditCode"],
      objectType: "enterprise",
      actions: { create: "enterprise.create", update: "enterprise.update" },
      columns: [
        {
          field: "name",
          header: "enterprises.fields.name",
          kind: "text",
          required: true,
          example: "重庆示例科技有限公司",
          width: 30,
        },
        {
          field: "creditCode",
          header: "enterprises.fields.creditCode",
          kind: "text",
          required: true,
          example: "91500112MA5UXYQ316",
          width: 24,
        },
        {
          field: "legalRepresentative",
          header: "enterprises.fields.legalRepresentative",
          kind: "text",
          required: true,
          example: "张三",
        },
        {
          field: "foundedDate",
          header: "enterprises.fields.foundedDate",
          kind: "date",
          required: true,
          example: "2018-05-20",
        },
        {
          field: "registeredCapital",
          header: "enterprises.fields.registeredCapital",
          kind: "number",
          required: true,
          example: 1000,
        },
        { field: "streetId", header: "enterprises.fields.street", kind: "dict", dict: "street", required: true },
        { field: "parkId", header: "enterprises.fields.park", kind: "dict", dict: "park" },
        { field: "industryChainId", header: "enterprises.fields.industryChain", kind: "dict", dict: "industry_chain" },
        { field: "isAboveScale", header: "enterprises.fields.isAboveScale", kind: "bool", example: "否" },
        { field: "contactName", header: "enterprises.fields.contactName", kind: "text", example: "李四" },
        {
          field: "contactPhone",
          header: "enterprises.fields.contactPhone",
          kind: "text",
          example: "13800138000",
          width: 16,
        },
        {
          field: "status",
          header: "enterprises.fields.status",
          kind: "enum",
          options: enumOf(ENTERPRISE_STATUSES, "enterprises.status"),
          example: "在册",
        },
      ],
      // Same rule as the form: the status date moves only when the status changes.
      extra: (v, before, now) => ({
        statusChangedAt: before
          ? before.status !== v.status
            ? now
            : (before.statusChangedAt ?? null)
          : v.status === "active"
            ? null
            : now,
      }),
    },
    {
      key: "qualification",
      sheet: "import.sheets.qualification",
      schema: qualificationSchema,
      table: enterpriseQualifications,
      naturalKey: ["enterpriseId", "typeId", "awardedDate"],
      objectType: "enterprise_qualification",
      actions: { create: "enterprise.qualification.create", update: "enterprise.qualification.update" },
      childOfEnterprise: true,
      columns: [
        creditCodeColumn,
        {
          field: "typeId",
          header: "enterprises.quals.type",
          kind: "dict",
          dict: "qualification_type",
          required: true,
          width: 22,
        },
        {
          field: "certificateNo",
          header: "enterprises.quals.certificateNo",
          kind: "text",
          example: "GR202350001234",
          width: 20,
        },
        {
          field: "awardedDate",
          header: "enterprises.quals.awardedDate",
          kind: "date",
          required: true,
          example: "2023-11-29",
        },
        { field: "expiryDate", header: "enterprises.quals.expiryDate", kind: "date", example: "2026-11-28" },
        { field: "note", header: "common.note", kind: "text" },
      ],
    },
    {
      key: "annual",
      sheet: "import.sheets.annual",
      schema: annualFiguresSchema,
      table: enterpriseAnnualFigures,
      naturalKey: ["enterpriseId", "year"],
      objectType: "enterprise_annual",
      actions: { create: "enterprise.annual.upsert", update: "enterprise.annual.upsert" },
      childOfEnterprise: true,
      // As the form's refreshLatestFigures: the list sorts by the newest live year's figures.
      refreshParentSql: `UPDATE enterprises SET
        latest_rd_expense = (SELECT a.rd_expense FROM enterprise_annual_figures a
          WHERE a.enterprise_id = enterprises.id AND a.deleted_at IS NULL ORDER BY a.year DESC LIMIT 1),
        latest_revenue = (SELECT a.revenue FROM enterprise_annual_figures a
          WHERE a.enterprise_id = enterprises.id AND a.deleted_at IS NULL ORDER BY a.year DESC LIMIT 1)
        WHERE id = ?`,
      columns: [
        creditCodeColumn,
        { field: "year", header: "enterprises.annual.year", kind: "year", required: true, example: 2024 },
        { field: "revenue", header: "enterprises.annual.revenue", kind: "number", example: 5200 },
        { field: "rdExpense", header: "enterprises.annual.rdExpense", kind: "number", example: 310.5 },
        { field: "employees", header: "enterprises.annual.employees", kind: "number", example: 120 },
        { field: "rdStaff", header: "enterprises.annual.rdStaff", kind: "number", example: 35 },
        { field: "inventionPatents", header: "enterprises.annual.inventionPatents", kind: "number", example: 6 },
      ],
    },
  ],
};

const INSTITUTION: RegistrySpec = {
  key: "institution",
  label: "import.registries.institution",
  list: "/institutions",
  listLabel: "nav.institutions",
  sheets: [
    {
      key: "institution",
      sheet: "import.sheets.institution",
      schema: createInstitutionSchema,
      table: institutions,
      naturalKey: ["name"],
      objectType: "institution",
      actions: { create: "institution.create", update: "institution.update" },
      columns: [
        {
          field: "name",
          header: "institutions.fields.name",
          kind: "text",
          required: true,
          example: "重庆示例智能技术研究院",
          width: 30,
        },
        {
          field: "typeId",
          header: "institutions.fields.type",
          kind: "dict",
          dict: "institution_type",
          required: true,
          width: 22,
        },
        {
          field: "level",
          header: "institutions.fields.level",
          kind: "enum",
          required: true,
          options: enumOf(LEVELS, "registry.levels"),
          example: "区级",
        },
        { field: "hostEnterpriseId", header: "institutions.fields.hostCreditCode", kind: "enterpriseRef", width: 24 },
        {
          field: "hostOrganisation",
          header: "institutions.fields.hostOrganisation",
          kind: "text",
          example: "重庆大学",
          width: 24,
        },
        {
          field: "recognisedDate",
          header: "institutions.fields.recognisedDate",
          kind: "date",
          required: true,
          example: "2022-06-30",
        },
        { field: "field", header: "institutions.fields.field", kind: "text", example: "人工智能" },
        { field: "staffCount", header: "institutions.fields.staffCount", kind: "number", example: 25 },
        {
          field: "status",
          header: "institutions.fields.status",
          kind: "enum",
          options: enumOf(RECORD_STATUSES, "registry.recordStatus"),
          example: "有效",
        },
      ],
    },
  ],
};

const INCUBATOR: RegistrySpec = {
  key: "incubator",
  label: "import.registries.incubator",
  list: "/incubators",
  listLabel: "nav.incubators",
  sheets: [
    {
      key: "incubator",
      sheet: "import.sheets.incubator",
      schema: createIncubatorSchema,
      table: incubators,
      naturalKey: ["name"],
      objectType: "incubator",
      actions: { create: "incubator.create", update: "incubator.update" },
      columns: [
        {
          field: "name",
          header: "incubators.fields.name",
          kind: "text",
          required: true,
          example: "重庆示例众创空间",
          width: 28,
        },
        {
          field: "typeId",
          header: "incubators.fields.type",
          kind: "dict",
          dict: "incubator_type",
          required: true,
          width: 18,
        },
        {
          field: "level",
          header: "incubators.fields.level",
          kind: "enum",
          required: true,
          options: enumOf(LEVELS, "registry.levels"),
          example: "区级",
        },
        {
          field: "operator",
          header: "incubators.fields.operator",
          kind: "text",
          required: true,
          example: "重庆示例运营管理有限公司",
          width: 28,
        },
        { field: "streetId", header: "incubators.fields.street", kind: "dict", dict: "street" },
        {
          field: "address",
          header: "incubators.fields.address",
          kind: "text",
          example: "渝北区示例路 1 号",
          width: 28,
        },
        { field: "area", header: "incubators.fields.area", kind: "number", example: 5000 },
        {
          field: "incubatedTotal",
          header: "incubators.fields.incubatedTotal",
          kind: "number",
          required: true,
          example: 40,
        },
        {
          field: "graduatedTotal",
          header: "incubators.fields.graduatedTotal",
          kind: "number",
          required: true,
          example: 8,
        },
        { field: "ipItems", header: "incubators.fields.ipItems", kind: "number", required: true, example: 60 },
        {
          field: "highTechCultivated",
          header: "incubators.fields.highTechCultivated",
          kind: "number",
          required: true,
          example: 3,
        },
        { field: "recognisedDate", header: "incubators.fields.recognisedDate", kind: "date", example: "2020-12-01" },
        {
          field: "status",
          header: "incubators.fields.status",
          kind: "enum",
          options: enumOf(RECORD_STATUSES, "registry.recordStatus"),
          example: "有效",
        },
      ],
    },
  ],
};

const TALENT: RegistrySpec = {
  key: "talent",
  label: "import.registries.talent",
  list: "/talents",
  listLabel: "nav.talents",
  sheets: [
    {
      key: "talent",
      sheet: "import.sheets.talent",
      schema: createTalentSchema,
      table: talents,
      // A person may hold several categories, and the same name may be recognised again in a later year.
      naturalKey: ["name", "categoryId", "recognisedYear"],
      objectType: "talent",
      actions: { create: "talent.create", update: "talent.update" },
      columns: [
        {
          field: "kind",
          header: "talents.fields.kind",
          kind: "enum",
          required: true,
          options: enumOf(TALENT_KINDS, "talents.kinds"),
          example: "个人",
        },
        { field: "name", header: "talents.fields.name", kind: "text", required: true, example: "王五", width: 20 },
        {
          field: "categoryId",
          header: "talents.fields.category",
          kind: "dict",
          dict: "talent_category",
          required: true,
          width: 26,
        },
        {
          field: "employerEnterpriseId",
          header: "import.columns.employerCreditCode",
          kind: "enterpriseRef",
          width: 26,
        },
        { field: "employerName", header: "talents.fields.employerName", kind: "text", example: "重庆大学", width: 24 },
        { field: "field", header: "talents.fields.field", kind: "text", example: "集成电路" },
        {
          field: "recognisedYear",
          header: "talents.fields.recognisedYear",
          kind: "year",
          required: true,
          example: 2023,
        },
        { field: "programme", header: "talents.fields.programme", kind: "text", example: "重庆英才计划" },
        {
          field: "phone",
          header: "talents.fields.phone",
          kind: "text",
          required: true,
          example: "13900139000",
          width: 16,
        },
        { field: "idNumber", header: "talents.fields.idNumber", kind: "text", width: 22 },
      ],
      // As in the form: a linked employer replaces the free-text name; a blank ID number keeps the stored one.
      normalise: (v, before) => ({
        ...v,
        employerName: v.employerEnterpriseId != null ? null : v.employerName,
        idNumber: v.idNumber ?? before?.idNumber ?? null,
      }),
    },
  ],
};

export const REGISTRY_SPECS: Record<ImportRegistry, RegistrySpec> = {
  enterprise: ENTERPRISE,
  institution: INSTITUTION,
  incubator: INCUBATOR,
  talent: TALENT,
};
