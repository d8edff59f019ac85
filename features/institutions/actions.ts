"use server";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterprises, institutions } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { assertDictionaryValue, assertVersion, changedFields, loadRecord, setDeleted } from "@/lib/registry/records";
import { nowIso } from "@/lib/time";
import { createInstitutionSchema, institutionRefSchema, updateInstitutionSchema } from "./validations";

const LIST = "/institutions";
const detail = (id: number) => `/institutions/${id}`;

const loadLive = (tx: Tx, id: number) => loadRecord(tx, institutions, id);

/**
 * A host enterprise must exist and be live. A record may keep the enterprise it already had (so an
 * unrelated edit is not blocked because that enterprise was deleted since); a new choice must be live.
 */
function assertHostEnterprise(tx: Tx, id: number | null, previousId?: number | null) {
  if (id == null) return;
  const row = tx
    .select({ id: enterprises.id, deletedAt: enterprises.deletedAt })
    .from(enterprises)
    .where(eq(enterprises.id, id))
    .get();
  if (!row || (row.deletedAt && id !== previousId)) {
    throw new ActionError("errors.invalidInput", { hostEnterpriseId: ["institutions.hostEnterpriseInvalid"] });
  }
}

/** Registers a new R&D institution or platform. */
export const createInstitution = defineAction({
  name: "institution.create",
  registries: ["institution"],
  permission: "registry.write",
  schema: createInstitutionSchema,
  handler: (input, { tx, user, audit }) => {
    assertDictionaryValue(tx, "institution_type", "typeId", input.typeId);
    assertHostEnterprise(tx, input.hostEnterpriseId);
    const row = tx
      .insert(institutions)
      .values({ ...input, createdBy: user.id, updatedBy: user.id })
      .returning({ id: institutions.id })
      .get();
    audit({ objectType: "institution", objectId: row.id, after: input });
    return { id: row.id };
  },
  revalidate: (i) => [LIST, ...(i.hostEnterpriseId ? [`/enterprises/${i.hostEnterpriseId}`] : [])],
});

/** Edits an institution; refused if someone else saved it since the form was opened. */
export const updateInstitution = defineAction({
  name: "institution.update",
  registries: ["institution"],
  permission: "registry.write",
  schema: updateInstitutionSchema,
  handler: ({ id, version, ...input }, { tx, user, audit }) => {
    const before = loadLive(tx, id);
    assertVersion(before, version);
    assertDictionaryValue(tx, "institution_type", "typeId", input.typeId, before.typeId);
    assertHostEnterprise(tx, input.hostEnterpriseId, before.hostEnterpriseId);
    tx.update(institutions)
      .set({ ...input, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(and(eq(institutions.id, id), eq(institutions.version, version)))
      .run();
    audit({ objectType: "institution", objectId: id, ...changedFields(before, input) });
    return { id, hosts: [before.hostEnterpriseId, input.hostEnterpriseId] };
  },
  revalidate: (i, d) => [
    LIST,
    detail(i.id),
    ...d.hosts.filter((h): h is number => h != null).map((h) => `/enterprises/${h}`),
  ],
});

/** Soft delete: hidden from lists and counts, kept for the record and restorable by an admin. */
export const deleteInstitution = defineAction({
  name: "institution.delete",
  registries: ["institution"],
  permission: "registry.write",
  schema: institutionRefSchema,
  handler: (ref, ctx) => {
    const before = setDeleted(ctx, institutions, "institution", ref, true);
    return { id: ref.id, host: before.hostEnterpriseId };
  },
  revalidate: (i, d) => [LIST, detail(i.id), ...(d.host ? [`/enterprises/${d.host}`] : [])],
});

/** Brings a soft-deleted record back (admin). */
export const restoreInstitution = defineAction({
  name: "institution.restore",
  registries: ["institution"],
  permission: "registry.restore",
  schema: institutionRefSchema,
  handler: (ref, ctx) => {
    const before = setDeleted(ctx, institutions, "institution", ref, false);
    return { id: ref.id, host: before.hostEnterpriseId };
  },
  revalidate: (i, d) => [LIST, detail(i.id), ...(d.host ? [`/enterprises/${d.host}`] : [])],
});
