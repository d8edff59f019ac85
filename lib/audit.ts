import "server-only";
import type { DB, Tx } from "@/db";
import { operationLogs } from "@/db/schema";
import { boundDetail, boundMessage, inputFingerprint, MAX_DETAIL_BYTES } from "./log-bounds";
import { maskIdNumber, maskPhone } from "./mask";

const DROP_KEYS = new Set(["password", "passwordHash", "currentPassword", "newPassword", "confirmPassword"]);
const PHONE_KEYS = new Set(["phone", "contactPhone", "mobile"]);
const ID_KEYS = new Set(["idNumber"]);

/** Before/after JSON never carries secrets, and personal data only masked. */
export function maskForLog(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskForLog);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (DROP_KEYS.has(k)) continue;
      if (PHONE_KEYS.has(k) && typeof v === "string") out[k] = maskPhone(v);
      else if (ID_KEYS.has(k) && typeof v === "string") out[k] = maskIdNumber(v);
      else out[k] = maskForLog(v);
    }
    return out;
  }
  return value;
}

export type OpLogEntry = {
  userId: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  result: "ok" | "denied" | "invalid" | "error";
  message?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
  /** The caller's input, for refusals: stored as size + SHA-256, and itself (masked) only when small. */
  input?: unknown;
};

/**
 * Appends one row; returns its id. Rows of refused, invalid or failed requests are bounded: the client
 * chose their content, and the table can never be pruned.
 */
export function writeOperationLog(db: DB | Tx, e: OpLogEntry): number {
  const bounded = e.result !== "ok";
  const bound = (v: unknown) => (v == null ? null : bounded ? boundDetail(maskForLog(v)) : maskForLog(v));
  let detail: unknown = e.detail;
  if (e.input !== undefined) {
    const input = boundDetail(maskForLog(e.input), MAX_DETAIL_BYTES / 2);
    detail = { ...inputFingerprint(e.input), input, ...(e.detail && typeof e.detail === "object" ? e.detail : {}) };
  }
  const res = db
    .insert(operationLogs)
    .values({
      userId: e.userId,
      username: e.username,
      role: e.role,
      ip: e.ip,
      action: e.action,
      objectType: e.objectType ?? null,
      objectId: e.objectId == null ? null : String(e.objectId),
      result: e.result,
      message: boundMessage(e.message),
      before: bound(e.before),
      after: bound(e.after),
      detail: bound(detail),
    })
    .run();
  return Number(res.lastInsertRowid);
}
