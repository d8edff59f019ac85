import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/db";
import type { Role, UnitKind } from "@/db/schema";
import { can, type Permission } from "./permissions";
import { type DataScope, scopeOf } from "./scope";
import { sessionExpiry, TOUCH_INTERVAL_SECONDS } from "./session-policy";
import { sessionRow, touchSession } from "./session-row";
import { sessionIdFromCookie } from "./session-token";
import { revokeSession } from "./sessions";

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
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const db = getDb();
  const row = sessionRow(db.$client, sid);
  if (!row) return null;
  const expired = sessionExpiry(row);
  if (expired) {
    if (expired !== "revoked") revokeSession(db, sid, `timeout_${expired}`);
    return null;
  }
  if (row.disabled) return null;
  // A prefetch (the router fetching a link in view, on its own) is not the user's activity: it never extends the
  // idle timeout.
  if (Date.now() - Date.parse(row.lastSeenAt) > TOUCH_INTERVAL_SECONDS * 1000 && !(await isPrefetch())) {
    touchSession(db.$client, sid);
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    mustChangePassword: !!row.mustChangePassword,
    isDemo: !!row.isDemo,
    sid,
    unitKind: row.unitKind,
    unitId: row.unitId,
    scope: scopeOf(row, can(row.role, "registry.review")),
  };
});

async function isPrefetch(): Promise<boolean> {
  const h = await headers();
  return (
    h.get("next-router-prefetch") === "1" ||
    /prefetch/i.test(h.get("sec-purpose") ?? "") ||
    /prefetch/i.test(h.get("purpose") ?? "")
  );
}

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
