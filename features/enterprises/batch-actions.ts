"use server";
import { ENTERPRISE_STATUSES } from "@/db/enums";
import {
  type BatchTarget,
  batchDeleteAction,
  batchRestoreAction,
  batchSetFieldAction,
} from "@/features/registry/batch";
import { enterpriseBinding } from "./list-query";
import { enterpriseRegistry } from "./registry";
import { loadEnterpriseSearch } from "./validations";
import { enterpriseWrites } from "./writes";

// The list's batch operations (features/registry/batch.ts): each record through the one write path with the
// rules of ./writes.ts; the selection resolved on the server through the list's own query.

const target: BatchTarget = {
  definition: enterpriseRegistry,
  binding: enterpriseBinding,
  writes: enterpriseWrites,
  loadSearch: (p) => loadEnterpriseSearch(p),
};

/** 批量删除 of the selected rows (or every row of the filter). */
export const batchDeleteEnterprises = batchDeleteAction(target, "enterprise");

/** 批量恢复 of selected deleted rows (admin). */
export const batchRestoreEnterprises = batchRestoreAction(target, "enterprise");

/** 批量修改状态 (在册/注销/迁出) of the selected or filtered enterprises; the status date moves as in the single edit. */
export const batchStatusEnterprises = batchSetFieldAction(target, "enterprise", "status", ENTERPRISE_STATUSES);
