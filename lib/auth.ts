import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { loginLogs, type Role, sessions, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { ipFromHeaders } from "./request-info";
import { ABSOLUTE_TIMEOUT_HOURS, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from "./session-policy";
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

type LoginReason = "ok" | "bad_password" | "unknown_user" | "locked" | "disabled";

function headerGetter(req: { headers?: unknown } | undefined) {
  const h = req?.headers;
  return (name: string): string | null => {
    if (!h) return null;
    if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
    const v = (h as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
}

/** Verifies a sign-in attempt, applies the lockout rule and writes the login log. Returns the new sid or null. */
export async function attemptSignIn(
  usernameRaw: string,
  password: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ userId: number; username: string; role: Role; sid: string } | null> {
  const db = getDb();
  const username = usernameRaw.trim().slice(0, 64);
  const user = username ? db.select().from(users).where(eq(users.username, username)).get() : undefined;
  const log = (reason: LoginReason, userId: number | null) =>
    db
      .insert(loginLogs)
      .values({ username: username || "(空)", userId, success: reason === "ok", reason, ...client })
      .run();

  if (!user) {
    await verifyPassword(password, await getDummyHash());
    log("unknown_user", null);
    return null;
  }
  const passwordOk = await verifyPassword(password, user.passwordHash);
  const now = new Date();
  if (user.disabled) {
    log("disabled", user.id);
    return null;
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    log("locked", user.id);
    return null;
  }
  if (!passwordOk) {
    const failed = user.failedAttempts + 1;
    const lock = failed >= MAX_FAILED_ATTEMPTS;
    db.update(users)
      .set({
        failedAttempts: lock ? 0 : failed,
        lockedUntil: lock ? addMinutes(now, LOCKOUT_MINUTES).toISOString() : user.lockedUntil,
      })
      .where(eq(users.id, user.id))
      .run();
    log("bad_password", user.id);
    return null;
  }
  const sid = randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
    tx.insert(sessions)
      .values({ id: sid, userId: user.id, ...client })
      .run();
    tx.insert(loginLogs)
      .values({ username, userId: user.id, success: true, reason: "ok", ...client })
      .run();
  });
  return { userId: user.id, username: user.username, role: user.role, sid };
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
