export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** lastSeenAt is refreshed at most this often, so a page view is not always a write. */
export const TOUCH_INTERVAL_SECONDS = 60;

export type SessionTimes = { createdAt: string; lastSeenAt: string; revokedAt: string | null };

export function sessionExpiry(s: SessionTimes, now = new Date()): "revoked" | "idle" | "absolute" | null {
  if (s.revokedAt) return "revoked";
  const t = now.getTime();
  if (t - Date.parse(s.lastSeenAt) > IDLE_TIMEOUT_MINUTES * 60_000) return "idle";
  if (t - Date.parse(s.createdAt) > ABSOLUTE_TIMEOUT_HOURS * 3_600_000) return "absolute";
  return null;
}
