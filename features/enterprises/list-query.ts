// The enterprise list's SQL, built without a session so the same statements serve the page, the CSV export and the
// bench's in-process floor (bench/floor.ts). Callers authorise first.
import { and, asc, count, desc, eq, exists, gte, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "@/db";
import { dictionaryItems, enterpriseQualifications, enterprises } from "@/db/schema";
import { resolveDrill } from "@/features/kpi/drill";
import { likeContains, likePrefix, parseSort } from "@/lib/registry/search-params";
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

export function enterpriseWhere(db: DB, s: EnterpriseSearch, showDeleted: boolean): SQL | undefined {
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
  // From a board figure: exactly the enterprises it counts (the counting rule itself).
  const drill = resolveDrill(db, "enterprises", s);
  if (drill) w.push(drill.where);
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
        db
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

export function enterpriseListQuery(db: DB, s: EnterpriseSearch, showDeleted: boolean) {
  return db
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
    .where(enterpriseWhere(db, s, showDeleted))
    .orderBy(...orderFor(s))
    .$dynamic();
}
export type EnterpriseListRow = Awaited<ReturnType<ReturnType<typeof enterpriseListQuery>["all"]>>[number];

/** The total behind the list (same filter). */
export function enterpriseCountQuery(db: DB, s: EnterpriseSearch, showDeleted: boolean) {
  return db
    .select({ n: count() })
    .from(enterprises)
    .where(enterpriseWhere(db, s, showDeleted));
}

/** The full filtered list for CSV export, columns in export order (the caller streams it). */
export function enterpriseExportQuery(db: DB, s: EnterpriseSearch, showDeleted: boolean) {
  return db
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
    .where(enterpriseWhere(db, s, showDeleted))
    .orderBy(...orderFor(s));
}
