import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { type DB, getDb } from "@/db";
import { loginLogs, type Role, sessions, users } from "@/db/schema";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { ipFromHeaders } from "./request-info";
import { safeRedirectPath } from "./safe-redirect";
import {
  ABSOLUTE_TIMEOUT_HOURS,
  LOCKOUT_MINUTES,
  LOGIN_IP_WINDOW_MINUTES,
  loginIpMaxFailures,
  MAX_FAILED_ATTEMPTS,
} from "./session-policy";
import { revokeSession } from "./sessions";
import { addMinutes } from "./time";

declare module "next-auth" {
  interface Session {
    sid?: string;
    user: { name?: string | null; role?: Role; id?: string };
  }
  interface User {
    sid?: string;
    role?: Role;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    role?: Role;
    uid?: string;
  }
}

// Compared against when the username is unknown, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
};

type LoginReason = "ok" | "bad_password" | "unknown_user" | "locked" | "disabled" | "ip_limited";

function headerGetter(req: { headers?: unknown } | undefined) {
  const h = req?.headers;
  return (name: string): string | null => {
    if (!h) return null;
    if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
    const v = (h as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
}

/**
 * Reserves one of the account's MAX_FAILED_ATTEMPTS slots in a single UPDATE … RETURNING, before any password
 * is checked: the slot that reaches the limit also sets the lock. SQLite serialises writers, so however many
 * attempts arrive at once, at most MAX_FAILED_ATTEMPTS of them get a slot per lock window. A lock that has run
 * out starts a fresh window. Returns false when the account is locked (no slot).
 */
export function reserveAccountAttempt(db: DB, userId: number, now: Date): boolean {
  const nowIso = now.toISOString();
  const row = db.$client
    .prepare(
      `UPDATE users SET
         failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 1 ELSE failed_attempts + 1 END,
         locked_until = CASE
           WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 1 ELSE failed_attempts + 1 END) >= @max
             THEN @lockUntil
           WHEN locked_until IS NOT NULL AND locked_until <= @now THEN NULL
           ELSE locked_until END
       WHERE id = @id AND CASE WHEN locked_until IS NULL THEN failed_attempts < @max ELSE locked_until <= @now END
       RETURNING failed_attempts`,
    )
    .get({
      id: userId,
      now: nowIso,
      max: MAX_FAILED_ATTEMPTS,
      lockUntil: addMinutes(now, LOCKOUT_MINUTES).toISOString(),
    });
  return row !== undefined;
}

/**
 * The per-IP window: at most LOGIN_IP_MAX_FAILURES failed attempts per client address per LOGIN_IP_WINDOW_MINUTES,
 * reserved atomically like the account slots. Successful sign-ins and attempts refused before any password
 * check give their slot back (releaseIpAttempt).
 */
export function reserveIpAttempt(db: DB, ip: string | null, now: Date): boolean {
  const row = db.$client
    .prepare(
      `INSERT INTO login_ip_attempts (ip, window_start, failures) VALUES (@ip, @now, 1)
       ON CONFLICT(ip) DO UPDATE SET
         failures = CASE WHEN window_start <= @cutoff THEN 1 ELSE failures + 1 END,
         window_start = CASE WHEN window_start <= @cutoff THEN @now ELSE window_start END
       WHERE window_start <= @cutoff OR failures < @max
       RETURNING failures`,
    )
    .get({
      ip: ip ?? "(unknown)",
      now: now.toISOString(),
      cutoff: addMinutes(now, -LOGIN_IP_WINDOW_MINUTES).toISOString(),
      max: loginIpMaxFailures(),
    });
  return row !== undefined;
}

export function releaseIpAttempt(db: DB, ip: string | null): void {
  db.$client
    .prepare("UPDATE login_ip_attempts SET failures = max(failures - 1, 0) WHERE ip = ?")
    .run(ip ?? "(unknown)");
}

/** Verifies a sign-in attempt, applies the lockout rules and writes the login log. Returns the new sid or null. */
export async function attemptSignIn(
  usernameRaw: string,
  password: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ userId: number; username: string; role: Role; sid: string } | null> {
  const db = getDb();
  const username = usernameRaw.trim().slice(0, 64);
  const log = (reason: LoginReason, userId: number | null, passwordChecked: boolean) =>
    db
      .insert(loginLogs)
      .values({ username: username || "(空)", userId, success: reason === "ok", reason, passwordChecked, ...client })
      .run();

  // Everything up to the password check is one synchronous transaction (one commit, so a burst of sign-ins
  // costs the event loop as little disk time as possible): the slots are taken, or given back, before any
  // other request can run, so parallel attempts each see the previous one's reservation.
  const now = new Date();
  const user = username ? db.select().from(users).where(eq(users.username, username)).get() : undefined;
  const gate = db.$client.transaction((): "check" | "dummy" | "refused" => {
    if (user?.disabled) {
      log("disabled", user.id, false);
      return "refused";
    }
    if (!reserveIpAttempt(db, client.ip, now)) {
      log("ip_limited", user?.id ?? null, false);
      return "refused";
    }
    if (!user) return "dummy";
    if (!reserveAccountAttempt(db, user.id, now)) {
      releaseIpAttempt(db, client.ip);
      log("locked", user.id, false);
      return "refused";
    }
    return "check";
  })();
  if (gate === "refused") return null;
  if (gate === "dummy" || !user) {
    await verifyPassword(password, await getDummyHash());
    log("unknown_user", null, false);
    return null;
  }

  const passwordOk = await verifyPassword(password, user.passwordHash);
  if (!passwordOk) {
    log("bad_password", user.id, true);
    return null;
  }
  // Hashes from before scrypt (bcrypt) or with older parameters are replaced now that we know the password.
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const sid = randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    tx.update(users)
      .set({ failedAttempts: 0, lockedUntil: null, ...(rehash ? { passwordHash: rehash } : {}) })
      .where(eq(users.id, user.id))
      .run();
    tx.insert(sessions)
      .values({ id: sid, userId: user.id, ...client })
      .run();
    tx.insert(loginLogs)
      .values({ username, userId: user.id, success: true, reason: "ok", passwordChecked: true, ...client })
      .run();
    releaseIpAttempt(db, client.ip);
  });
  return { userId: user.id, username: user.username, role: user.role, sid };
}

/**
 * 修改密码: the current password is checked under the same account slots as a sign-in, so guessing it there
 * counts toward the lock (and a locked account cannot check it at all). Returns "locked" without checking.
 */
export async function verifyCurrentPassword(userId: number, password: string): Promise<"ok" | "wrong" | "locked"> {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return "wrong";
  if (!reserveAccountAttempt(db, userId, new Date())) return "locked";
  if (!(await verifyPassword(password, user.passwordHash))) return "wrong";
  db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
  return "ok";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_HOURS * 3600 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const get = headerGetter(req);
        const res = await attemptSignIn(credentials?.username ?? "", credentials?.password ?? "", {
          ip: ipFromHeaders(get),
          userAgent: get("user-agent"),
        });
        if (!res) return null;
        return { id: String(res.userId), name: res.username, role: res.role, sid: res.sid };
      },
    }),
  ],
  callbacks: {
    // next-auth's own redirects (signIn/signOut callbackUrl) stay on our origin, by the same rule as the login page.
    async redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl), baseUrl).toString();
    },
    async jwt({ token, user }) {
      if (user) {
        token.sid = user.sid;
        token.role = user.role;
        token.uid = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      session.sid = token.sid;
      session.user = { name: token.name, role: token.role, id: token.uid };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) revokeSession(getDb(), token.sid, "sign_out");
    },
  },
};
