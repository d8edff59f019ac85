import type { AwardBatchState } from "@/db/schema";

export const STATE_TONE: Record<AwardBatchState, "neutral" | "brand" | "ok" | "warn" | "bad"> = {
  draft: "neutral",
  review: "warn",
  approval: "warn",
  approved: "brand",
  publicity: "brand",
  payment: "brand",
  done: "ok",
};
