import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { sessions } from "@/db/schema";
import { nowIso } from "./time";

/** Ends every live session of a user at once (sign-out elsewhere, password change, disable, role change). */
export function revokeUserSessions(tx: DB | Tx, userId: number, reason: string, exceptSid?: string): void {
  const rows = tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .all();
  for (const r of rows) {
    if (r.id === exceptSid) continue;
    tx.update(sessions).set({ revokedAt: nowIso(), revokeReason: reason }).where(eq(sessions.id, r.id)).run();
  }
}

export function revokeSession(tx: DB | Tx, sid: string, reason: string): void {
  tx.update(sessions)
    .set({ revokedAt: nowIso(), revokeReason: reason })
    .where(and(eq(sessions.id, sid), isNull(sessions.revokedAt)))
    .run();
}
