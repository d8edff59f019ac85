import "server-only";
import { asc, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { dictionaryItems, UNIT_KINDS, users } from "@/db/schema";
import { requirePermission } from "@/lib/dal";
import { getLocale } from "@/lib/i18n/server";
import { itemLabel } from "@/lib/registry/dictionaries";

export async function getUsers() {
  await requirePermission("user.manage");
  return getDb()
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      lockedUntil: users.lockedUntil,
      isDemo: users.isDemo,
      createdAt: users.createdAt,
      version: users.version,
      unitKind: users.unitKind,
      unitId: users.unitId,
      dataScope: users.dataScope,
    })
    .from(users)
    .orderBy(asc(users.id))
    .all();
}
export type UserRow = Awaited<ReturnType<typeof getUsers>>[number];

/** The units an account can belong to, by kind (科室, 镇街, 园区; 不在园区 is no unit), for the admin's selects. */
export async function getUnitOptions() {
  await requirePermission("user.manage");
  const locale = await getLocale();
  const rows = getDb()
    .select({
      id: dictionaryItems.id,
      kind: dictionaryItems.kind,
      code: dictionaryItems.code,
      label: dictionaryItems.label,
      labelEn: dictionaryItems.labelEn,
      enabled: dictionaryItems.enabled,
    })
    .from(dictionaryItems)
    .where(inArray(dictionaryItems.kind, [...UNIT_KINDS]))
    .orderBy(asc(dictionaryItems.sortOrder), asc(dictionaryItems.id))
    .all();
  return UNIT_KINDS.map((kind) => ({
    kind,
    items: rows
      .filter((r) => r.kind === kind && !(kind === "park" && r.code === "none"))
      .map((r) => ({ value: `${kind}:${r.id}`, label: itemLabel(r, locale), enabled: r.enabled })),
  }));
}
export type UnitOptions = Awaited<ReturnType<typeof getUnitOptions>>;
