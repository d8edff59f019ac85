import "server-only";
import { awardsWaiting } from "@/features/awards/engine";
import { can } from "@/lib/permissions";
import type { NotificationSource } from "../types";

/** 政策兑现: each award batch waiting on the user's role (to review, approve, publicise or pay). */
export const awardBatches: NotificationSource = (db, user, { t }) => {
  if (!can(user.role, "award.read")) return [];
  return awardsWaiting(db, user).map((b) => ({
    key: `award:${b.batchId}:${b.state}`,
    kind: "award",
    title: t("notifications.awardWaiting", {
      year: b.year,
      policy: b.policyName,
      id: b.batchId,
      state: t(`awards.state.${b.state}`),
    }),
    href: `/awards/batches/${b.batchId}`,
    titleHasData: true,
  }));
};
