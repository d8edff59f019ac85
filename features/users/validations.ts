import { ROLES } from "@/db/schema";
import { z } from "@/lib/zod";

const id = z.coerce.number().int().positive();

export const createUserSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{2,31}$/, "users.usernameFormat"),
  displayName: z.string().trim().min(1, "users.displayNameRequired").max(50),
  role: z.enum(ROLES, "users.roleInvalid"),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The user row's version as shown: an admin's edit over another admin's change is refused. */
const version = z.coerce.number().int().min(1);
export const userIdSchema = z.strictObject({ id, version });
export const changeRoleSchema = z.strictObject({ id, version, role: z.enum(ROLES, "users.roleInvalid") });
