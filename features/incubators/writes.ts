import "server-only";
import { incubators, incubatorTenants } from "@/db/schema";
import { incubatorRegistry, tenancyRegistry } from "@/features/incubators/registry";
import { type RegistryWrites, RuleError } from "@/features/registry/write";

// The incubator registry's write rules (and its tenants'), used by its form actions and by the Excel import.

export const incubatorWrites: RegistryWrites = {
  objectType: incubatorRegistry.objectType,
  fields: incubatorRegistry.fields,
  scope: incubatorRegistry.scope,
  table: incubators,
  actions: { create: "incubator.create", update: "incubator.update" },
};

/**
 * One enterprise cannot be a tenant of the same incubator twice at once: its live tenancies there must not
 * overlap. A tenancy runs from the move-in date until the move-out date (open-ended while not moved out).
 */
export const tenancyWrites: RegistryWrites = {
  objectType: tenancyRegistry.objectType,
  fields: tenancyRegistry.fields,
  scope: tenancyRegistry.scope,
  table: incubatorTenants,
  actions: { create: "incubator.tenant.add", update: "incubator.tenant.update" },
  parent: { field: "incubatorId", table: "incubators" },
  linkMessages: { enterpriseId: "incubators.tenants.enterpriseNotLive" },
  rules: [
    (_w, v) => {
      if (v.moveOutDate && (v.moveOutDate as string) < (v.moveInDate as string))
        throw new RuleError("moveOutDate", "incubators.tenants.moveOutBeforeMoveIn");
    },
    (w, v, before) => {
      const clash = w.get<{ moveInDate: string }>(
        `SELECT move_in_date AS moveInDate FROM incubator_tenants
          WHERE incubator_id = ? AND enterprise_id = ? AND deleted_at IS NULL AND id <> ?
            AND (move_out_date IS NULL OR move_out_date > ?)
            AND (? IS NULL OR move_in_date < ?)`,
        v.incubatorId,
        v.enterpriseId,
        before?.id ?? 0,
        v.moveInDate,
        v.moveOutDate ?? null,
        v.moveOutDate ?? null,
      );
      if (clash)
        throw new RuleError(
          before ? "moveOutDate" : "enterpriseId",
          `incubators.tenants.alreadyTenant|from=${encodeURIComponent(clash.moveInDate)}`,
        );
    },
  ],
  deleteLog: (b) => ({
    before: { enterpriseId: b.enterpriseId, moveInDate: b.moveInDate, moveOutDate: b.moveOutDate },
    detail: { incubatorId: b.incubatorId },
  }),
};
