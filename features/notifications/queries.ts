import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type DB, getDb } from "@/db";
import { notificationReads } from "@/db/schema";
import { anyDataVersion } from "@/features/kpi/registry-counts";
import { type CurrentUser, requireUser } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { todayIso } from "@/lib/time";
import { SOURCES } from "./sources";
import type { NotificationItem, NotificationSource } from "./types";

export type UserNotification = NotificationItem & { readAt: string | null };

/** What waits for a user from the given sources, each with its read mark; unread first, then by due date. */
export function collectNotifications(
  db: DB,
  user: CurrentUser,
  ctx: Parameters<NotificationSource>[2],
  sources: readonly NotificationSource[] = SOURCES,
): UserNotification[] {
  const items = sources.flatMap((source) => source(db, user, ctx));
  const reads = new Map<string, string>();
  const keys = items.map((i) => i.key);
  // Read marks of these items only (a user's old marks of items gone since are never read back).
  for (let i = 0; i < keys.length; i += 500) {
    for (const r of db
      .select({ key: notificationReads.itemKey, at: notificationReads.readAt })
      .from(notificationReads)
      .where(and(eq(notificationReads.userId, user.id), inArray(notificationReads.itemKey, keys.slice(i, i + 500))))
      .all())
      reads.set(r.key, r.at);
  }
  return items
    .map((i) => ({ ...i, readAt: reads.get(i.key) ?? null }))
    .sort(
      (a, b) =>
        Number(a.readAt !== null) - Number(b.readAt !== null) || (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999"),
    );
}

type Cached = { version: string; items: Map<string, UserNotification[]> };
const cached = globalThis as unknown as { __notificationCache?: Cached };
const MAX_CACHED_USERS = 500;

/**
 * The signed-in user's notifications, computed by the server once per state of the data: every source reads the
 * database only, and every write moves anyDataVersion (an action here, including a read mark, or a commit by
 * another connection), so a cached list always equals a fresh one. Keyed by everything a source reads of the user
 * (id, role, data scope) and by the locale and day. The layout's bell and the board's digest share one computation.
 */
export async function getMyNotifications(): Promise<UserNotification[]> {
  const user = await requireUser();
  const locale = await getLocale();
  const today = todayIso();
  const version = anyDataVersion();
  if (!cached.__notificationCache || cached.__notificationCache.version !== version)
    cached.__notificationCache = { version, items: new Map() };
  const c = cached.__notificationCache.items;
  const key = JSON.stringify([user.id, user.role, user.scope, locale, today]);
  const hit = c.get(key);
  if (hit) return hit;
  const t = await getT();
  const items = collectNotifications(getDb(), user, { t, today, locale });
  if (c.size >= MAX_CACHED_USERS) c.delete(c.keys().next().value as string);
  c.set(key, items);
  return items;
}

/** How many of them are unread (the bell's count). */
export async function getMyUnreadCount(): Promise<number> {
  return (await getMyNotifications()).filter((i) => i.readAt === null).length;
}
