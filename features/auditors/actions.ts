"use server";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { createUserSchema, userIdSchema } from "@/features/users/validations";
import { ActionError, defineAction, staleWrite } from "@/lib/action";
import { generateOneTimePassword, hashPassword } from "@/lib/password";
import { revokeUserSessions } from "@/lib/sessions";
import { nowIso } from "@/lib/time";

const PATH = ["/admin/auditors"];
const createAuditorSchema = createUserSchema.omit({ role: true });

async function oneTimePassword() {
  const password = generateOneTimePassword();
  return { password, hash: await hashPassword(password) };
}

/** An auditor creates another auditor account (one-time password, must change at first sign-in). */
export const createAuditor = defineAction({
  name: "auditor.create",
  permission: "auditor.manage",
  schema: createAuditorSchema,
  prepare: oneTimePassword,
  handler: (input, { tx, prepared, audit }) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      throw new ActionError("errors.invalidInput", { username: ["users.usernameTaken"] });
    }
    const created = tx
      .insert(users)
      .values({ ...input, role: "auditor", passwordHash: prepared.hash, mustChangePassword: true })
      .returning({ id: users.id, username: users.username, role: users.role, displayName: users.displayName })
      .get();
    audit({ objectType: "user", objectId: created.id, after: created });
    return { id: created.id, username: created.username, oneTimePassword: prepared.password };
  },
  revalidate: PATH,
});

/** An auditor issues a new one-time password to another auditor (also clears a lockout and re-enables). */
export const resetAuditorPassword = defineAction({
  name: "auditor.resetPassword",
  permission: "auditor.manage",
  schema: userIdSchema,
  prepare: oneTimePassword,
  handler: ({ id, version }, { tx, user, prepared, audit }) => {
    if (id === user.id) throw new ActionError("auditors.cannotResetSelf");
    const target = tx.select().from(users).where(eq(users.id, id)).get();
    if (!target) throw new ActionError("errors.notFoundTitle");
    if (target.role !== "auditor") throw new ActionError("auditors.notAuditor");
    // Another auditor reset it since this page was opened: refuse rather than issue a second password blindly.
    if (target.version !== version)
      throw staleWrite({
        updatedBy: target.updatedBy,
        updatedAt: target.updatedAt,
        current: [
          { label: "users.status", valueKey: target.disabled ? "users.disabled" : "users.active" },
          { label: "users.mustChange", valueKey: target.mustChangePassword ? "common.yes" : "common.no" },
        ],
      });
    tx.update(users)
      .set({
        passwordHash: prepared.hash,
        mustChangePassword: true,
        failedAttempts: 0,
        lockedUntil: null,
        disabled: false,
        version: target.version + 1,
        updatedAt: nowIso(),
        updatedBy: user.id,
      })
      .where(eq(users.id, id))
      .run();
    revokeUserSessions(tx, id, "password_reset");
    audit({
      objectType: "user",
      objectId: id,
      before: { disabled: target.disabled },
      after: { mustChangePassword: true, disabled: false },
    });
    return { id, username: target.username, oneTimePassword: prepared.password };
  },
  revalidate: PATH,
});
