import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 8;

export type PasswordProblem = "length" | "classes" | "containsUsername" | "tooLong";

/** ≥ 8 chars, 3 of 4 character classes, must not contain the username (case-insensitive). */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push("length");
  // bcrypt only reads 72 bytes; refuse longer input instead of silently truncating it.
  if (Buffer.byteLength(password, "utf8") > 72) problems.push("tooLong");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("classes");
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push("containsUsername");
  return problems;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
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
