import "server-only";
import { getDb } from "@/db";
import { ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES, sessionExpiry } from "./session-policy";
import { sessionRow, touchSession } from "./session-row";
import { sessionIdFromCookie } from "./session-token";
import { revokeSession } from "./sessions";

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
  const row = sessionRow(db.$client, sid);
  if (!row || row.disabled) return { live: false };
  const now = new Date();
  const expired = sessionExpiry(row, now);
  if (expired) {
    if (expired !== "revoked") revokeSession(db, sid, `timeout_${expired}`);
    return { live: false };
  }
  let lastSeen = Date.parse(row.lastSeenAt);
  if (opts.renew) {
    touchSession(db.$client, sid, now);
    lastSeen = now.getTime();
  }
  const idleEnd = lastSeen + IDLE_TIMEOUT_MINUTES * 60_000;
  const absoluteEnd = Date.parse(row.createdAt) + ABSOLUTE_TIMEOUT_HOURS * 3_600_000;
  return { live: true, remainingMs: Math.max(0, Math.min(idleEnd, absoluteEnd) - now.getTime()) };
}
