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

export const userIdSchema = z.strictObject({ id });
export const changeRoleSchema = z.strictObject({ id, role: z.enum(ROLES, "users.roleInvalid") });
