// Enumerations shared by the database schema, server code and client components. No drizzle or zod here, so a
// client component can import them without pulling the table definitions into the browser bundle.

export const ROLES = ["admin", "staff", "leader", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const DICTIONARY_KINDS = [
  "street",
  "park",
  "industry_chain",
  "qualification_type",
  "institution_type",
  "incubator_type",
  "talent_category",
  "district",
  "department",
] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

/** A user's organisation unit: a 科室 of the bureau, a 镇街 or a 园区 (each an item of that dictionary). */
export const UNIT_KINDS = ["department", "street", "park"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A user's data scope: 全区, 本单位 (本镇街/本园区: the unit must be a street or park), 仅本人录入. */
export const DATA_SCOPES = ["all", "unit", "own"] as const;
export type DataScopeKind = (typeof DATA_SCOPES)[number];

export const ENTERPRISE_STATUSES = ["active", "deregistered", "moved_out"] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const LEVELS = ["national", "municipal", "district"] as const;
export type Level = (typeof LEVELS)[number];

export const RECORD_STATUSES = ["active", "revoked"] as const;

export const TALENT_KINDS = ["person", "team"] as const;

export const PERIOD_TYPES = ["quarter", "year"] as const;

export const DIRECTIONS = ["higher", "lower"] as const;

export const INDICATOR_SOURCES = ["registry_count", "reported"] as const;

export const VALUE_KINDS = ["value", "rank"] as const;

export const REPORT_STATUSES = ["draft", "closed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * Whether a registry row's stored values count (录入 → 审核): approved rows count; a row created by a scoped user
 * is pending until a reviewer approves it, returned when sent back with a reason.
 */
export const REVIEW_STATES = ["approved", "pending", "returned"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A submission waiting for (or done with) review. */
export const REVIEW_ITEM_STATES = ["pending", "returned", "approved", "withdrawn"] as const;
export type ReviewItemState = (typeof REVIEW_ITEM_STATES)[number];
export const REVIEW_OPS = ["create", "update", "delete", "restore"] as const;
export type ReviewOp = (typeof REVIEW_OPS)[number];
