import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import type { enterprises, incubators, institutions, talents } from "@/db/schema";
import { ActionError } from "@/lib/action-error";

// Reads of one registry record for the actions that do not write it (the logged reveal of personal data). Every
// write — and its rules — goes through the registry write path (features/registry/write.ts).

// The four registry tables share their bookkeeping columns (id, name, version, deleted_at/by, updated_at/by).
type RegistryTable = typeof enterprises | typeof institutions | typeof incubators | typeof talents;
// Drizzle cannot build queries over a union of tables; every member has these columns, so one stands for all.
const asAny = (t: RegistryTable) => t as unknown as typeof enterprises;

/**
 * Loads a registry record (by default only a live one), or refuses with 记录不存在或已被删除. `where`: the
 * user's data scope over the table (a record outside it is refused exactly like a missing one).
 */
export function loadRecord<T extends RegistryTable>(
  tx: Tx,
  table: T,
  id: number,
  opts: { live?: boolean; where?: SQL } = {},
): T["$inferSelect"] {
  const tb = asAny(table);
  const row = tx
    .select()
    .from(tb)
    .where(and(eq(tb.id, id), opts.where))
    .get();
  if (!row || ((opts.live ?? true) && row.deletedAt)) throw new ActionError("registry.notFound");
  return row as T["$inferSelect"];
}
