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
import { getRegistryList } from "@/features/registry/list";
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
  const row = db.select({ e: enterprises }).from(enterprises).where(eq(enterprises.id, id)).get();
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
    .where(and(eq(institutions.hostEnterpriseId, id), isNull(institutions.deletedAt)))
    .all();
  const linkedTalents = db
    .select({ id: talents.id, name: talents.name, category: dictionaryItems.label })
    .from(talents)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, talents.categoryId))
    .where(and(eq(talents.employerEnterpriseId, id), isNull(talents.deletedAt)))
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
    .where(and(eq(incubatorTenants.enterpriseId, id), isNull(incubatorTenants.deletedAt)))
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
