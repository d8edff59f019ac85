import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// attemptSignIn uses the process-wide connection: point it at a throw-away database first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-lockout-"));
process.env.DATABASE_URL = path.join(dir, "lockout.db");
process.env.LOGIN_IP_MAX_FAILURES = "12";

const { closeDb, getDb } = await import("@/db");
const { runMigrations } = await import("@/db/migrate");
const { attemptSignIn } = await import("@/lib/auth");
const { hashPassword } = await import("@/lib/password");
const bcrypt = (await import("bcryptjs")).default;

beforeAll(() => runMigrations(getDb()));
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function seed(hash?: string) {
  const username = `u${++n}`;
  const passwordHash = hash ?? (await hashPassword("Right@2026x"));
  getDb()
    .$client.prepare(
      "INSERT INTO users (username, display_name, role, password_hash, must_change_password) VALUES (?, ?, 'staff', ?, 0)",
    )
    .run(username, username, passwordHash);
  return username;
}
const checked = (username: string) =>
  getDb()
    .$client.prepare("SELECT count(*) FROM login_logs WHERE username = ? AND password_checked = 1")
    .pluck()
    .get(username);
let ipSeq = 0;
const freshIp = () => ({ ip: `10.0.0.${++ipSeq}`, userAgent: "vitest" });

describe("account lockout under parallel attempts", { timeout: 30_000 }, () => {
  it("50 parallel wrong passwords check at most 5, and the right one is then refused", async () => {
    const username = await seed();
    const client = { ip: null, userAgent: "vitest" };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attemptSignIn(username, `Wrong@${i}x`, { ...client, ip: `10.1.${i}.1` })),
    );
    expect(results.every((r) => r === null)).toBe(true);
    expect(checked(username)).toBeLessThanOrEqual(5);
    expect(await attemptSignIn(username, "Right@2026x", freshIp())).toBeNull();
    const last = getDb()
      .$client.prepare("SELECT reason FROM login_logs WHERE username = ? ORDER BY id DESC")
      .pluck()
      .get(username);
    expect(last).toBe("locked");
  });

  it("4 wrong then the right one signs in and clears the count", async () => {
    const username = await seed();
    for (let i = 0; i < 4; i++) expect(await attemptSignIn(username, "nope", freshIp())).toBeNull();
    expect(await attemptSignIn(username, "Right@2026x", freshIp())).not.toBeNull();
    const u = getDb()
      .$client.prepare("SELECT failed_attempts, locked_until FROM users WHERE username = ?")
      .get(username);
    expect(u).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it("a lock that has run out opens a fresh window", async () => {
    const username = await seed();
    getDb()
      .$client.prepare("UPDATE users SET failed_attempts = 5, locked_until = ? WHERE username = ?")
      .run(new Date(Date.now() - 1000).toISOString(), username);
    expect(await attemptSignIn(username, "Right@2026x", freshIp())).not.toBeNull();
  });

  it("a legacy bcrypt hash signs in and is replaced by an scrypt hash", async () => {
    const username = await seed(bcrypt.hashSync("Right@2026x", 4));
    expect(await attemptSignIn(username, "Right@2026x", freshIp())).not.toBeNull();
    const hash = getDb().$client.prepare("SELECT password_hash FROM users WHERE username = ?").pluck().get(username);
    expect(String(hash)).toMatch(/^scrypt\$/);
    expect(await attemptSignIn(username, "Right@2026x", freshIp())).not.toBeNull();
  });
});

describe("per-IP limit", { timeout: 30_000 }, () => {
  it("refuses further attempts from one address across many accounts, without checking passwords", async () => {
    const client = { ip: "192.0.2.7", userAgent: "vitest" };
    const names = await Promise.all(Array.from({ length: 5 }, () => seed()));
    const tries = names.flatMap((u) => [u, u, u]); // 15 wrong guesses, 3 per account: no account lock
    await Promise.all(tries.map((u) => attemptSignIn(u, "Wrong@guess1", client)));
    const rows = getDb()
      .$client.prepare("SELECT reason, password_checked AS c FROM login_logs WHERE ip = ?")
      .all(client.ip) as { reason: string; c: number }[];
    expect(rows.filter((r) => r.c === 1)).toHaveLength(12);
    expect(rows.filter((r) => r.reason === "ip_limited")).toHaveLength(3);
    // Even the right password is refused from that address; another address still signs in.
    expect(await attemptSignIn(names[0], "Right@2026x", client)).toBeNull();
    expect(await attemptSignIn(names[0], "Right@2026x", freshIp())).not.toBeNull();
  });
});
