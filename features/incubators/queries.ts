import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { dictionaryItems, enterprises, incubators, incubatorTenants } from "@/db/schema";
import { getRegistryList } from "@/features/registry/list";
import { type RegistryBinding, scopeWhere } from "@/features/registry/query";
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { todayIso } from "@/lib/time";
import { incubatorRegistry } from "./registry";
import type { IncubatorSearch } from "./validations";

const type = alias(dictionaryItems, "type");
const street = alias(dictionaryItems, "street");

/** Tenants in residence today: live rows not yet moved out (a move-out date in the future still counts). */
function currentTenantCount(today: string) {
  return sql<number>`(SELECT count(*) FROM ${incubatorTenants} WHERE ${incubatorTenants.incubatorId} = ${incubators.id} AND ${incubatorTenants.deletedAt} IS NULL AND (${incubatorTenants.moveOutDate} IS NULL OR ${incubatorTenants.moveOutDate} > ${today}))`;
}

/** The list and export count the current tenants (one indexed subquery per shown row); the rest is the definition's. */
export const incubatorBinding: RegistryBinding = {
  table: incubators,
  get values() {
    return { currentTenants: currentTenantCount(todayIso()) };
  },
};

export function getIncubators(s: IncubatorSearch) {
  return getRegistryList(incubatorRegistry, incubatorBinding, s);
}

export async function getIncubator(id: number) {
  const user = await requirePermission("registry.read");
  const db = getDb();
  return db.transaction(() => {
    const row = db
      .select({ i: incubators, type: type.label, street: street.label })
      .from(incubators)
      .innerJoin(type, eq(type.id, incubators.typeId))
      .leftJoin(street, eq(street.id, incubators.streetId))
      .where(and(eq(incubators.id, id), scopeWhere(incubatorRegistry, incubators, user.scope)))
      .get();
    if (!row) return null;
    if (row.i.deletedAt && !can(user.role, "registry.restore")) return null;
    const tenants = db
      .select({
        id: incubatorTenants.id,
        version: incubatorTenants.version,
        enterpriseId: enterprises.id,
        enterprise: enterprises.name,
        creditCode: enterprises.creditCode,
        enterpriseDeleted: sql<boolean>`${enterprises.deletedAt} IS NOT NULL`.mapWith(Boolean),
        moveInDate: incubatorTenants.moveInDate,
        moveOutDate: incubatorTenants.moveOutDate,
      })
      .from(incubatorTenants)
      .innerJoin(enterprises, eq(enterprises.id, incubatorTenants.enterpriseId))
      .where(and(eq(incubatorTenants.incubatorId, id), isNull(incubatorTenants.deletedAt)))
      .orderBy(desc(incubatorTenants.moveInDate), desc(incubatorTenants.id))
      .all();
    // Every tenant row ever attached (removed ones too), so the history tab shows their adds and removals.
    const allTenantIds = db
      .select({ id: incubatorTenants.id })
      .from(incubatorTenants)
      .where(eq(incubatorTenants.incubatorId, id))
      .all()
      .map((r) => r.id);
    return { ...row, tenants, allTenantIds };
  });
}
export type IncubatorDetail = NonNullable<Awaited<ReturnType<typeof getIncubator>>>;
