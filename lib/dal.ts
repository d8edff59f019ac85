import "server-only";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db";
import { type Role, sessions, type UnitKind, users } from "@/db/schema";
import { authOptions } from "./auth";
import { can, type Permission } from "./permissions";
import { type DataScope, scopeOf } from "./scope";
import { sessionExpiry, TOUCH_INTERVAL_SECONDS } from "./session-policy";
import { revokeSession } from "./sessions";
import { nowIso } from "./time";

export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  /** Always read from the database, never from the token. */
  role: Role;
  mustChangePassword: boolean;
  isDemo: boolean;
  sid: string;
  /** Organisation unit and data scope, read from the users row on every request (never from the client). */
  unitKind: UnitKind | null;
  unitId: number | null;
  scope: DataScope;
};

/**
 * The only way to learn who is signed in. The JWT only names a session row; the row must be live
 * (not revoked, idle ≤ 30 min, age ≤ 12 h) and the user enabled, and the role comes from the users table.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  await connection();
  const session = await getServerSession(authOptions);
  const sid = session?.sid;
  if (!sid) return null;
  const db = getDb();
  const row = db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sid))
    .get();
  if (!row) return null;
  const expired = sessionExpiry(row.s);
  if (expired) {
    if (expired !== "revoked") revokeSession(db, sid, `timeout_${expired}`);
    return null;
  }
  if (row.u.disabled) return null;
  if (Date.now() - Date.parse(row.s.lastSeenAt) > TOUCH_INTERVAL_SECONDS * 1000) {
    db.update(sessions).set({ lastSeenAt: nowIso() }).where(eq(sessions.id, sid)).run();
  }
  return {
    id: row.u.id,
    username: row.u.username,
    displayName: row.u.displayName,
    role: row.u.role,
    mustChangePassword: row.u.mustChangePassword,
    isDemo: row.u.isDemo,
    sid,
    unitKind: row.u.unitKind,
    unitId: row.u.unitId,
    scope: scopeOf(row.u, can(row.u.role, "registry.review")),
  };
});

/** For pages: signed-out → /login; forced password change pending → /change-password. */
export async function requireUser(opts: { allowPendingPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login?expired=1");
  if (user.mustChangePassword && !opts.allowPendingPasswordChange) redirect("/change-password");
  return user;
}

/** For pages and queries: a signed-in user holding the permission, else a real HTTP 403. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}

export async function hasPermission(permission: Permission): Promise<boolean> {
  const user = await getCurrentUser();
  return !!user && !user.mustChangePassword && can(user.role, permission);
}

/** For route handlers (exports): the same checks, answered as HTTP status instead of a redirect. */
export async function authorizeRoute(
  permission: Permission,
): Promise<{ ok: true; user: CurrentUser } | { ok: false; response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, response: new Response("Unauthorized", { status: 401 }) };
  if (user.mustChangePassword || !can(user.role, permission))
    return { ok: false, response: new Response("Forbidden", { status: 403 }) };
  return { ok: true, user };
}
