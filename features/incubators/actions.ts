"use server";
import { and, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterprises, incubators, incubatorTenants } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { assertDictionaryValue, assertVersion, changedFields, loadRecord, setDeleted } from "@/lib/registry/records";
import { nowIso } from "@/lib/time";
import {
  addTenantSchema,
  type CreateIncubatorInput,
  createIncubatorSchema,
  incubatorRefSchema,
  tenantRefSchema,
  updateIncubatorSchema,
  updateTenantSchema,
} from "./validations";

const LIST = "/incubators";
const detail = (id: number) => `/incubators/${id}`;
const enterpriseDetail = (id: number) => `/enterprises/${id}`;

const loadLive = (tx: Tx, id: number) => loadRecord(tx, incubators, id);

function assertDictionaries(tx: Tx, input: CreateIncubatorInput, before?: typeof incubators.$inferSelect) {
  assertDictionaryValue(tx, "incubator_type", "typeId", input.typeId, before?.typeId);
  assertDictionaryValue(tx, "street", "streetId", input.streetId, before?.streetId);
}

/** Registers a new incubator (孵化载体). */
export const createIncubator = defineAction({
  name: "incubator.create",
  registries: ["incubator"],
  permission: "registry.write",
  schema: createIncubatorSchema,
  handler: (input, { tx, user, audit }) => {
    assertDictionaries(tx, input);
    const row = tx
      .insert(incubators)
      .values({ ...input, createdBy: user.id, updatedBy: user.id })
      .returning({ id: incubators.id })
      .get();
    audit({ objectType: "incubator", objectId: row.id, after: input });
    return { id: row.id };
  },
  revalidate: [LIST],
});

/** Edits an incubator; refused if someone else saved it since the form was opened. */
export const updateIncubator = defineAction({
  name: "incubator.update",
  registries: ["incubator"],
  permission: "registry.write",
  schema: updateIncubatorSchema,
  handler: ({ id, version, ...input }, { tx, user, audit }) => {
    const before = loadLive(tx, id);
    assertVersion(before, version);
    assertDictionaries(tx, input, before);
    tx.update(incubators)
      .set({ ...input, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(and(eq(incubators.id, id), eq(incubators.version, version)))
      .run();
    audit({ objectType: "incubator", objectId: id, ...changedFields(before, input) });
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
    setDeleted(ctx, incubators, "incubator", ref, true);
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
    setDeleted(ctx, incubators, "incubator", ref, false);
    return { id: ref.id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

// ───────────────────────────── tenants (在孵企业) ─────────────────────────────

function loadTenant(tx: Tx, id: number) {
  const row = tx.select().from(incubatorTenants).where(eq(incubatorTenants.id, id)).get();
  if (!row || row.deletedAt) throw new ActionError("registry.notFound");
  return row;
}

/**
 * One enterprise cannot be a tenant of the same incubator twice at once: its live tenancies there must not
 * overlap. A tenancy runs from the move-in date until the move-out date (open-ended while not moved out).
 */
function assertNoOverlap(
  tx: Tx,
  t: { incubatorId: number; enterpriseId: number; moveInDate: string; moveOutDate: string | null },
  field: "enterpriseId" | "moveOutDate",
  exceptId?: number,
) {
  const clash = tx
    .select({ moveInDate: incubatorTenants.moveInDate })
    .from(incubatorTenants)
    .where(
      and(
        eq(incubatorTenants.incubatorId, t.incubatorId),
        eq(incubatorTenants.enterpriseId, t.enterpriseId),
        isNull(incubatorTenants.deletedAt),
        exceptId ? ne(incubatorTenants.id, exceptId) : undefined,
        // existing.out is open or after the new move-in …
        or(isNull(incubatorTenants.moveOutDate), gt(incubatorTenants.moveOutDate, t.moveInDate)),
        // … and the new tenancy is open or moves out after the existing move-in.
        t.moveOutDate ? lt(incubatorTenants.moveInDate, t.moveOutDate) : undefined,
      ),
    )
    .get();
  if (clash) {
    throw new ActionError("errors.invalidInput", {
      [field]: [`incubators.tenants.alreadyTenant|from=${encodeURIComponent(clash.moveInDate)}`],
    });
  }
}

/** Adds a live enterprise to an incubator's tenants. */
export const addTenant = defineAction({
  name: "incubator.tenant.add",
  registries: ["incubator"],
  permission: "registry.write",
  schema: addTenantSchema,
  handler: (input, { tx, user, audit }) => {
    const incubator = loadLive(tx, input.incubatorId);
    const enterprise = tx
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId), isNull(enterprises.deletedAt)))
      .get();
    if (!enterprise) {
      throw new ActionError("errors.invalidInput", { enterpriseId: ["incubators.tenants.enterpriseNotLive"] });
    }
    assertNoOverlap(tx, input, "enterpriseId");
    const row = tx
      .insert(incubatorTenants)
      .values({ ...input, createdBy: user.id, updatedBy: user.id })
      .returning({ id: incubatorTenants.id })
      .get();
    audit({
      objectType: "incubator_tenant",
      objectId: row.id,
      after: { enterpriseId: input.enterpriseId, moveInDate: input.moveInDate, moveOutDate: input.moveOutDate },
      detail: { incubatorId: incubator.id },
      message: enterprise.name,
    });
    return { id: row.id, incubatorId: incubator.id, enterpriseId: enterprise.id };
  },
  revalidate: (_i, d) => [LIST, detail(d.incubatorId), enterpriseDetail(d.enterpriseId)],
});

/** Records (or corrects, or clears) a tenant's move-out date. */
export const updateTenant = defineAction({
  name: "incubator.tenant.update",
  registries: ["incubator"],
  permission: "registry.write",
  schema: updateTenantSchema,
  handler: ({ id, version, moveOutDate }, { tx, user, audit }) => {
    const before = loadTenant(tx, id);
    assertVersion(before, version);
    loadLive(tx, before.incubatorId);
    if (moveOutDate && moveOutDate < before.moveInDate) {
      throw new ActionError("errors.invalidInput", { moveOutDate: ["incubators.tenants.moveOutBeforeMoveIn"] });
    }
    assertNoOverlap(tx, { ...before, moveOutDate }, "moveOutDate", id);
    tx.update(incubatorTenants)
      .set({ moveOutDate, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(and(eq(incubatorTenants.id, id), eq(incubatorTenants.version, version)))
      .run();
    const diff = changedFields(before, { moveOutDate });
    // The enterprise is named on both sides so the history entry says whose date changed.
    audit({
      objectType: "incubator_tenant",
      objectId: id,
      before: { enterpriseId: before.enterpriseId, ...diff.before },
      after: { enterpriseId: before.enterpriseId, ...diff.after },
      detail: { incubatorId: before.incubatorId },
    });
    return { id, incubatorId: before.incubatorId, enterpriseId: before.enterpriseId };
  },
  revalidate: (_i, d) => [LIST, detail(d.incubatorId), enterpriseDetail(d.enterpriseId)],
});

/** Soft-deletes a tenant row (entered by mistake); a real departure is a move-out date instead. */
export const removeTenant = defineAction({
  name: "incubator.tenant.remove",
  registries: ["incubator"],
  permission: "registry.write",
  schema: tenantRefSchema,
  handler: ({ id, version }, { tx, user, audit }) => {
    const before = loadTenant(tx, id);
    assertVersion(before, version);
    loadLive(tx, before.incubatorId);
    const at = nowIso();
    tx.update(incubatorTenants)
      .set({ deletedAt: at, deletedBy: user.id, version: before.version + 1, updatedAt: at, updatedBy: user.id })
      .where(eq(incubatorTenants.id, id))
      .run();
    audit({
      objectType: "incubator_tenant",
      objectId: id,
      before: { enterpriseId: before.enterpriseId, moveInDate: before.moveInDate, moveOutDate: before.moveOutDate },
      after: { deletedAt: at },
      detail: { incubatorId: before.incubatorId },
    });
    return { id, incubatorId: before.incubatorId, enterpriseId: before.enterpriseId };
  },
  revalidate: (_i, d) => [LIST, detail(d.incubatorId), enterpriseDetail(d.enterpriseId)],
});
