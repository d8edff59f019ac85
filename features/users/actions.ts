"use server";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { adminMayManage } from "@/lib/permissions";
import { revokeUserSessions } from "@/lib/sessions";
import {
  checkAccountVersion,
  edited,
  insertAccount,
  oneTimePassword,
  publicFields,
  resetAccountPassword,
  resolveUnit,
} from "./accounts";
import { changeRoleSchema, changeScopeSchema, createUserSchema, userIdSchema } from "./validations";

const PATH = ["/admin/users"];

/**
 * Loads an account the admin may act on — never an auditor's (三权分立: only auditors manage auditors) — and
 * refuses an edit made from a stale page (another admin changed it since).
 */
function loadUser(tx: Tx, id: number, version: number) {
  const u = tx.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new ActionError("errors.notFoundTitle");
  if (!adminMayManage(u.role)) throw new ActionError("users.auditorReserved");
  checkAccountVersion(u, version);
  return u;
}

/** Creates an account with a one-time password the user must change at first sign-in. */
export const createUser = defineAction({
  name: "user.create",
  permission: "user.manage",
  schema: createUserSchema,
  prepare: oneTimePassword,
  handler: (input, { tx, user, prepared, audit }) => {
    if (!adminMayManage(input.role))
      throw new ActionError("errors.invalidInput", { role: ["users.auditorRoleReserved"] });
    const { unit, dataScope, ...account } = input;
    const created = insertAccount(tx, { ...account, ...resolveUnit(tx, { unit, dataScope }) }, user.id, prepared.hash);
    audit({ objectType: "user", objectId: created.id, after: publicFields(created) });
    return { id: created.id, username: created.username, oneTimePassword: prepared.password };
  },
  revalidate: PATH,
});

/** Disables an account and ends its sessions at once. */
export const disableUser = defineAction({
  name: "user.disable",
  permission: "user.manage",
  schema: userIdSchema,
  handler: ({ id, version }, { tx, user, audit }) => {
    if (id === user.id) throw new ActionError("users.cannotDisableSelf");
    const before = loadUser(tx, id, version);
    tx.update(users)
      .set({ disabled: true, ...edited(before, user.id) })
      .where(eq(users.id, id))
      .run();
    revokeUserSessions(tx, id, "user_disabled");
    audit({ objectType: "user", objectId: id, before: { disabled: before.disabled }, after: { disabled: true } });
    return { id };
  },
  revalidate: PATH,
});

/** Re-enables an account (and clears a lockout). */
export const enableUser = defineAction({
  name: "user.enable",
  permission: "user.manage",
  schema: userIdSchema,
  handler: ({ id, version }, { tx, user, audit }) => {
    const before = loadUser(tx, id, version);
    tx.update(users)
      .set({ disabled: false, failedAttempts: 0, lockedUntil: null, ...edited(before, user.id) })
      .where(eq(users.id, id))
      .run();
    audit({ objectType: "user", objectId: id, before: { disabled: before.disabled }, after: { disabled: false } });
    return { id };
  },
  revalidate: PATH,
});

/** Issues a new one-time password; the user must change it, and their sessions end now. */
export const resetUserPassword = defineAction({
  name: "user.resetPassword",
  permission: "user.manage",
  schema: userIdSchema,
  prepare: oneTimePassword,
  handler: ({ id, version }, { tx, user, prepared, audit }) => {
    const before = loadUser(tx, id, version);
    resetAccountPassword(tx, before, user.id, prepared.hash);
    audit({ objectType: "user", objectId: id, after: { mustChangePassword: true } });
    return { id, oneTimePassword: prepared.password };
  },
  revalidate: PATH,
});

/** Changes another user's role; their sessions end so the new menu applies at once. */
export const changeUserRole = defineAction({
  name: "user.changeRole",
  permission: "user.manage",
  schema: changeRoleSchema,
  handler: ({ id, role, version }, { tx, user, audit }) => {
    // An admin can never turn themself into the auditor (or anything else): separation of duties.
    if (id === user.id) throw new ActionError("users.cannotChangeOwnRole");
    if (!adminMayManage(role)) throw new ActionError("errors.invalidInput", { role: ["users.auditorRoleReserved"] });
    const before = loadUser(tx, id, version);
    tx.update(users)
      .set({ role, ...edited(before, user.id) })
      .where(eq(users.id, id))
      .run();
    revokeUserSessions(tx, id, "role_changed");
    audit({ objectType: "user", objectId: id, before: { role: before.role }, after: { role } });
    return { id };
  },
  revalidate: PATH,
});

/**
 * Sets another user's organisation unit and data scope (全区 / 本单位 / 仅本人录入); their sessions end so the new
 * scope applies at once (it is read from the users row on every request anyway).
 */
export const changeUserScope = defineAction({
  name: "user.changeScope",
  permission: "user.manage",
  schema: changeScopeSchema,
  handler: ({ id, version, unit, dataScope }, { tx, user, audit }) => {
    const before = loadUser(tx, id, version);
    const next = resolveUnit(tx, { unit, dataScope }, before);
    tx.update(users)
      .set({ ...next, ...edited(before, user.id) })
      .where(eq(users.id, id))
      .run();
    revokeUserSessions(tx, id, "scope_changed");
    audit({
      objectType: "user",
      objectId: id,
      before: { unitKind: before.unitKind, unitId: before.unitId, dataScope: before.dataScope },
      after: next,
    });
    return { id };
  },
  revalidate: PATH,
});
