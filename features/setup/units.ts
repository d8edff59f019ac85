import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { dictionaryItems, UNIT_KINDS, users } from "@/db/schema";
import type { UnitChoice } from "./user-import";

/** Every unit an account can belong to (科室, 镇街, 园区; 不在园区 is no unit), for the user import. */
export function unitChoices(tx: Tx | DB): UnitChoice[] {
  return tx
    .select({
      id: dictionaryItems.id,
      kind: dictionaryItems.kind,
      code: dictionaryItems.code,
      label: dictionaryItems.label,
      enabled: dictionaryItems.enabled,
    })
    .from(dictionaryItems)
    .where(inArray(dictionaryItems.kind, [...UNIT_KINDS]))
    .orderBy(asc(dictionaryItems.sortOrder), asc(dictionaryItems.id))
    .all()
    .filter((r) => !(r.kind === "park" && r.code === "none"))
    .map((r) => ({ id: r.id, kind: r.kind as UnitChoice["kind"], label: r.label, enabled: r.enabled }));
}

/** Usernames in use (lower-cased: a new account may not differ from one only by letter case). */
export function takenUsernames(tx: Tx | DB): Set<string> {
  return new Set(
    tx
      .select({ u: users.username })
      .from(users)
      .all()
      .map((r) => r.u.toLowerCase()),
  );
}
