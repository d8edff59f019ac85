import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { dictionaryItems, enterprises, talents } from "@/db/schema";
import { resolveDrill } from "@/features/kpi/drill";
import { requirePermission } from "@/lib/dal";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { clampPage, likeContains, parseSort } from "@/lib/registry/search-params";
import { TALENT_SORTS, type TalentSearch } from "./validations";

// Personal data rule: the phone and ID number leave this module masked. The unmasked values are read only by
// the logged `talent.reveal` action (actions.ts), never by a page, so they cannot reach HTML or an RSC payload.

function whereFor(s: TalentSearch, showDeleted: boolean): SQL | undefined {
  const w: (SQL | undefined)[] = [showDeleted ? isNotNull(talents.deletedAt) : isNull(talents.deletedAt)];
  const q = s.q.trim();
  if (q) w.push(sql`${talents.name} LIKE ${likeContains(q)} ESCAPE '\\'`);
  if (s.category) w.push(eq(talents.categoryId, s.category));
  if (s.kind) w.push(eq(talents.kind, s.kind));
  if (s.yearFrom) w.push(gte(talents.recognisedYear, s.yearFrom));
  if (s.yearTo) w.push(lte(talents.recognisedYear, s.yearTo));
  // From a board figure: exactly the records it counts (the counting rule itself).
  const drill = resolveDrill(getDb(), "talents", s);
  if (drill) w.push(drill.where);
  return and(...w);
}

function orderFor(s: TalentSearch) {
  const sort = parseSort(s.sort, TALENT_SORTS, { column: "createdAt", desc: true });
  const col = { name: talents.name, recognisedYear: talents.recognisedYear, createdAt: talents.createdAt }[sort.column];
  return [sort.desc ? desc(col) : asc(col), desc(talents.id)];
}

/** The linked enterprise's name wins over the free-text employer. */
const employerExpr = sql<string | null>`coalesce(${enterprises.name}, ${talents.employerName})`;

function listQuery(s: TalentSearch, showDeleted: boolean) {
  return getDb()
    .select({
      id: talents.id,
      kind: talents.kind,
      name: talents.name,
      category: dictionaryItems.label,
      employer: employerExpr,
      employerEnterpriseId: talents.employerEnterpriseId,
      field: talents.field,
      recognisedYear: talents.recognisedYear,
      programme: talents.programme,
      phone: talents.phone,
      idNumber: talents.idNumber,
      isSample: talents.isSample,
      createdAt: talents.createdAt,
      deletedAt: talents.deletedAt,
    })
    .from(talents)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, talents.categoryId))
    .leftJoin(enterprises, eq(enterprises.id, talents.employerEnterpriseId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s))
    .$dynamic();
}

type RawListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["all"]>>[number];
export type TalentListRow = Omit<RawListRow, "phone" | "idNumber"> & { phoneMasked: string; idNumberMasked: string };

function maskRow({ phone, idNumber, ...rest }: RawListRow): TalentListRow {
  return { ...rest, phoneMasked: maskPhone(phone), idNumberMasked: maskIdNumber(idNumber) };
}

/** One page and the total, read in one transaction; personal data masked before it leaves the server. */
export async function getTalents(s: TalentSearch) {
  const user = await requirePermission("registry.read");
  const showDeleted = s.deleted && can(user.role, "registry.restore");
  const { perPage, offset, page } = clampPage(s.page, s.perPage);
  return getDb().transaction(() => {
    const rows = listQuery(s, showDeleted).limit(perPage).offset(offset).all().map(maskRow);
    const [{ n }] = getDb().select({ n: count() }).from(talents).where(whereFor(s, showDeleted)).all();
    return { rows, total: n, pageCount: Math.ceil(n / perPage), page, perPage, showDeleted };
  });
}

/** The full filtered list for CSV export, columns in export order (the route masks phone and ID number). */
export function talentExportQuery(s: TalentSearch, showDeleted: boolean) {
  return getDb()
    .select({
      name: talents.name,
      kind: talents.kind,
      category: dictionaryItems.label,
      employer: employerExpr,
      field: talents.field,
      recognisedYear: talents.recognisedYear,
      programme: talents.programme,
      phone: talents.phone,
      idNumber: talents.idNumber,
      isSample: talents.isSample,
    })
    .from(talents)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, talents.categoryId))
    .leftJoin(enterprises, eq(enterprises.id, talents.employerEnterpriseId))
    .where(whereFor(s, showDeleted))
    .orderBy(...orderFor(s));
}

/** One talent for the detail and edit pages, with the phone and ID number masked (raw values omitted). */
export async function getTalent(id: number) {
  const user = await requirePermission("registry.read");
  const row = getDb()
    .select({
      t: talents,
      category: dictionaryItems.label,
      employerEnterpriseName: enterprises.name,
      employerEnterpriseDeletedAt: enterprises.deletedAt,
    })
    .from(talents)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, talents.categoryId))
    .leftJoin(enterprises, eq(enterprises.id, talents.employerEnterpriseId))
    .where(eq(talents.id, id))
    .get();
  if (!row) return null;
  if (row.t.deletedAt && !can(user.role, "registry.restore")) return null;
  const { phone, idNumber, ...talent } = row.t;
  return {
    talent: {
      ...talent,
      phoneMasked: maskPhone(phone),
      idNumberMasked: maskIdNumber(idNumber),
      hasIdNumber: idNumber != null,
    },
    category: row.category,
    employerEnterpriseName: row.employerEnterpriseName,
    employerEnterpriseLive: row.employerEnterpriseName != null && row.employerEnterpriseDeletedAt == null,
  };
}
export type TalentDetail = NonNullable<Awaited<ReturnType<typeof getTalent>>>;
export type MaskedTalent = TalentDetail["talent"];
