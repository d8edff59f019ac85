import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/dal";

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
    })
    .from(users)
    .orderBy(asc(users.id))
    .all();
}
export type UserRow = Awaited<ReturnType<typeof getUsers>>[number];
