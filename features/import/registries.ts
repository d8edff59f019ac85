import type { z } from "zod";
import {
  type DictionaryKind,
  enterpriseAnnualFigures,
  enterpriseQualifications,
  enterprises,
  incubators,
  institutions,
  talents,
} from "@/db/schema";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { annualFiguresSchema, createEnterpriseSchema, qualificationSchema } from "@/features/enterprises/validations";
import { incubatorRegistry } from "@/features/incubators/registry";
import { createIncubatorSchema } from "@/features/incubators/validations";
import { institutionRegistry } from "@/features/institutions/registry";
import { createInstitutionSchema } from "@/features/institutions/validations";
import { importColumns } from "@/features/registry/import-columns";
import { talentRegistry } from "@/features/talents/registry";
import { createTalentSchema } from "@/features/talents/validations";
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
      columns: importColumns(enterpriseRegistry),
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
      columns: [creditCodeColumn, ...importColumns(qualificationRegistry)],
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
      columns: [creditCodeColumn, ...importColumns(annualRegistry)],
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
      columns: importColumns(institutionRegistry),
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
      columns: importColumns(incubatorRegistry),
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
      columns: importColumns(talentRegistry),
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
