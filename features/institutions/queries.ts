import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { dictionaryItems, enterprises, institutions } from "@/db/schema";
import { resolveDrill } from "@/features/kpi/drill";
import { getRegistryList } from "@/features/registry/list";
import { type RegistryBinding, scopeWhere } from "@/features/registry/query";
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { institutionRegistry } from "./registry";
import type { InstitutionSearch } from "./validations";

/** The list and export read the host enterprise's name and credit code; the rest is the definition's. */
export const institutionBinding: RegistryBinding = {
  table: institutions,
  join: (q) => q.leftJoin(enterprises, eq(enterprises.id, institutions.hostEnterpriseId)),
  values: { hostEnterpriseId: enterprises.name, hostCreditCode: enterprises.creditCode },
  // From a board figure: exactly the records it counts (the counting rule itself).
  where: (db, s) => [resolveDrill(db, "institutions", s as InstitutionSearch)?.where],
};

export function getInstitutions(s: InstitutionSearch) {
  return getRegistryList(institutionRegistry, institutionBinding, s);
}

export async function getInstitution(id: number) {
  const user = await requirePermission("registry.read");
  const row = getDb()
    .select({
      i: institutions,
      type: dictionaryItems.label,
      // The edit form's enterprise picker starts from the current host.
      host: { id: enterprises.id, name: enterprises.name, deletedAt: enterprises.deletedAt },
    })
    .from(institutions)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, institutions.typeId))
    .leftJoin(enterprises, eq(enterprises.id, institutions.hostEnterpriseId))
    .where(and(eq(institutions.id, id), scopeWhere(institutionRegistry, institutions, user.scope)))
    .get();
  if (!row) return null;
  if (row.i.deletedAt && !can(user.role, "registry.restore")) return null;
  return row;
}
export type InstitutionDetail = NonNullable<Awaited<ReturnType<typeof getInstitution>>>;
