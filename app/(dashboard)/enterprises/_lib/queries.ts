import "server-only";
import { and, asc, count, desc, eq, exists, gte, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
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
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { clampPage, likeContains, likePrefix, parseSort } from "@/lib/registry/search-params";
import { todayIso } from "@/lib/time";
import { ENTERPRISE_SORTS, type EnterpriseSearch } from "./validations";

const street = alias(dictionaryItems, "street");
const park = alias(dictionaryItems, "park");
const chain = alias(dictionaryItems, "chain");

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function whereFor(s: EnterpriseSearch, showDeleted: boolean): SQL | undefined {
  const w: (SQL | undefined)[] = [showDeleted ? isNotNull(enterprises.deletedAt) : isNull(enterprises.deletedAt)];
  const q = s.q.trim();
  if (q) {
    w.push(
      or(
        sql`${enterprises.name} LIKE ${likeContains(q)} ESCAPE '\\'`,
        sql`${enterprises.creditCode} LIKE ${likePrefix(q.toUpperCase())} ESCAPE '\\'`,
      ),
    );
  }
  if (s.street) w.push(eq(enterprises.streetId, s.street));
  if (s.park) w.push(eq(enterprises.parkId, s.park));
  if (s.chain) w.push(eq(enterprises.industryChainId, s.chain));
  if (s.status) w.push(eq(enterprises.status, s.status));
  if (s.scale) w.push(eq(enterprises.isAboveScale, s.scale === "yes"));
  if (s.foundedFrom) w.push(gte(enterprises.foundedDate, `${s.foundedFrom}-01-01`));
  if (s.foundedTo) w.push(lte(enterprises.foundedDate, `${s.foundedTo}-12-31`));
  if (s.qual || s.expiring) {
    const today = todayIso();
    const qw: (SQL | undefined)[] = [
      eq(enterpriseQualifications.enterpriseId, enterprises.id),
      isNull(enterpriseQualifications.deletedAt),
    ];
    if (s.qual) qw.push(eq(enterpriseQualifications.typeId, s.qual));
    if (s.expiring) {
      // ?expiring=90: holds a qualification (of the chosen type) expiring within that many days.
      const days = Math.min(Math.max(Number.parseInt(s.expiring, 10) || 90, 1), 3650);
      qw.push(
        gte(enterpriseQualifications.expiryDate, today),
        lte(enterpriseQualifications.expiryDate, addDays(today, days)),
      );
    } else {
      qw.push(or(isNull(enterpriseQualifications.expiryDate), gte(enterpriseQualifications.expiryDate, today)));
    }
    w.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(enterpriseQualifications)
          .where(and(...qw)),
      ),
    );
  }
  return and(...w);
}

function orderFor(s: EnterpriseSearch) {
  const sort = parseSort(s.sort, ENTERPRISE_SORTS, { column: "createdAt", desc: true });
  const col = {
    name: enterprises.name,
    foundedDate: enterprises.foundedDate,
    registeredCapital: enterprises.registeredCapital,
    latestRdExpense: enterprises.latestRdExpense,
    createdAt: enterprises.createdAt,
  }[sort.column];
  return [sort.desc ? desc(col) : asc(col), desc(enterprises.id)];
}

function listQuery(s: EnterpriseSearch, showDeleted: boolean) {
  return getDb()
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      legalRepresentative: enterprises.legalRepresentative,
      foundedDate: enterprises.foundedDate,
      registeredCapital: enterprises.registeredCapital,
      street: street.label,
      park: park.label,
      industryChain: chain.label,
      isAboveScale: enterprises.isAboveScale,
      status: enterprises.status,
      latestRdExpense: enterprises.latestRdExpense,
      latestRevenue: enterprises.latestRevenue,
      isSample: enterprises.isSample,
      createdAt: enterprises.createdAt,
      deletedAt: enterprises.deletedAt,
    })
    .from(enterprises)
    .leftJoin(street, eq(street.id, enterprises.streetId))
    .leftJoin(park, eq(park.id, enterprises.parkId))
    .leftJoin(chain, eq(chain.id, enterprises.industryChainId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s))
    .$dynamic();
}
export type EnterpriseListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["all"]>>[number];

/** One page and the total, read in one transaction (consistent even while others write). */
export async function getEnterprises(s: EnterpriseSearch) {
  const user = await requirePermission("registry.read");
  const showDeleted = s.deleted && can(user.role, "registry.restore");
  const { perPage, offset, page } = clampPage(s.page, s.perPage);
  return getDb().transaction(() => {
    const rows = listQuery(s, showDeleted).limit(perPage).offset(offset).all();
    const [{ n }] = getDb().select({ n: count() }).from(enterprises).where(whereFor(s, showDeleted)).all();
    return { rows, total: n, pageCount: Math.ceil(n / perPage), page, perPage, showDeleted };
  });
}

/** The full filtered list for CSV export, columns in export order (the caller streams it). */
export function enterpriseExportQuery(s: EnterpriseSearch, showDeleted: boolean) {
  return getDb()
    .select({
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      legalRepresentative: enterprises.legalRepresentative,
      foundedDate: enterprises.foundedDate,
      registeredCapital: enterprises.registeredCapital,
      street: street.label,
      park: park.label,
      industryChain: chain.label,
      isAboveScale: enterprises.isAboveScale,
      status: enterprises.status,
      latestRevenue: enterprises.latestRevenue,
      latestRdExpense: enterprises.latestRdExpense,
      contactName: enterprises.contactName,
      contactPhone: enterprises.contactPhone,
      isSample: enterprises.isSample,
    })
    .from(enterprises)
    .leftJoin(street, eq(street.id, enterprises.streetId))
    .leftJoin(park, eq(park.id, enterprises.parkId))
    .leftJoin(chain, eq(chain.id, enterprises.industryChainId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s));
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
