import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { dictionaryItems, enterprises, institutions } from "@/db/schema";
import { resolveDrill } from "@/features/kpi/drill";
import { requirePermission } from "@/lib/dal";
import { can } from "@/lib/permissions";
import { clampPage, likeContains, parseSort } from "@/lib/registry/search-params";
import { INSTITUTION_SORTS, type InstitutionSearch } from "./validations";

function whereFor(s: InstitutionSearch, showDeleted: boolean): SQL | undefined {
  const w: (SQL | undefined)[] = [showDeleted ? isNotNull(institutions.deletedAt) : isNull(institutions.deletedAt)];
  const q = s.q.trim();
  if (q) w.push(sql`${institutions.name} LIKE ${likeContains(q)} ESCAPE '\\'`);
  if (s.type) w.push(eq(institutions.typeId, s.type));
  if (s.level) w.push(eq(institutions.level, s.level));
  if (s.status) w.push(eq(institutions.status, s.status));
  if (s.yearFrom) w.push(gte(institutions.recognisedDate, `${s.yearFrom}-01-01`));
  if (s.yearTo) w.push(lte(institutions.recognisedDate, `${s.yearTo}-12-31`));
  // From a board figure: exactly the records it counts (the counting rule itself).
  const drill = resolveDrill(getDb(), "institutions", s);
  if (drill) w.push(drill.where);
  return and(...w);
}

function orderFor(s: InstitutionSearch) {
  const sort = parseSort(s.sort, INSTITUTION_SORTS, { column: "createdAt", desc: true });
  const col = {
    name: institutions.name,
    recognisedDate: institutions.recognisedDate,
    staffCount: institutions.staffCount,
    createdAt: institutions.createdAt,
  }[sort.column];
  return [sort.desc ? desc(col) : asc(col), desc(institutions.id)];
}

function listQuery(s: InstitutionSearch, showDeleted: boolean) {
  return getDb()
    .select({
      id: institutions.id,
      name: institutions.name,
      type: dictionaryItems.label,
      level: institutions.level,
      hostEnterpriseId: institutions.hostEnterpriseId,
      hostEnterprise: enterprises.name,
      hostOrganisation: institutions.hostOrganisation,
      recognisedDate: institutions.recognisedDate,
      field: institutions.field,
      staffCount: institutions.staffCount,
      status: institutions.status,
      isSample: institutions.isSample,
      createdAt: institutions.createdAt,
      deletedAt: institutions.deletedAt,
    })
    .from(institutions)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, institutions.typeId))
    .leftJoin(enterprises, eq(enterprises.id, institutions.hostEnterpriseId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s))
    .$dynamic();
}
export type InstitutionListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["all"]>>[number];

/** One page and the total, read in one transaction (consistent even while others write). */
export async function getInstitutions(s: InstitutionSearch) {
  const user = await requirePermission("registry.read");
  const showDeleted = s.deleted && can(user.role, "registry.restore");
  const { perPage, offset, page } = clampPage(s.page, s.perPage);
  return getDb().transaction(() => {
    const rows = listQuery(s, showDeleted).limit(perPage).offset(offset).all();
    const [{ n }] = getDb().select({ n: count() }).from(institutions).where(whereFor(s, showDeleted)).all();
    return { rows, total: n, pageCount: Math.ceil(n / perPage), page, perPage, showDeleted };
  });
}

/** The full filtered list for CSV export, columns in export order (the caller authorizes and streams it). */
export function institutionExportQuery(s: InstitutionSearch, showDeleted: boolean) {
  return getDb()
    .select({
      name: institutions.name,
      type: dictionaryItems.label,
      level: institutions.level,
      hostEnterprise: enterprises.name,
      hostCreditCode: enterprises.creditCode,
      hostOrganisation: institutions.hostOrganisation,
      recognisedDate: institutions.recognisedDate,
      field: institutions.field,
      staffCount: institutions.staffCount,
      status: institutions.status,
      isSample: institutions.isSample,
    })
    .from(institutions)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, institutions.typeId))
    .leftJoin(enterprises, eq(enterprises.id, institutions.hostEnterpriseId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s));
}

export async function getInstitution(id: number) {
  const user = await requirePermission("registry.read");
  const row = getDb()
    .select({
      i: institutions,
      type: dictionaryItems.label,
      host: { id: enterprises.id, name: enterprises.name, deletedAt: enterprises.deletedAt },
    })
    .from(institutions)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, institutions.typeId))
    .leftJoin(enterprises, eq(enterprises.id, institutions.hostEnterpriseId))
    .where(eq(institutions.id, id))
    .get();
  if (!row) return null;
  if (row.i.deletedAt && !can(user.role, "registry.restore")) return null;
  return row;
}
export type InstitutionDetail = NonNullable<Awaited<ReturnType<typeof getInstitution>>>;
