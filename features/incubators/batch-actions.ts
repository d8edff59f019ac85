"use server";

import { type BatchTarget, batchDeleteAction, batchRestoreAction } from "@/features/registry/batch";
import { incubatorBinding } from "./queries";
import { incubatorRegistry } from "./registry";
import { loadIncubatorSearch } from "./validations";
import { incubatorWrites } from "./writes";

// The list's batch operations (features/registry/batch.ts): each record through the one write path with the
// rules of ./writes.ts; the selection resolved on the server through the list's own query.

const target: BatchTarget = {
  definition: incubatorRegistry,
  binding: incubatorBinding,
  writes: incubatorWrites,
  loadSearch: (p) => loadIncubatorSearch(p),
};

/** 批量删除 of the selected rows (or every row of the filter). */
export const batchDeleteIncubators = batchDeleteAction(target, "incubator");

/** 批量恢复 of selected deleted rows (admin). */
export const batchRestoreIncubators = batchRestoreAction(target, "incubator");
