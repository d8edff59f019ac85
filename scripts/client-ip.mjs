// Loaded into the server process with `node --import` (scripts/start.ts, the dev script) before Next starts.
// Node gives the app no socket address, and Next copies a client-sent X-Forwarded-For through unchanged, so
// every request is rewritten here, where the socket is still known:
//   TRUST_PROXY unset/0 → the client IP is the TCP peer; any X-Forwarded-* sent by the client is dropped.
//   TRUST_PROXY=<hops>  → that many proxies in front of us are trusted: the client IP is the address
//                         <hops> entries from the right of "X-Forwarded-For, peer".
// The app then reads one clean `x-forwarded-for` (lib/request-info.ts) and checks the marker header below.
import http from "node:http";

export const CHECKED_HEADER = "x-bureau-client-ip-checked";

/** @param {string | undefined} value */
export function trustedHops(value) {
  const n = Number(value ?? "");
  return Number.isInteger(n) && n > 0 && n < 32 ? n : 0;
}

/** @param {string | undefined | null} address */
function clean(address) {
  if (!address) return null;
  const a = address.trim().replace(/^\[|\]$/g, "");
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  const out = v4 ? v4[1] : a;
  // Only plausible address characters; anything else a client put in a header is not an address.
  return /^[0-9A-Fa-f:.]{2,45}$/.test(out) ? out : null;
}

/**
 * @param {string | string[] | undefined} forwardedFor
 * @param {string | undefined | null} peer
 * @param {number} hops
 */
export function resolveClientIp(forwardedFor, peer, hops) {
  const own = clean(peer);
  if (hops <= 0) return own;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    own ?? "",
  ];
  const picked = chain[Math.max(0, chain.length - 1 - hops)];
  return clean(picked) ?? own;
}

/** @param {import("node:http").IncomingMessage} req */
export function rewriteForwardedHeaders(req) {
  const hops = trustedHops(process.env.TRUST_PROXY);
  const ip = resolveClientIp(req.headers["x-forwarded-for"], req.socket?.remoteAddress, hops);
  if (hops === 0) {
    for (const h of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-real-ip"]) {
      delete req.headers[h];
    }
    if (/** @type {import("node:tls").TLSSocket} */ (req.socket)?.encrypted) req.headers["x-forwarded-proto"] = "https";
  } else {
    delete req.headers["x-real-ip"];
  }
  if (ip) req.headers["x-forwarded-for"] = ip;
  else delete req.headers["x-forwarded-for"];
  req.headers[CHECKED_HEADER] = "1";
}

const PATCHED = Symbol.for("bureau.clientIpPatched");
const proto = /** @type {any} */ (http.Server.prototype);
if (!proto[PATCHED]) {
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
    if (event === "request" && args[0]?.headers) rewriteForwardedHeaders(args[0]);
    return emit.call(this, event, ...args);
  };
}
