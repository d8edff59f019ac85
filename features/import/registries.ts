import type { z } from "zod";
import type { DictionaryKind } from "@/db/schema";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { annualFiguresSchema, createEnterpriseSchema, qualificationSchema } from "@/features/enterprises/validations";
import { annualWrites, enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { incubatorRegistry } from "@/features/incubators/registry";
import { createIncubatorSchema } from "@/features/incubators/validations";
import { incubatorWrites } from "@/features/incubators/writes";
import { institutionRegistry } from "@/features/institutions/registry";
import { createInstitutionSchema } from "@/features/institutions/validations";
import { institutionWrites } from "@/features/institutions/writes";
import { importColumns } from "@/features/registry/import-columns";
import type { RegistryWrites } from "@/features/registry/write";
import { talentRegistry } from "@/features/talents/registry";
import { createTalentSchema } from "@/features/talents/validations";
import { talentWrites } from "@/features/talents/writes";
import type { MessageKey } from "@/lib/i18n/core";

// What each registry's import looks like: sheets, columns (→ the form schema's fields) and the natural key
// that makes a re-import idempotent. The rules and the writes are the registry's own (features/<registry>/
// writes.ts through features/registry/write.ts), the same the forms use. The engine is generic over these specs.

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

export type SheetKey = "enterprise" | "qualification" | "annual" | "institution" | "incubator" | "talent";

export type SheetSpec = {
  key: SheetKey;
  sheet: MessageKey;
  columns: ColumnSpec[];
  /** The create schema of the registry's form. */
  schema: z.ZodType;
  /** The registry's write path: table, rules, history action names (shared with the form actions). */
  writes: RegistryWrites;
  /** Fields that identify a live record; re-importing the same key updates instead of inserting. */
  naturalKey: string[];
  /** Child sheets name their enterprise by credit code (enterpriseId is filled in when writing). */
  childOfEnterprise?: boolean;
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
      writes: enterpriseWrites,
      naturalKey: ["creditCode"],
      columns: importColumns(enterpriseRegistry),
    },
    {
      key: "qualification",
      sheet: "import.sheets.qualification",
      schema: qualificationSchema,
      writes: qualificationWrites,
      naturalKey: ["enterpriseId", "typeId", "awardedDate"],
      childOfEnterprise: true,
      columns: [creditCodeColumn, ...importColumns(qualificationRegistry)],
    },
    {
      key: "annual",
      sheet: "import.sheets.annual",
      schema: annualFiguresSchema,
      writes: annualWrites,
      naturalKey: ["enterpriseId", "year"],
      childOfEnterprise: true,
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
      writes: institutionWrites,
      naturalKey: ["name"],
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
      writes: incubatorWrites,
      naturalKey: ["name"],
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
      writes: talentWrites,
      // A person may hold several categories, and the same name may be recognised again in a later year.
      naturalKey: ["name", "categoryId", "recognisedYear"],
      columns: importColumns(talentRegistry),
    },
  ],
};

export const REGISTRY_SPECS: Record<ImportRegistry, RegistrySpec> = {
  enterprise: ENTERPRISE,
  institution: INSTITUTION,
  incubator: INCUBATOR,
  talent: TALENT,
};
