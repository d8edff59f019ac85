import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
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
import { cachedListCount } from "@/features/kpi/registry-counts";
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { clampPage } from "@/lib/registry/search-params";
import { enterpriseCountQuery, enterpriseListQuery } from "./list-query";
import type { EnterpriseSearch } from "./validations";

const street = alias(dictionaryItems, "street");
const park = alias(dictionaryItems, "park");
const chain = alias(dictionaryItems, "chain");

/** One page and the total, read in one transaction (consistent even while others write). */
export async function getEnterprises(s: EnterpriseSearch) {
  const user = await requirePermission("registry.read");
  const showDeleted = s.deleted && can(user.role, "registry.restore");
  const { perPage, offset, page } = clampPage(s.page, s.perPage);
  const db = getDb();
  return db.transaction(() => {
    const rows = enterpriseListQuery(db, s, showDeleted).limit(perPage).offset(offset).all();
    // The page is always read fresh; the total (a scan of every matching row) is cached until a registry write.
    const countQuery = enterpriseCountQuery(db, s, showDeleted);
    const n = cachedListCount(countQuery, () => countQuery.all()[0].n);
    return { rows, total: n, pageCount: Math.ceil(n / perPage), page, perPage, showDeleted };
  });
}

export async function getEnterprise(id: number) {
  const user = await requirePermission("registry.read");
  const db = getDb();
  const row = db
    .select({
      e: enterprises,
      street: street.label,
      park: park.label,
      industryChain: chain.label,
    })
    .from(enterprises)
    .leftJoin(street, eq(street.id, enterprises.streetId))
    .leftJoin(park, eq(park.id, enterprises.parkId))
    .leftJoin(chain, eq(chain.id, enterprises.industryChainId))
    .where(eq(enterprises.id, id))
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
