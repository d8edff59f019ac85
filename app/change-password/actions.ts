"use server";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { verifyCurrentPassword } from "@/lib/auth";
import { checkPasswordPolicy, hashPassword } from "@/lib/password";
import { revokeUserSessions } from "@/lib/sessions";
import { nowIso } from "@/lib/time";
import { z } from "@/lib/zod";

const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "common.required").max(128),
    newPassword: z.string().min(1, "common.required").max(128),
    confirmPassword: z.string().min(1, "common.required").max(128),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "password.mismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "password.same" });

/** Changes the signed-in user's own password; every session of theirs ends, this one included. */
export const changeOwnPassword = defineAction({
  name: "user.changeOwnPassword",
  permission: null,
  allowPendingPasswordChange: true,
  schema: changePasswordSchema,
  prepare: async (input, user) => {
    // Wrong guesses here count toward the same lock as the sign-in form.
    const current = await verifyCurrentPassword(user.id, input.currentPassword);
    if (current === "locked") {
      throw new ActionError("errors.invalidInput", { currentPassword: ["password.lockedCurrent"] });
    }
    if (current !== "ok") {
      throw new ActionError("errors.invalidInput", { currentPassword: ["password.wrongCurrent"] });
    }
    const problems = checkPasswordPolicy(input.newPassword, user.username);
    if (problems.length) {
      throw new ActionError("errors.invalidInput", { newPassword: problems.map((p) => `password.problems.${p}`) });
    }
    return { hash: await hashPassword(input.newPassword) };
  },
  handler: (_input, { tx, user, prepared, audit }) => {
    tx.update(users)
      .set({ passwordHash: prepared.hash, mustChangePassword: false, passwordChangedAt: nowIso(), updatedAt: nowIso() })
      .where(eq(users.id, user.id))
      .run();
    revokeUserSessions(tx, user.id, "password_changed");
    audit({ objectType: "user", objectId: user.id, message: "password changed; sessions revoked" });
    return { signedOut: true };
  },
});
