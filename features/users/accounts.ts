// What creating an account and resetting its password mean, shared by the admin's user actions and the auditors'
// own account actions (三权分立 decides who may call which; the steps are the same).
import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Role, users } from "@/db/schema";
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
    ],
  });
}

/** Creates an account that must change its one-time password at first sign-in; the username must be free. */
export function insertAccount(
  tx: Tx,
  input: { username: string; displayName: string; role: Role },
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
