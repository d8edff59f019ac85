import { DATA_SCOPES, ROLES } from "@/db/schema";
import { z } from "@/lib/zod";

const id = z.coerce.number().int().positive();

/** 所属单位 as the form sends it: "" (none) or "<department|street|park>:<dictionary item id>". */
const unit = z
  .string()
  .trim()
  .regex(/^((department|street|park):[1-9]\d{0,9})?$/, "users.unitInvalid")
  .optional()
  .default("");
const dataScope = z.enum(DATA_SCOPES, "users.scopeInvalid").optional().default("all");

export const createUserSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{2,31}$/, "users.usernameFormat"),
  displayName: z.string().trim().min(1, "users.displayNameRequired").max(50),
  role: z.enum(ROLES, "users.roleInvalid"),
  unit,
  dataScope,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The user row's version as shown: an admin's edit over another admin's change is refused. */
const version = z.coerce.number().int().min(1);
export const userIdSchema = z.strictObject({ id, version });
export const changeRoleSchema = z.strictObject({ id, version, role: z.enum(ROLES, "users.roleInvalid") });
export const changeScopeSchema = z.strictObject({ id, version, unit, dataScope });
