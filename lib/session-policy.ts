export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-in attempts allowed per client IP per window (many accounts guessed from one address). */
export const LOGIN_IP_WINDOW_MINUTES = 15;
export function loginIpMaxFailures(): number {
  const n = Number(process.env.LOGIN_IP_MAX_FAILURES);
  return Number.isInteger(n) && n > 0 ? n : 50;
}
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
