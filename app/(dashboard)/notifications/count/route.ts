import { getMyUnreadCount } from "@/features/notifications/queries";

// GET /notifications/count → { unread }: the bell's count, computed by the server for the signed-in user.
export async function GET() {
  return Response.json({ unread: await getMyUnreadCount() }, { headers: { "Cache-Control": "no-store" } });
}
