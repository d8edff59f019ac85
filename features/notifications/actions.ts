"use server";
import { notificationReads } from "@/db/schema";
import { defineAction } from "@/lib/action";
import { markReadSchema } from "./validations";

/** Marks notification items read for the signed-in user (their own marks only; the items stay computed). */
export const markNotificationsRead = defineAction({
  name: "notification.markRead",
  permission: null,
  schema: markReadSchema,
  handler: ({ keys }, { tx, user, audit }) => {
    const unique = [...new Set(keys)];
    for (const key of unique)
      tx.insert(notificationReads).values({ userId: user.id, itemKey: key }).onConflictDoNothing().run();
    audit({ objectType: "user", objectId: user.id, detail: { keys: unique.slice(0, 50), count: unique.length } });
    return { marked: unique.length };
  },
  revalidate: ["/notifications", "/"],
});
