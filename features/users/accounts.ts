// What creating an account and resetting its password mean, shared by the admin's user actions and the auditors'
// own account actions (三权分立 decides who may call which; the steps are the same).
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type DataScopeKind, dictionaryItems, type Role, type UnitKind, users } from "@/db/schema";
import { ActionError, staleWrite } from "@/lib/action";
import { generateOneTimePassword, hashPassword } from "@/lib/password";
import { revokeUserSessions } from "@/lib/sessions";
import { nowIso } from "@/lib/time";

type Account = typeof users.$inferSelect;

/** A one-time password and its hash, made before the transaction opens (hashing is slow). */
export async function oneTimePassword() {
  const password = generateOneTimePassword();
  return { password, hash: await hashPassword(password) };
}

/** The account without its password hash, as written to the operation log. */
export function publicFields(u: Account) {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

/** Bookkeeping of every edit of an account: the version moves on and the editor is recorded. */
export const edited = (before: { version: number }, by: number) => ({
  version: before.version + 1,
  updatedAt: nowIso(),
  updatedBy: by,
});

/** Refuses an edit made from a stale page, showing who changed the account and how it stands now. */
export function checkAccountVersion(u: Account, version: number): void {
  if (u.version === version) return;
  throw staleWrite({
    updatedBy: u.updatedBy,
    updatedAt: u.updatedAt,
    current: [
      { label: "users.displayName", value: u.displayName },
      { label: "users.role", valueKey: `roles.${u.role}` },
      { label: "users.status", valueKey: u.disabled ? "users.disabled" : "users.active" },
      { label: "users.mustChange", valueKey: u.mustChangePassword ? "common.yes" : "common.no" },
      { label: "users.dataScope", valueKey: `users.scopes.${u.dataScope}` },
    ],
  });
}

/** Creates an account that must change its one-time password at first sign-in; the username must be free. */
export function insertAccount(
  tx: Tx,
  input: { username: string; displayName: string; role: Role } & Partial<AccountUnit>,
  by: number,
  passwordHash: string,
): Account {
  if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new ActionError("errors.invalidInput", { username: ["users.usernameTaken"] });
  }
  return tx
    .insert(users)
    .values({ ...input, passwordHash, mustChangePassword: true, updatedBy: by })
    .returning()
    .get();
}

/**
 * Issues a new one-time password: the user must change it, a lockout is cleared, and their sessions end now.
 * `reenable` also lifts a disablement (an auditor's reset is how a disabled auditor comes back).
 */
export function resetAccountPassword(tx: Tx, target: Account, by: number, passwordHash: string, reenable = false) {
  tx.update(users)
    .set({
      passwordHash,
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
      ...(reenable ? { disabled: false } : {}),
      ...edited(target, by),
    })
    .where(eq(users.id, target.id))
    .run();
  revokeUserSessions(tx, target.id, "password_reset");
}

export type AccountUnit = { unitKind: UnitKind | null; unitId: number | null; dataScope: DataScopeKind };

/**
 * The form's unit ("<kind>:<id>" or "") and scope → the stored columns. The unit must be an item of that
 * dictionary (a newly chosen one enabled; 不在园区 is no unit); 本单位 needs a 镇街 or 园区 as the unit.
 */
export function resolveUnit(
  tx: Tx,
  input: { unit: string; dataScope: DataScopeKind },
  current?: { unitKind: UnitKind | null; unitId: number | null },
): AccountUnit {
  let unitKind: UnitKind | null = null;
  let unitId: number | null = null;
  if (input.unit) {
    const [kind, raw] = input.unit.split(":");
    const item = tx
      .select()
      .from(dictionaryItems)
      .where(and(eq(dictionaryItems.id, Number(raw)), eq(dictionaryItems.kind, kind as UnitKind)))
      .get();
    const kept = current?.unitKind === kind && current.unitId === item?.id;
    if (!item || (!item.enabled && !kept) || (item.kind === "park" && item.code === "none"))
      throw new ActionError("errors.invalidInput", { unit: ["users.unitInvalid"] });
    unitKind = kind as UnitKind;
    unitId = item.id;
  }
  if (input.dataScope === "unit" && unitKind !== "street" && unitKind !== "park")
    throw new ActionError("errors.invalidInput", { dataScope: ["users.scopeNeedsUnit"] });
  return { unitKind, unitId, dataScope: input.dataScope };
}
