import "server-only";
import type { DB, Tx } from "@/db";
import { operationLogs } from "@/db/schema";
import { boundDetail, boundMessage, inputFingerprint, MAX_DETAIL_BYTES } from "./log-bounds";
import { maskIdNumber, maskPhone } from "./mask";
import { type MaskKind, maskedFields } from "./masked-fields";

const DROP_KEYS = new Set(["password", "passwordHash", "currentPassword", "newPassword", "confirmPassword"]);
const MASK: Record<MaskKind, (v: string) => string> = { phone: maskPhone, idNumber: maskIdNumber };

/**
 * Before/after JSON never carries secrets, and personal data only masked: the fields the registry definitions
 * declare personal (`mask`, registered when a definition is declared), wherever they appear in the value.
 */
export function maskForLog(value: unknown): unknown {
  const masked = maskedFields();
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (DROP_KEYS.has(k)) continue;
        const kind = masked.get(k);
        out[k] = kind && typeof x === "string" ? MASK[kind](x) : walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(value);
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
