"use server";
import { and, count, eq } from "drizzle-orm";
import { savedFilters } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { z } from "@/lib/zod";
import { allowedKeys } from "./allowed";
import { SAVED_FILTER_LISTS, SAVED_FILTERS_PER_LIST, savedQuery } from "./keys";
import { saveFilterSchema } from "./validations";

// A user's own saved filters of a registry list: a name and the list's URL query. Nobody sees another's.

export const saveFilter = defineAction({
  name: "savedFilter.save",
  permission: "registry.read",
  schema: saveFilterSchema,
  handler: ({ list, name, query }, { tx, user, audit }) => {
    // Only the list's own URL keys are kept (never the page): what is applied later is a plain list URL.
    const clean = savedQuery(query, allowedKeys(list));
    const existing = tx
      .select({ id: savedFilters.id })
      .from(savedFilters)
      .where(and(eq(savedFilters.userId, user.id), eq(savedFilters.list, list), eq(savedFilters.name, name)))
      .get();
    if (existing) {
      // The same name again replaces that filter.
      tx.update(savedFilters).set({ query: clean }).where(eq(savedFilters.id, existing.id)).run();
      audit({ objectType: "savedFilter", objectId: existing.id, after: { list, name, query: clean } });
      return { id: existing.id };
    }
    const n =
      tx
        .select({ n: count() })
        .from(savedFilters)
        .where(and(eq(savedFilters.userId, user.id), eq(savedFilters.list, list)))
        .get()?.n ?? 0;
    if (n >= SAVED_FILTERS_PER_LIST) throw new ActionError("daily.savedFilters.tooMany");
    const row = tx
      .insert(savedFilters)
      .values({ userId: user.id, list, name, query: clean })
      .returning({ id: savedFilters.id })
      .get();
    audit({ objectType: "savedFilter", objectId: row.id, after: { list, name, query: clean } });
    return { id: row.id };
  },
  revalidate: (i) => [`/${i.list}`],
});

export const deleteFilter = defineAction({
  name: "savedFilter.delete",
  permission: "registry.read",
  schema: z.strictObject({ id: z.coerce.number().int().positive(), list: z.enum(SAVED_FILTER_LISTS) }),
  handler: ({ id }, { tx, user, audit }) => {
    // Only one's own: another user's id deletes nothing and is refused.
    const row = tx
      .delete(savedFilters)
      .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, user.id)))
      .returning()
      .get();
    if (!row) throw new ActionError("registry.notFound");
    audit({ objectType: "savedFilter", objectId: id, before: { list: row.list, name: row.name, query: row.query } });
    return { id };
  },
  revalidate: (i) => [`/${i.list}`],
});
