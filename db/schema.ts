import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Timestamps are stored as ISO-8601 strings in UTC (sortable, readable in exports).
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);

export const ROLES = ["admin", "staff", "leader", "auditor"] as const;
export type Role = (typeof ROLES)[number];

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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
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

export const DICTIONARY_KINDS = [
  "street",
  "park",
  "industry_chain",
  "qualification_type",
  "institution_type",
  "incubator_type",
  "talent_category",
  "district",
] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

export const dictionaryItems = sqliteTable(
  "dictionary_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: DICTIONARY_KINDS }).notNull(),
    /** Stable machine code (e.g. municipal_tech_enterprise); indicators count by code, never by label. */
    code: text("code").notNull(),
    label: text("label").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("dict_kind_code_uq").on(t.kind, t.code),
    uniqueIndex("dict_kind_label_uq").on(t.kind, t.label),
    index("dict_kind_sort_idx").on(t.kind, t.sortOrder),
  ],
);
export type DictionaryItem = typeof dictionaryItems.$inferSelect;
