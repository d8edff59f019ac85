// The scope predicates the registries declare (`scope` in their definitions): which rows a scoped user reaches.
// Plain SQL text over a row `t` (ids inlined only as checked integers), so one predicate serves the list, its
// total and exports (drizzle `sql.raw`), the detail pages, the enterprise picker and the write path (raw
// better-sqlite3), where it is also evaluated on the values about to be stored.

import type { DictOptions } from "@/lib/registry/dictionaries";
import { createdBy, type DataScope, type RestrictedScope, type ScopePredicate, sqlId } from "@/lib/scope";

export type { ScopePredicate } from "@/lib/scope";

/** A registry's scope: its predicate and the field a write that leaves the scope is refused on. */
export type ScopeRule = {
  where: ScopePredicate;
  /**
   * The form field that decides the unit (所属镇街, 所属园区, the host enterprise…): a create or update that would
   * put the record outside the user's scope is refused under it. None: a child row, refused as not found.
   */
  field?: string | ((s: RestrictedScope) => string);
};

const unitColumn = (s: Extract<RestrictedScope, { kind: "unit" }>) => (s.unit === "street" ? "street_id" : "park_id");

/** An enterprise: by its 所属镇街 / 所属园区; 仅本人录入 by whoever entered it. */
export const enterpriseScope: ScopePredicate = (t, s) =>
  s.kind === "own" ? createdBy(t, s) : `${t}.${unitColumn(s)} = ${sqlId(s.unitId)}`;

/**
 * A record linked to an enterprise (an institution's host, a talent's employer): in a unit's scope with that
 * enterprise; without a linked enterprise, the records the user entered.
 */
export const throughEnterprise =
  (column: string): ScopePredicate =>
  (t, s) =>
    s.kind === "own"
      ? createdBy(t, s)
      : `EXISTS (SELECT 1 FROM enterprises scope_e WHERE scope_e.id = ${t}.${column} AND ${enterpriseScope("scope_e", s)}) OR (${t}.${column} IS NULL AND ${createdBy(t, s)})`;

/** A child row (qualification, annual figures, tenancy): in scope exactly when its parent is. */
export const throughParent =
  (parentTable: string, column: string, parent: ScopePredicate): ScopePredicate =>
  (t, s) =>
    `EXISTS (SELECT 1 FROM ${parentTable} scope_p WHERE scope_p.id = ${t}.${column} AND ${parent("scope_p", s)})`;

/** The field a refused write names, for this scope. */
export function scopeField(rule: ScopeRule, s: RestrictedScope): string | undefined {
  return typeof rule.field === "function" ? rule.field(s) : rule.field;
}

/**
 * The 镇街 / 园区 choices a scoped user may write: only their own unit (a 全区 or 仅本人录入 user keeps every
 * option). The write path refuses anything else anyway; the form just does not offer it.
 */
export function optionsWithinScope(options: DictOptions, scope: DataScope): DictOptions {
  if (scope.kind !== "unit") return options;
  return { ...options, [scope.unit]: (options[scope.unit] ?? []).filter((o) => o.id === scope.unitId) };
}

/** A new record's preselected unit for a user scoped to a 镇街 (streetId) or 园区 (parkId). */
export function scopeDefaults(scope: DataScope): Record<string, number> {
  if (scope.kind !== "unit") return {};
  return scope.unit === "street" ? { streetId: scope.unitId } : { parkId: scope.unitId };
}
