import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";

// The session id (sid) the request's next-auth cookie names. The cookie is read as next-auth writes it (the
// __Secure- prefix behind https, chunks .0 .1 … when long) and decrypted with next-auth's own `decode`
// (authenticated encryption: a forged or altered token decrypts to nothing). A token already decrypted in this
// process is remembered until its own expiry, so a request does not pay for the key derivation and the
// decryption again: the same bytes always decrypt to the same payload. Whether the session is still live is NOT
// decided here: lib/dal.ts reads the session row on every request (revocation, idle and absolute timeouts).

type Known = { sid: string | null; exp: number };
const known = new Map<string, Known>();
const KNOWN_MAX = 5_000;

function cookieName(): string {
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** The raw token of the request's session cookie (joined from its chunks), or null. */
async function sessionToken(): Promise<string | null> {
  const jar = await cookies();
  const name = cookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/** The sid of the request's session token, or null (no cookie, not decryptable, expired, no sid). */
export async function sessionIdFromCookie(): Promise<string | null> {
  const token = await sessionToken();
  if (!token) return null;
  const now = Date.now() / 1000;
  const hit = known.get(token);
  if (hit) {
    if (hit.exp > now) return hit.sid;
    known.delete(token);
    return null;
  }
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET ?? "" });
  } catch {
    return null;
  }
  if (!payload || typeof payload.exp !== "number" || payload.exp <= now) return null;
  const sid = typeof payload.sid === "string" ? payload.sid : null;
  if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value as string);
  known.set(token, { sid, exp: payload.exp });
  return sid;
}
