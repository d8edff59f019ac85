"use server";
import { incubatorWrites, tenancyWrites } from "@/features/incubators/writes";
import { createRecord, formWrite, loadLive, setRecordDeleted, updateRecord } from "@/features/registry/write";
import { defineAction } from "@/lib/action";
import {
  addTenantSchema,
  createIncubatorSchema,
  incubatorRefSchema,
  tenantRefSchema,
  updateIncubatorSchema,
  updateTenantSchema,
} from "./validations";

// Every write goes through the registry write path (features/registry/write.ts) with the rules of
// features/incubators/writes.ts, the same path the Excel import takes.

const LIST = "/incubators";
const detail = (id: number) => `/incubators/${id}`;
const enterpriseDetail = (id: number) => `/enterprises/${id}`;

/** Registers a new incubator (孵化载体). */
export const createIncubator = defineAction({
  name: "incubator.create",
  registries: ["incubator"],
  permission: "registry.write",
  schema: createIncubatorSchema,
  handler: (input, ctx) => ({ id: formWrite(ctx, (w) => createRecord(w, incubatorWrites, input)).id }),
  revalidate: [LIST],
});

/** Edits an incubator; a save over someone else's is refused with who changed it and its current values. */
export const updateIncubator = defineAction({
  name: "incubator.update",
  registries: ["incubator"],
  permission: "registry.write",
  schema: updateIncubatorSchema,
  handler: ({ id, version, ...input }, ctx) => {
    formWrite(ctx, (w) => updateRecord(w, incubatorWrites, { id, version }, input));
    return { id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

/** Soft delete: hidden from lists and counts, kept for the record and restorable by an admin. */
export const deleteIncubator = defineAction({
  name: "incubator.delete",
  registries: ["incubator"],
  permission: "registry.write",
  schema: incubatorRefSchema,
  handler: (ref, ctx) => {
    formWrite(ctx, (w) => setRecordDeleted(w, incubatorWrites, ref, true, "incubator.delete"));
    return { id: ref.id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

/** Brings a soft-deleted record back (admin). */
export const restoreIncubator = defineAction({
  name: "incubator.restore",
  registries: ["incubator"],
  permission: "registry.restore",
  schema: incubatorRefSchema,
  handler: (ref, ctx) => {
    formWrite(ctx, (w) => setRecordDeleted(w, incubatorWrites, ref, false, "incubator.restore"));
    return { id: ref.id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

// ───────────────────────────── tenants (在孵企业) ─────────────────────────────

/** Adds a live enterprise to an incubator's tenants (no overlapping tenancy of the same enterprise there). */
export const addTenant = defineAction({
  name: "incubator.tenant.add",
  registries: ["incubator"],
  permission: "registry.write",
  schema: addTenantSchema,
  handler: (input, ctx) => {
    const { id } = formWrite(ctx, (w) => {
      const r = createRecord(w, tenancyWrites, input);
      const enterprise = w.get<{ name: string }>("SELECT name FROM enterprises WHERE id = ?", input.enterpriseId);
      // The tenancy's history entry names the enterprise; the incubator is in the detail.
      const after = { enterpriseId: input.enterpriseId, moveInDate: input.moveInDate, moveOutDate: input.moveOutDate };
      return { ...r, log: { ...r.log, after, detail: { incubatorId: input.incubatorId }, message: enterprise?.name } };
    });
    return { id, incubatorId: input.incubatorId, enterpriseId: input.enterpriseId };
  },
  revalidate: (_i, d) => [LIST, detail(d.incubatorId), enterpriseDetail(d.enterpriseId)],
});

/** Records (or corrects, or clears) a tenant's move-out date. */
export const updateTenant = defineAction({
  name: "incubator.tenant.update",
  registries: ["incubator"],
  permission: "registry.write",
  schema: updateTenantSchema,
  handler: ({ id, version, moveOutDate }, ctx) => {
    const { before } = formWrite(ctx, (w) => {
      const current = loadLive(w, tenancyWrites, id);
      const r = updateRecord(
        w,
        tenancyWrites,
        { id, version },
        {
          incubatorId: current.incubatorId,
          enterpriseId: current.enterpriseId,
          moveInDate: current.moveInDate,
          moveOutDate,
        },
      );
      // The enterprise is named on both sides so the history entry says whose date changed.
      const log = {
        ...r.log,
        before: { enterpriseId: r.before.enterpriseId, ...r.log.before },
        after: { enterpriseId: r.before.enterpriseId, ...r.log.after },
        detail: { incubatorId: r.before.incubatorId },
      };
      return { ...r, log };
    });
    return { id, incubatorId: before.incubatorId as number, enterpriseId: before.enterpriseId as number };
  },
  revalidate: (_i, d) => [LIST, detail(d.incubatorId), enterpriseDetail(d.enterpriseId)],
});

/** Soft-deletes a tenant row (entered by mistake); a real departure is a move-out date instead. */
export const removeTenant = defineAction({
  name: "incubator.tenant.remove",
  registries: ["incubator"],
  permission: "registry.write",
  schema: tenantRefSchema,
  handler: (ref, ctx) => {
    const { before } = formWrite(ctx, (w) => setRecordDeleted(w, tenancyWrites, ref, true, "incubator.tenant.remove"));
    return { id: ref.id, incubatorId: before.incubatorId as number, enterpriseId: before.enterpriseId as number };
  },
  revalidate: (_i, d) => [LIST, detail(d.incubatorId), enterpriseDetail(d.enterpriseId)],
});
