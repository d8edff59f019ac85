import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";
import { ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES, sessionExpiry } from "./session-policy";
import { sessionIdFromCookie } from "./session-token";
import { revokeSession } from "./sessions";
import { nowIso } from "./time";

/** How long the caller's session has left: until the idle rule or the absolute age ends it, whichever is first. */
export type SessionStatus = { live: true; remainingMs: number } | { live: false };

/**
 * Reads the session the request's token names, WITHOUT refreshing lastSeenAt (getCurrentUser refreshes it): the
 * idle warning asks this before offering 续期, so asking does not itself keep the session alive. `renew` refreshes
 * lastSeenAt of a live session (the 续期 button); an expired or revoked one stays ended.
 */
export async function sessionStatus(opts: { renew?: boolean } = {}): Promise<SessionStatus> {
  const sid = await sessionIdFromCookie();
  if (!sid) return { live: false };
  const db = getDb();
  const row = db
    .select({ s: sessions, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sid))
    .get();
  if (!row || row.disabled) return { live: false };
  const now = new Date();
  const expired = sessionExpiry(row.s, now);
  if (expired) {
    if (expired !== "revoked") revokeSession(db, sid, `timeout_${expired}`);
    return { live: false };
  }
  let lastSeen = Date.parse(row.s.lastSeenAt);
  if (opts.renew) {
    db.update(sessions)
      .set({ lastSeenAt: nowIso(now) })
      .where(eq(sessions.id, sid))
      .run();
    lastSeen = now.getTime();
  }
  const idleEnd = lastSeen + IDLE_TIMEOUT_MINUTES * 60_000;
  const absoluteEnd = Date.parse(row.s.createdAt) + ABSOLUTE_TIMEOUT_HOURS * 3_600_000;
  return { live: true, remainingMs: Math.max(0, Math.min(idleEnd, absoluteEnd) - now.getTime()) };
}
