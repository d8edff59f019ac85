// A signed-in user's data scope (全区 / 本镇街·本园区 / 仅本人录入), resolved once from the users row by the DAL.
// The registries declare what "in scope" means for their rows (features/<registry>/registry.ts, `scope`); the
// shared query and write paths apply it. Ids are inlined into the SQL only as checked integers.

import type { DataScopeKind, UnitKind } from "@/db/enums";

/** What a user may reach: everything, the records of one 镇街/园区, or the records they entered. */
export type DataScope =
  /** `approvedOnly`: the whole district, but only approved records (a reader who does not review: the leader). */
  | { kind: "all"; approvedOnly?: boolean }
  | { kind: "unit"; unit: "street" | "park"; unitId: number; userId: number }
  | { kind: "own"; userId: number };
export type RestrictedScope = Exclude<DataScope, { kind: "all" }>;

export const FULL_SCOPE: DataScope = { kind: "all" };

/** An id as a SQL literal: only a positive safe integer is ever inlined. */
export function sqlId(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not an id: ${n}`);
  return String(n);
}

/**
 * The scope of a users row. A 本单位 scope without a 镇街/园区 unit cannot be saved; should one exist anyway it
 * fails closed (仅本人录入), never open. `reviews`: whether the user may see records awaiting review — a reviewer
 * (全区 with registry.review) does; a 全区 reader who does not review (the leader) reaches approved records only.
 * A scoped user reaches their scope's records, pending ones included (their own submissions among them).
 */
export function scopeOf(
  u: {
    id: number;
    dataScope: DataScopeKind;
    unitKind: UnitKind | null;
    unitId: number | null;
  },
  reviews = true,
): DataScope {
  if (u.dataScope === "all") return reviews ? FULL_SCOPE : { kind: "all", approvedOnly: true };
  if (u.dataScope === "unit" && (u.unitKind === "street" || u.unitKind === "park") && u.unitId != null)
    return { kind: "unit", unit: u.unitKind, unitId: u.unitId, userId: u.id };
  return { kind: "own", userId: u.id };
}

/** A registry's scope predicate: SQL over its row `t` (a table name or alias) for a restricted scope. */
export type ScopePredicate = (t: string, s: RestrictedScope) => string;

/** `created_by` = the user: 仅本人录入, and the fall-back of records without a unit of their own. */
export const createdBy = (t: string, s: RestrictedScope) => `${t}.created_by = ${sqlId(s.userId)}`;

/** The predicate's SQL for a scope, or null when the scope reaches everything. */
export function scopeSql(p: ScopePredicate, t: string, s: DataScope): string | null {
  if (s.kind === "all") return s.approvedOnly ? `${t}.review_state = 'approved'` : null;
  return `(${p(t, s)})`;
}
