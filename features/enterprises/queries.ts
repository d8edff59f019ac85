import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import {
  dictionaryItems,
  enterpriseAnnualFigures,
  enterpriseQualifications,
  enterprises,
  incubators,
  incubatorTenants,
  institutions,
  talents,
} from "@/db/schema";
import { incubatorRegistry } from "@/features/incubators/registry";
import { institutionRegistry } from "@/features/institutions/registry";
import { getRegistryList } from "@/features/registry/list";
import { scopeWhere } from "@/features/registry/query";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { enterpriseBinding } from "./list-query";
import { enterpriseRegistry } from "./registry";
import type { EnterpriseSearch } from "./validations";

/** One page and the total; the total (a scan of every matching row) is cached until a registry write. */
export function getEnterprises(s: EnterpriseSearch) {
  return getRegistryList(enterpriseRegistry, enterpriseBinding, s, { cacheCount: true });
}

export async function getEnterprise(id: number) {
  const user = await requirePermission("registry.read");
  const db = getDb();
  // Out of the user's data scope = not found (the same 404 as a missing record).
  const row = db
    .select({ e: enterprises })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), scopeWhere(enterpriseRegistry, enterprises, user.scope)))
    .get();
  if (!row) return null;
  if (row.e.deletedAt && !can(user.role, "registry.restore")) return null;
  const qualifications = db
    .select({ q: enterpriseQualifications, type: dictionaryItems.label, typeCode: dictionaryItems.code })
    .from(enterpriseQualifications)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, enterpriseQualifications.typeId))
    .where(and(eq(enterpriseQualifications.enterpriseId, id), isNull(enterpriseQualifications.deletedAt)))
    .orderBy(desc(enterpriseQualifications.awardedDate))
    .all();
  const annual = db
    .select()
    .from(enterpriseAnnualFigures)
    .where(and(eq(enterpriseAnnualFigures.enterpriseId, id), isNull(enterpriseAnnualFigures.deletedAt)))
    .orderBy(desc(enterpriseAnnualFigures.year))
    .all();
  const linkedInstitutions = db
    .select({ id: institutions.id, name: institutions.name, level: institutions.level, type: dictionaryItems.label })
    .from(institutions)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, institutions.typeId))
    .where(
      and(
        eq(institutions.hostEnterpriseId, id),
        isNull(institutions.deletedAt),
        scopeWhere(institutionRegistry, institutions, user.scope),
      ),
    )
    .all();
  const linkedTalents = db
    .select({ id: talents.id, name: talents.name, category: dictionaryItems.label })
    .from(talents)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, talents.categoryId))
    .where(
      and(
        eq(talents.employerEnterpriseId, id),
        isNull(talents.deletedAt),
        scopeWhere(talentRegistry, talents, user.scope),
      ),
    )
    .all();
  const tenancies = db
    .select({
      id: incubatorTenants.id,
      incubatorId: incubators.id,
      incubator: incubators.name,
      moveInDate: incubatorTenants.moveInDate,
      moveOutDate: incubatorTenants.moveOutDate,
    })
    .from(incubatorTenants)
    .innerJoin(incubators, eq(incubators.id, incubatorTenants.incubatorId))
    .where(
      and(
        eq(incubatorTenants.enterpriseId, id),
        isNull(incubatorTenants.deletedAt),
        scopeWhere(incubatorRegistry, incubators, user.scope),
      ),
    )
    .all();
  const allQualIds = db
    .select({ id: enterpriseQualifications.id })
    .from(enterpriseQualifications)
    .where(eq(enterpriseQualifications.enterpriseId, id))
    .all()
    .map((r) => r.id);
  const allAnnualIds = db
    .select({ id: enterpriseAnnualFigures.id })
    .from(enterpriseAnnualFigures)
    .where(eq(enterpriseAnnualFigures.enterpriseId, id))
    .all()
    .map((r) => r.id);
  return {
    ...row,
    qualifications,
    annual,
    linkedInstitutions,
    linkedTalents,
    tenancies,
    childIds: { qualification: allQualIds, annual: allAnnualIds },
  };
}
export type EnterpriseDetail = NonNullable<Awaited<ReturnType<typeof getEnterprise>>>;
