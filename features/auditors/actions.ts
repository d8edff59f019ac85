"use server";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import {
  checkAccountVersion,
  insertAccount,
  oneTimePassword,
  publicFields,
  resetAccountPassword,
} from "@/features/users/accounts";
import { createUserSchema, userIdSchema } from "@/features/users/validations";
import { ActionError, defineAction } from "@/lib/action";

const PATH = ["/admin/auditors"];
const createAuditorSchema = createUserSchema.omit({ role: true, unit: true, dataScope: true });

/** An auditor creates another auditor account (one-time password, must change at first sign-in). */
export const createAuditor = defineAction({
  name: "auditor.create",
  permission: "auditor.manage",
  schema: createAuditorSchema,
  prepare: oneTimePassword,
  handler: (input, { tx, user, prepared, audit }) => {
    const created = insertAccount(tx, { ...input, role: "auditor" }, user.id, prepared.hash);
    audit({ objectType: "user", objectId: created.id, after: publicFields(created) });
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
    checkAccountVersion(target, version);
    resetAccountPassword(tx, target, user.id, prepared.hash, true);
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
