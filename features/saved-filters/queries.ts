import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { savedFilters } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal";
import type { SavedFilterList } from "./keys";

/** The user's own saved filters of a list, by name. */
export function listSavedFilters(user: CurrentUser, list: SavedFilterList) {
  return getDb()
    .select({ id: savedFilters.id, name: savedFilters.name, query: savedFilters.query })
    .from(savedFilters)
    .where(and(eq(savedFilters.userId, user.id), eq(savedFilters.list, list)))
    .orderBy(asc(savedFilters.name))
    .all();
}
