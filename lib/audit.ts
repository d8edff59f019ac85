import "server-only";
import type { DB, Tx } from "@/db";
import { operationLogs } from "@/db/schema";
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
};

/** Appends one row; returns its id. */
export function writeOperationLog(db: DB | Tx, e: OpLogEntry): number {
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
      message: e.message ?? null,
      before: e.before === undefined ? null : maskForLog(e.before),
      after: e.after === undefined ? null : maskForLog(e.after),
      detail: e.detail === undefined ? null : maskForLog(e.detail),
    })
    .run();
  return Number(res.lastInsertRowid);
}
