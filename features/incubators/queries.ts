import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { dictionaryItems, enterprises, incubators, incubatorTenants } from "@/db/schema";
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { clampPage, likeContains, parseSort } from "@/lib/registry/search-params";
import { todayIso } from "@/lib/time";
import { INCUBATOR_SORTS, type IncubatorSearch } from "./validations";

const type = alias(dictionaryItems, "type");
const street = alias(dictionaryItems, "street");

function whereFor(s: IncubatorSearch, showDeleted: boolean): SQL | undefined {
  const w: (SQL | undefined)[] = [showDeleted ? isNotNull(incubators.deletedAt) : isNull(incubators.deletedAt)];
  const q = s.q.trim();
  if (q) w.push(sql`${incubators.name} LIKE ${likeContains(q)} ESCAPE '\\'`);
  if (s.type) w.push(eq(incubators.typeId, s.type));
  if (s.level) w.push(eq(incubators.level, s.level));
  if (s.street) w.push(eq(incubators.streetId, s.street));
  if (s.status) w.push(eq(incubators.status, s.status));
  return and(...w);
}

function orderFor(s: IncubatorSearch) {
  const sort = parseSort(s.sort, INCUBATOR_SORTS, { column: "createdAt", desc: true });
  const col = {
    name: incubators.name,
    incubatedTotal: incubators.incubatedTotal,
    ipItems: incubators.ipItems,
    highTechCultivated: incubators.highTechCultivated,
    createdAt: incubators.createdAt,
  }[sort.column];
  return [sort.desc ? desc(col) : asc(col), desc(incubators.id)];
}

/** Tenants in residence today: live rows not yet moved out (a move-out date in the future still counts). */
function currentTenantCount(today: string) {
  return sql<number>`(SELECT count(*) FROM ${incubatorTenants} WHERE ${incubatorTenants.incubatorId} = ${incubators.id} AND ${incubatorTenants.deletedAt} IS NULL AND (${incubatorTenants.moveOutDate} IS NULL OR ${incubatorTenants.moveOutDate} > ${today}))`;
}

function listQuery(s: IncubatorSearch, showDeleted: boolean) {
  return getDb()
    .select({
      id: incubators.id,
      name: incubators.name,
      type: type.label,
      level: incubators.level,
      operator: incubators.operator,
      street: street.label,
      area: incubators.area,
      incubatedTotal: incubators.incubatedTotal,
      graduatedTotal: incubators.graduatedTotal,
      ipItems: incubators.ipItems,
      highTechCultivated: incubators.highTechCultivated,
      recognisedDate: incubators.recognisedDate,
      status: incubators.status,
      currentTenants: currentTenantCount(todayIso()),
      isSample: incubators.isSample,
      createdAt: incubators.createdAt,
      deletedAt: incubators.deletedAt,
    })
    .from(incubators)
    .innerJoin(type, eq(type.id, incubators.typeId))
    .leftJoin(street, eq(street.id, incubators.streetId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s))
    .$dynamic();
}
export type IncubatorListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["all"]>>[number];

/** One page and the total, read in one transaction (consistent even while others write). */
export async function getIncubators(s: IncubatorSearch) {
  const user = await requirePermission("registry.read");
  const showDeleted = s.deleted && can(user.role, "registry.restore");
  const { perPage, offset, page } = clampPage(s.page, s.perPage);
  return getDb().transaction(() => {
    const rows = listQuery(s, showDeleted).limit(perPage).offset(offset).all();
    const [{ n }] = getDb().select({ n: count() }).from(incubators).where(whereFor(s, showDeleted)).all();
    return { rows, total: n, pageCount: Math.ceil(n / perPage), page, perPage, showDeleted };
  });
}

/** The full filtered list for CSV export, columns in export order (the caller authorises and streams it). */
export function incubatorExportQuery(s: IncubatorSearch, showDeleted: boolean) {
  return getDb()
    .select({
      name: incubators.name,
      type: type.label,
      level: incubators.level,
      operator: incubators.operator,
      street: street.label,
      address: incubators.address,
      area: incubators.area,
      incubatedTotal: incubators.incubatedTotal,
      graduatedTotal: incubators.graduatedTotal,
      ipItems: incubators.ipItems,
      highTechCultivated: incubators.highTechCultivated,
      recognisedDate: incubators.recognisedDate,
      status: incubators.status,
      currentTenants: currentTenantCount(todayIso()),
      isSample: incubators.isSample,
    })
    .from(incubators)
    .innerJoin(type, eq(type.id, incubators.typeId))
    .leftJoin(street, eq(street.id, incubators.streetId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s));
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
      .where(eq(incubators.id, id))
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
