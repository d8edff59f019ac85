import { sessionStatus } from "@/lib/session-status";

// The idle warning's two calls: GET tells how long the session has left without extending it; POST (续期)
// extends a live session. Neither revives an ended one: that takes signing in again.
export const dynamic = "force-dynamic";

function answer(s: Awaited<ReturnType<typeof sessionStatus>>) {
  return Response.json(s, { status: s.live ? 200 : 401, headers: { "Cache-Control": "no-store" } });
}

export async function GET() {
  return answer(await sessionStatus());
}

export async function POST() {
  return answer(await sessionStatus({ renew: true }));
}
