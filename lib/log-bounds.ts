import { createHash } from "node:crypto";

// The operation log is append-only: whatever a refused or invalid request writes there stays forever.
// So a refusal never copies the caller's input wholesale — only its size, its SHA-256 and, when small,
// the (masked) input itself; every such row's detail is capped at MAX_DETAIL_BYTES.

export const MAX_DETAIL_BYTES = 4096;
export const MAX_MESSAGE_CHARS = 500;
/** Any action's input unless its definition says otherwise (the import sets its own). */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024;

type FileLike = { name: string; size: number; type?: string; arrayBuffer: unknown };
const isFileLike = (v: unknown): v is FileLike =>
  typeof v === "object" && v !== null && "size" in v && "name" in v && "arrayBuffer" in v;

/** A JSON-able stand-in for the input: files become their name, size and type (never their bytes). */
function forLog(value: unknown): unknown {
  if (isFileLike(value)) return { file: value.name, size: value.size, type: value.type ?? "" };
  if (Array.isArray(value)) return value.map(forLog);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forLog(v)]));
  }
  return value;
}

/** UTF-8 bytes of every key, string and file the input carries (what the client made the server hold). */
export function inputBytes(value: unknown): number {
  if (value == null) return 0;
  if (typeof value === "string") return Buffer.byteLength(value, "utf8");
  if (isFileLike(value)) return value.size + Buffer.byteLength(value.name, "utf8");
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + inputBytes(v), 0);
  if (typeof value === "object" && !(value instanceof Date)) {
    let n = 0;
    for (const [k, v] of Object.entries(value)) n += Buffer.byteLength(k, "utf8") + inputBytes(v);
    return n;
  }
  return String(value).length;
}

/** Size and SHA-256 of the input, so two log rows can be matched to one request without storing it. */
export function inputFingerprint(value: unknown): { inputBytes: number; inputSha256: string } {
  const json = JSON.stringify(forLog(value)) ?? "null";
  return { inputBytes: inputBytes(value), inputSha256: createHash("sha256").update(json).digest("hex") };
}

const utf8Slice = (s: string, maxBytes: number) => {
  const b = Buffer.from(s, "utf8");
  if (b.byteLength <= maxBytes) return s;
  // Cutting inside a UTF-8 sequence leaves a replacement character at the end at worst.
  return `${b
    .subarray(0, maxBytes)
    .toString("utf8")
    .replace(/\uFFFD+$/, "")}…`;
};

/**
 * A detail object that serialises to at most `max` bytes. A larger one is replaced by its size, hash
 * and a short preview, so the row stays small however big the request was.
 */
export function boundDetail(detail: unknown, max = MAX_DETAIL_BYTES): unknown {
  if (detail === undefined || detail === null) return detail;
  const json = JSON.stringify(forLog(detail)) ?? "null";
  if (Buffer.byteLength(json, "utf8") <= max) return detail;
  return {
    truncated: true,
    bytes: Buffer.byteLength(json, "utf8"),
    sha256: createHash("sha256").update(json).digest("hex"),
    preview: utf8Slice(json, Math.max(0, Math.floor(max / 4))),
  };
}

export function boundMessage(message: string | null | undefined, max = MAX_MESSAGE_CHARS): string | null {
  if (message == null) return null;
  return message.length > max ? `${message.slice(0, max)}…` : message;
}
