import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/dal";

export async function getAuditors() {
  await requirePermission("auditor.manage");
  return getDb()
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      lockedUntil: users.lockedUntil,
      version: users.version,
    })
    .from(users)
    .where(eq(users.role, "auditor"))
    .orderBy(asc(users.id))
    .all();
}
export type AuditorRow = Awaited<ReturnType<typeof getAuditors>>[number];
