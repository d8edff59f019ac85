import "server-only";
import { and, asc, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { enterprises } from "@/db/schema";
import { requirePermission } from "@/lib/dal";
import { likeContains, likePrefix } from "./search-params";

export type EnterpriseOption = { id: number; name: string; creditCode: string };

/**
 * Live enterprises whose name contains, or whose credit code starts with, the text (empty text: the first
 * ones by name) — the one search behind every enterprise picker. The route that serves it authorises first and
 * passes the user's data scope (`where`, from features/enterprises/lookup.ts): a picker offers nothing outside it.
 */
export function searchLiveEnterprises(text: string, where: SQL | undefined, limit = 20): EnterpriseOption[] {
  const q = text.trim().slice(0, 100);
  return getDb()
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(
      and(
        isNull(enterprises.deletedAt),
        where,
        q
          ? or(
              sql`${enterprises.name} LIKE ${likeContains(q)} ESCAPE '\\'`,
              sql`${enterprises.creditCode} LIKE ${likePrefix(q.toUpperCase())} ESCAPE '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(limit)
    .all();
}

/** Names of the enterprises a record's history refers to (history entries store ids), deleted ones included. */
export async function getEnterpriseNames(ids: number[]): Promise<Map<number, string>> {
  await requirePermission("registry.read");
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(inArray(enterprises.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The enterprises a record links to (detail views): name, and whether it has been deleted since. */
export async function getEnterpriseRefs(ids: number[]): Promise<Map<number, { name: string; deleted: boolean }>> {
  await requirePermission("registry.read");
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: enterprises.id, name: enterprises.name, deletedAt: enterprises.deletedAt })
    .from(enterprises)
    .where(inArray(enterprises.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, { name: r.name, deleted: r.deletedAt != null }]));
}
