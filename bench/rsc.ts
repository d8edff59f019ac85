// What a browser's client navigation (or prefetch) sends to Next 16, for the bench and the e2e tests: no app module
// is imported here.
import { createHash } from "node:crypto";

/**
 * The router state a browser sends when it navigates inside the dashboard to the enterprise list (Next's
 * `Next-Router-State-Tree`: the segments already on screen). Without it and `RSC: 1` (and `_rsc`) the server
 * answers a full page or a 307, not the RSC payload a client navigation reads.
 */
export function routerStateTree(): string {
  const tree = [
    "",
    {
      children: [
        "(dashboard)",
        { children: ["enterprises", { children: ["__PAGE__", {}, null, null] }, null, null] },
        null,
        null,
      ],
    },
    null,
    null,
  ];
  return encodeURIComponent(JSON.stringify(tree));
}

/**
 * The `_rsc` search parameter the router adds to a navigation (or, `prefetch`, a prefetch): Next 16 checks it
 * against its request headers (SHA-256 of "prefetch,segment,state tree,next-url", 12 bytes, base64url) and answers
 * 307 when it does not match.
 */
export function rscParam(stateTree: string, prefetch = false): string {
  const digest = createHash("sha256")
    .update([prefetch ? "1" : "0", "0", stateTree, "0"].join(","))
    .digest();
  return digest.subarray(0, 12).toString("base64url");
}
