import "server-only";
import { waitingCount } from "@/features/review/queries";
import { can } from "@/lib/permissions";
import type { NotificationSource } from "../types";

/**
 * 录入 → 审核: for a reviewer the queue's size (one item, its key naming the count so a new submission is new), for
 * a submitter their returned items.
 */
export const reviewQueue: NotificationSource = (db, user, { t }) => {
  if (!can(user.role, "registry.write")) return [];
  const reviewer = can(user.role, "registry.review") && user.scope.kind === "all";
  const count = waitingCount(db, user, can(user.role, "registry.review"));
  if (count === 0) return [];
  return reviewer
    ? [
        {
          key: `review-pending:${count}`,
          kind: "review",
          title: t("notifications.reviewPending", { count }),
          count,
          href: "/review",
        },
      ]
    : [
        {
          key: `review-returned:${user.id}:${count}`,
          kind: "returned",
          title: t("notifications.reviewReturned", { count }),
          count,
          href: "/review",
        },
      ];
};
