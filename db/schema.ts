import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
// Enums and constants that client code needs live in ./enums (no drizzle, no zod); re-exported here for server code.
import {
  DATA_SCOPES,
  DICTIONARY_KINDS,
  DIRECTIONS,
  ENTERPRISE_STATUSES,
  INDICATOR_SOURCES,
  LEVELS,
  PERIOD_TYPES,
  RECORD_STATUSES,
  REPORT_STATUSES,
  REVIEW_ITEM_STATES,
  REVIEW_OPS,
  REVIEW_STATES,
  ROLES,
  TALENT_KINDS,
  UNIT_KINDS,
  VALUE_KINDS,
} from "./enums";

export * from "./enums";

// Timestamps are stored as ISO-8601 strings in UTC (sortable, readable in exports).
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);

// ───────────────────────────── accounts and sessions ─────────────────────────────

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
  passwordChangedAt: text("password_changed_at"),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: text("locked_until"),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  /** Organisation unit: a 科室 (department), 镇街 (street) or 园区 (park) — an item of that dictionary. */
  unitKind: text("unit_kind", { enum: UNIT_KINDS }),
  unitId: integer("unit_id").references((): AnySQLiteColumn => dictionaryItems.id),
  /** Data scope: all = 全区; unit = records of the user's 镇街/园区; own = records the user entered. */
  dataScope: text("data_scope", { enum: DATA_SCOPES }).notNull().default("all"),
  /** Optimistic concurrency for the admin's edits (role, disable/enable, reset). */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  updatedBy: integer("updated_by").references((): AnySQLiteColumn => users.id),
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** One row per signed-in browser; the JWT carries only its random id (sid). */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull().default(now),
    revokedAt: text("revoked_at"),
    revokeReason: text("revoke_reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** Append-only (triggers in a migration refuse UPDATE and DELETE). */
export const loginLogs = sqliteTable(
  "login_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    userId: integer("user_id"),
    success: integer("success", { mode: "boolean" }).notNull(),
    reason: text("reason").notNull(),
    /** True only when the submitted password was actually compared with the account's hash. */
    passwordChecked: integer("password_checked", { mode: "boolean" }).notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_logs_created_idx").on(t.createdAt),
    index("login_logs_username_idx").on(t.username, t.createdAt),
  ],
);
export type LoginLog = typeof loginLogs.$inferSelect;

/** Per-client-IP window of failed sign-in attempts (a slot is reserved before the password is checked). */
export const loginIpAttempts = sqliteTable("login_ip_attempts", {
  ip: text("ip").primaryKey(),
  windowStart: text("window_start").notNull(),
  failures: integer("failures").notNull().default(0),
});

/** Append-only (triggers in a migration refuse UPDATE and DELETE). */
export const operationLogs = sqliteTable(
  "operation_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id"),
    username: text("username"),
    role: text("role"),
    ip: text("ip"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    result: text("result", { enum: ["ok", "denied", "invalid", "error"] }).notNull(),
    message: text("message"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    detail: text("detail", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("op_logs_created_idx").on(t.createdAt),
    index("op_logs_object_idx").on(t.objectType, t.objectId, t.createdAt),
    index("op_logs_user_idx").on(t.username, t.createdAt),
    index("op_logs_action_idx").on(t.action, t.createdAt),
  ],
);
export type OperationLog = typeof operationLogs.$inferSelect;

// ───────────────────────────── dictionaries ─────────────────────────────

export const dictionaryItems = sqliteTable(
  "dictionary_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: DICTIONARY_KINDS }).notNull(),
    /** Stable machine code (e.g. municipal_tech_enterprise); indicators count by code, never by label. */
    code: text("code").notNull(),
    label: text("label").notNull(),
    /** The label in English (the English interface shows it; the Chinese label when empty). */
    labelEn: text("label_en"),
    sortOrder: integer("sort_order").notNull().default(0),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("dict_kind_code_uq").on(t.kind, t.code),
    uniqueIndex("dict_kind_label_uq").on(t.kind, t.label),
    index("dict_kind_sort_idx").on(t.kind, t.sortOrder),
  ],
);
export type DictionaryItem = typeof dictionaryItems.$inferSelect;

/**
 * One row: a counter the triggers of migration 0023 raise on every insert, update or delete of dictionary_items,
 * whoever writes (the admin's screen, a seed, a raw SQL fix). Caches of labels and options compare it (one
 * indexed read) instead of reading the dictionary again on every request.
 */
export const dictionaryVersion = sqliteTable("dictionary_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull().default(0),
});

// ───────────────────────────── registries ─────────────────────────────
// Every registry row: soft delete (deleted_at/by), optimistic concurrency (version), who/when, sample flag.

const registryColumns = () => ({
  isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  createdBy: integer("created_by").references(() => users.id),
  updatedBy: integer("updated_by").references(() => users.id),
  deletedAt: text("deleted_at"),
  deletedBy: integer("deleted_by").references(() => users.id),
  /** 录入 → 审核: only approved rows count on the board and in the summaries (see review_items). */
  reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("approved"),
});

/**
 * One index per sortable list column: `(deleted_at, <column>, id, …carried)`. The live list's `deleted_at IS NULL`
 * is an equality on the first column (the 已删除 list's `IS NOT NULL` a range on it), `ORDER BY <column>, id` in
 * either direction is the index's own order (no temp B-tree), and the carried columns (scope and filter columns)
 * are tested in the index, so skipped entries of a deep page are never looked up in the table.
 */
function sortIndexes(
  table: string,
  columns: AnySQLiteColumn[],
  deletedAt: AnySQLiteColumn,
  carried: AnySQLiteColumn[],
  /** More carried columns for one sort column's index (by column name): a covering index for the list's 合计. */
  also: Record<string, AnySQLiteColumn[]> = {},
) {
  return columns.map((c) => index(`${table}_sort_${c.name}_idx`).on(deletedAt, c, ...carried, ...(also[c.name] ?? [])));
}

export const enterprises = sqliteTable(
  "enterprises",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    creditCode: text("credit_code").notNull(),
    legalRepresentative: text("legal_representative").notNull(),
    foundedDate: text("founded_date").notNull(),
    /** 注册资本, 万元 */
    registeredCapital: real("registered_capital").notNull(),
    streetId: integer("street_id")
      .notNull()
      .references(() => dictionaryItems.id),
    parkId: integer("park_id").references(() => dictionaryItems.id),
    industryChainId: integer("industry_chain_id").references(() => dictionaryItems.id),
    isAboveScale: integer("is_above_scale", { mode: "boolean" }).notNull().default(false),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    /** 企业官网 */
    website: text("website"),
    status: text("status", { enum: ENTERPRISE_STATUSES }).notNull().default("active"),
    statusChangedAt: text("status_changed_at"),
    /** Denormalised latest annual R&D spend (万元), so the list sorts by it through an index. */
    latestRdExpense: real("latest_rd_expense"),
    latestRevenue: real("latest_revenue"),
    ...registryColumns(),
  },
  (t) => [
    uniqueIndex("enterprises_credit_code_live_uq").on(t.creditCode).where(sql`deleted_at IS NULL`),
    // The deleted ones by code (an import links a record to a deleted enterprise, or restores it): with the index
    // above, a lookup by code is two index searches instead of a scan of the table (1 % of rows are deleted).
    index("enterprises_credit_code_deleted_idx").on(t.creditCode).where(sql`deleted_at IS NOT NULL`),
    // Every sortable list column has an index behind it (tests/unit/registry-read.test.ts and list-plans.test.ts
    // check the definitions and the plans): the live-row filter (deleted_at IS NULL, an equality), the column and
    // the id — the list's total order, either direction, no sort — then what the data scope and the usual filters
    // test, so a scoped or filtered list (and its total) checks them in the index without reading the table.
    ...sortIndexes(
      "enterprises",
      [t.name, t.latestRdExpense, t.createdAt, t.foundedDate, t.registeredCapital],
      t.deletedAt,
      [t.id, t.streetId, t.parkId, t.industryChainId, t.status, t.reviewState, t.createdBy],
      // The 合计 row sums R&D and revenue over the whole filter: from this index alone, never from the table.
      { latest_rd_expense: [t.latestRevenue] },
    ),
    // 仅本人录入: the user's own rows, their total and the default order by a seek.
    index("enterprises_created_by_idx").on(t.createdBy, t.deletedAt, t.createdAt),
    // Filter + the default order (newest first) in one index: a filtered list or export never sorts or walks
    // the whole table (SQLite keeps no statistics here, so the index must make the plan obvious).
    index("enterprises_street_live_created_idx").on(t.streetId, t.deletedAt, t.createdAt),
    index("enterprises_park_live_created_idx").on(t.parkId, t.deletedAt, t.createdAt),
    index("enterprises_chain_idx").on(t.industryChainId, t.deletedAt, t.latestRdExpense),
    index("enterprises_status_idx").on(t.status, t.deletedAt),
    // Covering index for the registry counts' join (is the qualification holder live and active?).
    index("enterprises_id_live_status_idx").on(t.id, t.deletedAt, t.status, t.reviewState),
  ],
);
export type Enterprise = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;

export const enterpriseQualifications = sqliteTable(
  "enterprise_qualifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    typeId: integer("type_id")
      .notNull()
      .references(() => dictionaryItems.id),
    certificateNo: text("certificate_no"),
    awardedDate: text("awarded_date").notNull(),
    /** null = no fixed expiry */
    expiryDate: text("expiry_date"),
    note: text("note"),
    ...registryColumns(),
  },
  (t) => [
    index("quals_enterprise_idx").on(t.enterpriseId, t.deletedAt),
    // Counting holders of a type valid on a date: type → dates, covering.
    index("quals_type_dates_idx").on(t.typeId, t.deletedAt, t.awardedDate, t.expiryDate, t.enterpriseId, t.reviewState),
    index("quals_type_expiry_idx").on(t.typeId, t.expiryDate),
    // 通知与待办: certificates of any type expiring soon (features/notifications/sources/certificates.ts).
    index("quals_expiry_live_idx").on(t.expiryDate, t.deletedAt),
  ],
);
export type EnterpriseQualification = typeof enterpriseQualifications.$inferSelect;

export const enterpriseAnnualFigures = sqliteTable(
  "enterprise_annual_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    year: integer("year").notNull(),
    /** 营业收入, 万元 */
    revenue: real("revenue"),
    /** R&D 经费支出, 万元 */
    rdExpense: real("rd_expense"),
    employees: integer("employees"),
    rdStaff: integer("rd_staff"),
    inventionPatents: integer("invention_patents"),
    ...registryColumns(),
  },
  (t) => [
    uniqueIndex("annual_enterprise_year_live_uq").on(t.enterpriseId, t.year).where(sql`deleted_at IS NULL`),
    index("annual_year_idx").on(t.year, t.deletedAt),
    // Every figure of an enterprise, deleted ones included (its page lists their ids for the history): without it
    // the partial index above cannot answer and the table was scanned (190 ms a detail page at 1m).
    index("annual_enterprise_idx").on(t.enterpriseId),
  ],
);
export type EnterpriseAnnualFigure = typeof enterpriseAnnualFigures.$inferSelect;

export const institutions = sqliteTable(
  "institutions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    typeId: integer("type_id")
      .notNull()
      .references(() => dictionaryItems.id),
    level: text("level", { enum: LEVELS }).notNull(),
    hostEnterpriseId: integer("host_enterprise_id").references(() => enterprises.id),
    hostOrganisation: text("host_organisation"),
    recognisedDate: text("recognised_date").notNull(),
    field: text("field"),
    staffCount: integer("staff_count"),
    status: text("status", { enum: RECORD_STATUSES }).notNull().default("active"),
    ...registryColumns(),
  },
  (t) => [
    index("institutions_type_level_idx").on(t.typeId, t.level, t.deletedAt, t.status, t.recognisedDate, t.reviewState),
    index("institutions_created_by_idx").on(t.createdBy, t.deletedAt, t.createdAt),
    ...sortIndexes("institutions", [t.name, t.recognisedDate, t.staffCount, t.createdAt], t.deletedAt, [
      t.id,
      t.hostEnterpriseId,
      t.reviewState,
      t.createdBy,
      t.status,
    ]),
    index("institutions_host_idx").on(t.hostEnterpriseId),
  ],
);
export type Institution = typeof institutions.$inferSelect;

export const incubators = sqliteTable(
  "incubators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    typeId: integer("type_id")
      .notNull()
      .references(() => dictionaryItems.id),
    level: text("level", { enum: LEVELS }).notNull(),
    operator: text("operator").notNull(),
    streetId: integer("street_id").references(() => dictionaryItems.id),
    address: text("address"),
    /** m² */
    area: real("area"),
    incubatedTotal: integer("incubated_total").notNull().default(0),
    graduatedTotal: integer("graduated_total").notNull().default(0),
    ipItems: integer("ip_items").notNull().default(0),
    highTechCultivated: integer("high_tech_cultivated").notNull().default(0),
    recognisedDate: text("recognised_date"),
    status: text("status", { enum: RECORD_STATUSES }).notNull().default("active"),
    ...registryColumns(),
  },
  (t) => [
    index("incubators_type_idx").on(t.typeId, t.level, t.deletedAt),
    index("incubators_created_by_idx").on(t.createdBy, t.deletedAt, t.createdAt),
    ...sortIndexes(
      "incubators",
      [t.name, t.incubatedTotal, t.ipItems, t.highTechCultivated, t.createdAt],
      t.deletedAt,
      [t.id, t.streetId, t.reviewState, t.createdBy, t.status],
    ),
  ],
);
export type Incubator = typeof incubators.$inferSelect;

export const incubatorTenants = sqliteTable(
  "incubator_tenants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incubatorId: integer("incubator_id")
      .notNull()
      .references(() => incubators.id),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    moveInDate: text("move_in_date").notNull(),
    moveOutDate: text("move_out_date"),
    ...registryColumns(),
  },
  (t) => [
    index("tenants_incubator_idx").on(t.incubatorId, t.deletedAt),
    index("tenants_enterprise_idx").on(t.enterpriseId, t.deletedAt),
  ],
);
export type IncubatorTenant = typeof incubatorTenants.$inferSelect;

export const talents = sqliteTable(
  "talents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: TALENT_KINDS }).notNull().default("person"),
    name: text("name").notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => dictionaryItems.id),
    employerEnterpriseId: integer("employer_enterprise_id").references(() => enterprises.id),
    employerName: text("employer_name"),
    field: text("field"),
    recognisedYear: integer("recognised_year").notNull(),
    programme: text("programme"),
    /** Personal data: masked everywhere unless revealed by an authorised, logged action. */
    phone: text("phone"),
    idNumber: text("id_number"),
    ...registryColumns(),
  },
  (t) => [
    index("talents_category_idx").on(t.categoryId, t.deletedAt, t.recognisedYear, t.reviewState),
    index("talents_created_by_idx").on(t.createdBy, t.deletedAt, t.createdAt),
    ...sortIndexes("talents", [t.name, t.recognisedYear, t.createdAt], t.deletedAt, [
      t.id,
      t.employerEnterpriseId,
      t.reviewState,
      t.createdBy,
      t.categoryId,
    ]),
    index("talents_employer_idx").on(t.employerEnterpriseId),
  ],
);
export type Talent = typeof talents.$inferSelect;

// ───────────────────────────── indicators, district values, targets ─────────────────────────────

export const indicators = sqliteTable(
  "indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    /** The English interface's name, unit (a count noun such as "enterprises"), 口径, source and release lag. */
    nameEn: text("name_en"),
    unitEn: text("unit_en"),
    definitionEn: text("definition_en"),
    dataSourceEn: text("data_source_en"),
    releaseLagEn: text("release_lag_en"),
    periodType: text("period_type", { enum: PERIOD_TYPES }).notNull(),
    direction: text("direction", { enum: DIRECTIONS }).notNull().default("higher"),
    source: text("source", { enum: INDICATOR_SOURCES }).notNull(),
    /** "rank": the value is itself a rank among districts (e.g. 双创指数排名). */
    valueKind: text("value_kind", { enum: VALUE_KINDS }).notNull().default("value"),
    /** For registry_count: which count (see features/kpi/registry-counts.ts). */
    registryRule: text("registry_rule"),
    /** 口径: what is counted and how. */
    definition: text("definition").notNull().default(""),
    dataSource: text("data_source").notNull().default(""),
    releaseLag: text("release_lag").notNull().default(""),
    decimals: integer("decimals").notNull().default(0),
    /** District values add up to the city total (counts, amounts) — so a share of the city makes sense. */
    additive: integer("additive", { mode: "boolean" }).notNull().default(true),
    /** Whether values of every district are collected for ranking. */
    compareDistricts: integer("compare_districts", { mode: "boolean" }).notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    onBoard: integer("on_board", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [index("indicators_sort_idx").on(t.sortOrder)],
);
export type Indicator = typeof indicators.$inferSelect;

/** Each district's value of an indicator in a period (ours too, for reported indicators). */
export const districtValues = sqliteTable(
  "district_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    period: text("period").notNull(),
    districtId: integer("district_id")
      .notNull()
      .references(() => dictionaryItems.id),
    value: real("value").notNull(),
    note: text("note"),
    /** 来源/文号: the document the figure was taken from (e.g. 渝统发〔2021〕12号). */
    sourceDoc: text("source_doc"),
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("district_values_uq").on(t.indicatorId, t.period, t.districtId),
    index("district_values_district_idx").on(t.districtId, t.indicatorId, t.period),
  ],
);
export type DistrictValueRow = typeof districtValues.$inferSelect;

/** The published city total of an indicator in a period (share of city = ours / this). */
export const cityTotals = sqliteTable(
  "city_totals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    period: text("period").notNull(),
    value: real("value").notNull(),
    note: text("note"),
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("city_totals_uq").on(t.indicatorId, t.period)],
);

/** Target per indicator and year: a rank (1 = 全市第一) and optionally a value. */
export const indicatorTargets = sqliteTable(
  "indicator_targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    year: integer("year").notNull(),
    targetRank: integer("target_rank"),
    targetValue: real("target_value"),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("indicator_targets_uq").on(t.indicatorId, t.year)],
);
export type IndicatorTarget = typeof indicatorTargets.$inferSelect;

// ─── Quarterly summaries (季度汇总) ──────────────────────────────────────────────

/**
 * One row per quarter that has been written to (narrative saved or closed); a quarter without a row is a
 * draft with an empty narrative. Closing writes a report_snapshots row; the report points at it.
 */
export const quarterlyReports = sqliteTable("quarterly_reports", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  quarter: text("quarter").notNull().unique(),
  status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
  /** 工作总结 */
  summaryText: text("summary_text").notNull().default(""),
  /** 下季度计划 */
  planText: text("plan_text").notNull().default(""),
  currentSnapshotId: integer("current_snapshot_id"),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  updatedBy: integer("updated_by").references(() => users.id),
});
export type QuarterlyReport = typeof quarterlyReports.$inferSelect;

/**
 * The frozen content of a closed quarter: every indicator row and every registry movement list, as JSON.
 * Immutable (triggers in the migration) except for recording, once, that it was reopened and why.
 * Re-closing writes a new row with the next version number; old versions are kept.
 */
export const reportSnapshots = sqliteTable(
  "report_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => quarterlyReports.id),
    quarter: text("quarter").notNull(),
    snapshotVersion: integer("snapshot_version").notNull(),
    data: text("data", { mode: "json" }).notNull(),
    /** When the figures were read (the data-as-of timestamp on every export). */
    dataAsOf: text("data_as_of").notNull(),
    closedAt: text("closed_at").notNull(),
    closedBy: integer("closed_by")
      .notNull()
      .references(() => users.id),
    closedByName: text("closed_by_name").notNull(),
    reopenedAt: text("reopened_at"),
    reopenedBy: integer("reopened_by").references(() => users.id),
    reopenedByName: text("reopened_by_name"),
    reopenReason: text("reopen_reason"),
  },
  (t) => [
    uniqueIndex("report_snapshots_version_uq").on(t.reportId, t.snapshotVersion),
    index("report_snapshots_quarter_idx").on(t.quarter, t.snapshotVersion),
  ],
);
export type ReportSnapshotRow = typeof reportSnapshots.$inferSelect;

// ───────────────────────────── review (录入 → 审核) ─────────────────────────────

/**
 * A write by a scoped user, waiting for a reviewer. A new record is stored at once with review_state 'pending'
 * (it does not count); a change, deletion or restore of an approved record is stored here only (the approved
 * values keep counting) and applied through the write path when approved. One open item per record.
 */
export const reviewItems = sqliteTable(
  "review_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The write path's objectType (enterprise, enterprise_qualification …) and the row it is about. */
    objectType: text("object_type").notNull(),
    recordId: integer("record_id").notNull(),
    /** The registry the record belongs to and its top record (a qualification's enterprise), for the queue. */
    registry: text("registry").notNull(),
    rootId: integer("root_id").notNull(),
    op: text("op", { enum: REVIEW_OPS }).notNull(),
    /** The operation-log action of the submitted write (enterprise.update, enterprise.delete …). */
    action: text("action").notNull(),
    /** The values to store (create/update), as the write path normalised and checked them. */
    payload: text("payload", { mode: "json" }),
    /** The record's version the submission was made against: a record changed since is not overwritten. */
    baseVersion: integer("base_version").notNull(),
    state: text("state", { enum: REVIEW_ITEM_STATES }).notNull().default("pending"),
    reason: text("reason"),
    submittedBy: integer("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: text("submitted_at").notNull(),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_items_state_idx").on(t.state, t.submittedAt),
    index("review_items_record_idx").on(t.objectType, t.recordId, t.state),
    index("review_items_root_idx").on(t.registry, t.rootId, t.state),
    index("review_items_submitter_idx").on(t.submittedBy, t.state, t.submittedAt),
  ],
);
export type ReviewItem = typeof reviewItems.$inferSelect;
/** 已存筛选: a user's named list filters (a list's URL query), per registry list. Only their owner sees them. */
export const savedFilters = sqliteTable(
  "saved_filters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The list's path without the slash: enterprises, institutions, incubators, talents. */
    list: text("list").notNull(),
    name: text("name").notNull(),
    /** The list's URL query without the page, e.g. "q=软件&street=12". */
    query: text("query").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("saved_filters_user_list_name_uq").on(t.userId, t.list, t.name)],
);
export type SavedFilter = typeof savedFilters.$inferSelect;
// ───────────────────────────── 政策兑现 (policy awards) ─────────────────────────────
// Money is stored exactly, as integer 元 (the policies speak in 万元 = 10 000 元; never a float).

export const AWARD_RULE_KINDS = ["fixed", "rate_of_base_with_cap", "range_by_review"] as const;
export type AwardRuleKind = (typeof AWARD_RULE_KINDS)[number];
/** 免申即享 (computed from the registries) or 申报 (staff record or import applications). */
export const AWARD_MODES = ["automatic", "application"] as const;
export type AwardMode = (typeof AWARD_MODES)[number];
/** 草稿 → 科室审核 → 局领导审批 → 已批准 → 公示 → 拨付 → 已完成. */
export const AWARD_BATCH_STATES = ["draft", "review", "approval", "approved", "publicity", "payment", "done"] as const;
export type AwardBatchState = (typeof AWARD_BATCH_STATES)[number];

/** The policy catalogue: the rule is data (fixed / rate × base with threshold and cap / range by review). */
export const awardPolicies = sqliteTable("award_policies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Stable machine key from the facts file (tech_enterprise_entry …). */
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  /** 政策依据: document title and 文号. */
  basisTitle: text("basis_title").notNull(),
  basisDocNo: text("basis_doc_no"),
  ruleText: text("rule_text").notNull(),
  kind: text("kind", { enum: AWARD_RULE_KINDS }).notNull(),
  mode: text("mode", { enum: AWARD_MODES }).notNull(),
  /** fixed: the amount; range: min/max; rate: base × rateBp / 10 000 when base ≥ threshold, at most cap. */
  amountYuan: integer("amount_yuan"),
  minYuan: integer("min_yuan"),
  maxYuan: integer("max_yuan"),
  rateBp: integer("rate_bp"),
  thresholdYuan: integer("threshold_yuan"),
  capYuan: integer("cap_yuan"),
  /** Eligibility from the registries: the first qualification of this type awarded in the batch year. */
  eligibilityQualCode: text("eligibility_qual_code"),
  eligibilityText: text("eligibility_text"),
  /** 申报材料 (one per line). */
  documents: text("documents"),
  /** 年度预算 (元); null = not set. */
  yearBudgetYuan: integer("year_budget_yuan"),
  activeFrom: integer("active_from").notNull(),
  activeTo: integer("active_to"),
  source: text("source"),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  updatedBy: integer("updated_by").references(() => users.id),
});
export type AwardPolicy = typeof awardPolicies.$inferSelect;

/** One policy × one year. */
export const awardBatches = sqliteTable(
  "award_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    policyId: integer("policy_id")
      .notNull()
      .references(() => awardPolicies.id),
    year: integer("year").notNull(),
    state: text("state", { enum: AWARD_BATCH_STATES }).notNull().default("draft"),
    /** Who prepared it (submitted for review): may not review it. */
    submittedBy: integer("submitted_by").references(() => users.id),
    submittedAt: text("submitted_at"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: text("approved_at"),
    /** The last return (by the reviewer or the leader) and its reason. */
    returnedBy: integer("returned_by").references(() => users.id),
    returnReason: text("return_reason"),
    /** Over the remaining year budget: submitted only with an explicit reason. */
    budgetOverrideReason: text("budget_override_reason"),
    /** Frozen at approval: recipients and total. */
    approvedTotalYuan: integer("approved_total_yuan"),
    approvedCount: integer("approved_count"),
    publicityDocNo: text("publicity_doc_no"),
    publicityStart: text("publicity_start"),
    publicityEnd: text("publicity_end"),
    completedAt: text("completed_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: integer("created_by").references(() => users.id),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("award_batches_policy_year_uq").on(t.policyId, t.year),
    index("award_batches_state_idx").on(t.state),
  ],
);
export type AwardBatch = typeof awardBatches.$inferSelect;

/** A recipient (or an explicit exclusion) in a batch, with the fact that makes it eligible. */
export const awardLines = sqliteTable(
  "award_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => awardBatches.id),
    policyId: integer("policy_id")
      .notNull()
      .references(() => awardPolicies.id),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    /** Snapshot of the enterprise at computation (frozen with the batch at approval). */
    enterpriseName: text("enterprise_name").notNull(),
    creditCode: text("credit_code").notNull(),
    streetId: integer("street_id"),
    parkId: integer("park_id"),
    /** The eligibility fact: the qualification and its date (automatic), or the application (year). */
    qualificationId: integer("qualification_id").references(() => enterpriseQualifications.id),
    factDate: text("fact_date"),
    /** q:<qualification id> or a:<enterprise id>:<year>: the same policy never pays the same fact twice. */
    factKey: text("fact_key").notNull(),
    baseYuan: integer("base_yuan"),
    reviewScore: real("review_score"),
    documents: text("documents"),
    amountYuan: integer("amount_yuan").notNull().default(0),
    excluded: integer("excluded", { mode: "boolean" }).notNull().default(false),
    exclusionReason: text("exclusion_reason"),
    objection: text("objection"),
    objectionResolution: text("objection_resolution", { enum: ["kept", "removed"] }),
    objectionReason: text("objection_reason"),
    paidYuan: integer("paid_yuan").notNull().default(0),
    paymentState: text("payment_state", { enum: ["unpaid", "partial", "paid", "failed"] })
      .notNull()
      .default("unpaid"),
    createdAt: createdAt(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("award_lines_batch_enterprise_uq").on(t.batchId, t.enterpriseId),
    uniqueIndex("award_lines_policy_fact_uq").on(t.policyId, t.factKey).where(sql`excluded = 0`),
    index("award_lines_enterprise_idx").on(t.enterpriseId),
  ],
);
export type AwardLine = typeof awardLines.$inferSelect;

/** 拨付台账: one row per payment attempt of a line (failed ones kept and visible). */
export const awardPayments = sqliteTable(
  "award_payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lineId: integer("line_id")
      .notNull()
      .references(() => awardLines.id),
    batchId: integer("batch_id")
      .notNull()
      .references(() => awardBatches.id),
    paidDate: text("paid_date").notNull(),
    voucherNo: text("voucher_no").notNull(),
    amountYuan: integer("amount_yuan").notNull(),
    status: text("status", { enum: ["paid", "failed"] }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [index("award_payments_batch_idx").on(t.batchId, t.lineId)],
);
export type AwardPayment = typeof awardPayments.$inferSelect;
// ───────────────────────────── notifications ─────────────────────────────

/**
 * Which notification items a user has read. Items themselves are computed on read from the data
 * (features/notifications); an item's key names its state (a certificate and its expiry date, a quarter), so a
 * renewed certificate or a new quarter is a new, unread item.
 */
export const notificationReads = sqliteTable(
  "notification_reads",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    itemKey: text("item_key").notNull(),
    readAt: text("read_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemKey] })],
);

// ───────────────────────────── global search ─────────────────────────────

/**
 * 全局搜索: the registry records whose searched text changed and are not yet in the FTS5 index (search_index /
 * search_bigram, created by the custom migration 0018 with the triggers that fill this queue). Key = registry
 * code × 2^40 + record id (features/registry/search-index.ts drains it).
 */
export const searchQueue = sqliteTable("search_queue", { key: integer("key").primaryKey() });

/** The search index's bookkeeping (the folding version it was built with). */
export const searchMeta = sqliteTable("search_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
