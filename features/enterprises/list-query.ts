// The enterprise list's SQL, built without a session so the same statements serve the page, the CSV export and the
// bench's in-process floor (bench/floor.ts). Callers authorise first. Columns, filters and sort come from the
// definition (features/registry/query.ts); only the qualification filter and the board drill are bespoke.

import { and, eq, gte, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { DB } from "@/db";
import { enterpriseQualifications, enterprises } from "@/db/schema";
import { resolveDrill } from "@/features/kpi/drill";
import { type RegistryBinding, registryCountQuery, registryListQuery } from "@/features/registry/query";
import type { DataScope } from "@/lib/scope";
import { todayIso } from "@/lib/time";
import { enterpriseRegistry } from "./registry";
import type { EnterpriseSearch } from "./validations";

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ?qual=<type> holds a live qualification of that type; ?expiring=90 one expiring within that many days. */
function qualificationFilter(db: DB, s: EnterpriseSearch): SQL | undefined {
  if (!s.qual && !s.expiring) return undefined;
  const today = todayIso();
  const qw: (SQL | undefined)[] = [isNull(enterpriseQualifications.deletedAt)];
  if (s.qual) qw.push(eq(enterpriseQualifications.typeId, s.qual));
  if (s.expiring) {
    const days = Math.min(Math.max(Number.parseInt(s.expiring, 10) || 90, 1), 3650);
    qw.push(
      gte(enterpriseQualifications.expiryDate, today),
      lte(enterpriseQualifications.expiryDate, addDays(today, days)),
    );
  } else {
    qw.push(or(isNull(enterpriseQualifications.expiryDate), gte(enterpriseQualifications.expiryDate, today)));
  }
  // The holders as one set (`id IN (…)`: the type's certificates read once from quals_type_dates_idx), not a
  // correlated EXISTS per enterprise — SQLite answered that one by re-reading every certificate of the type for each
  // enterprise (minutes at 100k).
  return inArray(
    enterprises.id,
    db
      .select({ id: enterpriseQualifications.enterpriseId })
      .from(enterpriseQualifications)
      .where(and(...qw)),
  );
}

export const enterpriseBinding: RegistryBinding = {
  table: enterprises,
  where: (db, s) => [
    qualificationFilter(db, s as EnterpriseSearch),
    // From a board figure: exactly the enterprises it counts (the counting rule itself).
    resolveDrill(db, "enterprises", s as EnterpriseSearch)?.where,
  ],
};

export function enterpriseListQuery(db: DB, s: EnterpriseSearch, showDeleted: boolean, scope: DataScope) {
  return registryListQuery(db, enterpriseRegistry, enterpriseBinding, s, showDeleted, scope);
}

/** The total behind the list (same filter). */
export function enterpriseCountQuery(db: DB, s: EnterpriseSearch, showDeleted: boolean, scope: DataScope) {
  return registryCountQuery(db, enterpriseRegistry, enterpriseBinding, s, showDeleted, scope);
}
