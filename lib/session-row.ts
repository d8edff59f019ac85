import "server-only";
import type Database from "better-sqlite3";
import type { DataScopeKind, Role, UnitKind } from "@/db/schema";
import { nowIso } from "./time";

// The session a request's token names, with its user: one prepared statement per connection, read on every
// request by lib/dal.ts (who is signed in) and lib/session-status.ts (how long the session has left).

export type SessionUserRow = {
  createdAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: number;
  mustChangePassword: number;
  isDemo: number;
  dataScope: DataScopeKind;
  unitKind: UnitKind | null;
  unitId: number | null;
};

const sessionStmts = new WeakMap<Database.Database, Database.Statement<[string], SessionUserRow>>();
/** The session row `sid` and its user, or undefined. */
export function sessionRow(sqlite: Database.Database, sid: string): SessionUserRow | undefined {
  let stmt = sessionStmts.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare(
      `SELECT s.created_at AS createdAt, s.last_seen_at AS lastSeenAt, s.revoked_at AS revokedAt, u.id, u.username,
         u.display_name AS displayName, u.role, u.disabled, u.must_change_password AS mustChangePassword,
         u.is_demo AS isDemo, u.data_scope AS dataScope, u.unit_kind AS unitKind, u.unit_id AS unitId
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
    );
    sessionStmts.set(sqlite, stmt);
  }
  return stmt.get(sid);
}

/** The session's last activity set to `now` (a request of the user's, or 续期). */
export function touchSession(sqlite: Database.Database, sid: string, now = new Date()): void {
  sqlite.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(nowIso(now), sid);
}
