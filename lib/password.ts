import { randomBytes, type ScryptOptions, scrypt, scryptSync, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import bcrypt from "bcryptjs";

/**
 * scrypt parameters for new hashes. N = 2^15, r = 8 → 32 MiB and tens of milliseconds per hash, run on
 * libuv's thread pool by Node's async `crypto.scrypt`, so a burst of sign-ins never blocks the event loop.
 * The hash records its own parameters, so raising them later only affects new hashes.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
export const MIN_PASSWORD_LENGTH = 8;

export type PasswordProblem = "length" | "classes" | "containsUsername" | "tooLong";

/** ≥ 8 chars, 3 of 4 character classes, must not contain the username (case-insensitive). */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push("length");
  // Legacy bcrypt hashes only read 72 bytes; keep refusing longer input so a password means the same under both.
  if (Buffer.byteLength(password, "utf8") > 72) problems.push("tooLong");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("classes");
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push("containsUsername");
  return problems;
}

type ScryptParams = { N: number; r: number; p: number };
const maxmem = (q: ScryptParams) => 256 * q.N * q.r + 1024 * 1024;

/**
 * At most (cores − 1) hashes at a time: the thread pool would otherwise run four at once and, on a small server,
 * take every core from the event loop that answers everyone else's requests. Waiting hashes queue here.
 */
const MAX_PARALLEL_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];
async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, q: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: q.N, r: q.r, p: q.p, maxmem: maxmem(q) };
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize("NFC"), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

/** Self-describing format: `scrypt$N$r$p$<salt base64>$<key base64>`. */
function encode(q: ScryptParams, salt: Buffer, key: Buffer): string {
  return `scrypt$${q.N}$${q.r}$${q.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

function decode(hash: string): { q: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(hash);
  if (!m) return null;
  const q = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Refuse parameters no hash of ours would carry (a tampered row must not make the server allocate gigabytes).
  if (q.N < 2 ** 10 || q.N > 2 ** 20 || q.r < 1 || q.r > 32 || q.p < 1 || q.p > 16) return null;
  return { q, salt: Buffer.from(m[4], "base64"), key: Buffer.from(m[5], "base64") };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  return encode(SCRYPT, salt, await scryptAsync(password, salt, SCRYPT.keyLength, SCRYPT));
}

/** Synchronous variant for seeding scripts and test fixtures only (never on a request path). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = scryptSync(password.normalize("NFC"), salt, SCRYPT.keyLength, { ...SCRYPT, maxmem: maxmem(SCRYPT) });
  return encode(SCRYPT, salt, key);
}

export function isLegacyHash(hash: string): boolean {
  return !hash.startsWith("scrypt$");
}

/** True when the hash should be replaced by a fresh one at the next successful sign-in. */
export function needsRehash(hash: string): boolean {
  const d = decode(hash);
  return !d || d.q.N !== SCRYPT.N || d.q.r !== SCRYPT.r || d.q.p !== SCRYPT.p;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const d = decode(hash);
  if (d) {
    const key = await scryptAsync(password, d.salt, d.key.length, d.q);
    return key.length === d.key.length && timingSafeEqual(key, d.key);
  }
  // Accounts from before the switch keep bcrypt hashes until their next sign-in (bcryptjs yields between rounds).
  if (/^\$2[aby]\$\d\d\$/.test(hash)) return withHashSlot(() => bcrypt.compare(password, hash));
  return false;
}

/** A one-time password that satisfies the policy (shown once to the admin who created/reset the account). */
export function generateOneTimePassword(): string {
  const sets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "@#%+=!?"];
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  const chars = Array.from(bytes, (b, i) => {
    const set = sets[i % sets.length];
    return set[b % set.length];
  });
  return chars.join("");
}
