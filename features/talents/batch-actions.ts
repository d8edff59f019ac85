"use server";

import { type BatchTarget, batchDeleteAction, batchRestoreAction } from "@/features/registry/batch";
import { talentBinding } from "./queries";
import { talentRegistry } from "./registry";
import { loadTalentSearch } from "./validations";
import { talentWrites } from "./writes";

// The list's batch operations (features/registry/batch.ts): each record through the one write path with the
// rules of ./writes.ts; the selection resolved on the server through the list's own query.

const target: BatchTarget = {
  definition: talentRegistry,
  binding: talentBinding,
  writes: talentWrites,
  loadSearch: (p) => loadTalentSearch(p),
};

/** 批量删除 of the selected rows (or every row of the filter). */
export const batchDeleteTalents = batchDeleteAction(target, "talent");

/** 批量恢复 of selected deleted rows (admin). */
export const batchRestoreTalents = batchRestoreAction(target, "talent");
