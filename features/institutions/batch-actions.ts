"use server";

import { type BatchTarget, batchDeleteAction, batchRestoreAction } from "@/features/registry/batch";
import { institutionBinding } from "./queries";
import { institutionRegistry } from "./registry";
import { loadInstitutionSearch } from "./validations";
import { institutionWrites } from "./writes";

// The list's batch operations (features/registry/batch.ts): each record through the one write path with the
// rules of ./writes.ts; the selection resolved on the server through the list's own query.

const target: BatchTarget = {
  definition: institutionRegistry,
  binding: institutionBinding,
  writes: institutionWrites,
  loadSearch: (p) => loadInstitutionSearch(p),
};

/** 批量删除 of the selected rows (or every row of the filter). */
export const batchDeleteInstitutions = batchDeleteAction(target, "institution");

/** 批量恢复 of selected deleted rows (admin). */
export const batchRestoreInstitutions = batchRestoreAction(target, "institution");
