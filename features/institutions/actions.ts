"use server";
import { institutionWrites } from "@/features/institutions/writes";
import { createRecord, formWrite, setRecordDeleted, updateRecord } from "@/features/registry/write";
import { defineAction } from "@/lib/action";
import { createInstitutionSchema, institutionRefSchema, updateInstitutionSchema } from "./validations";

// Every write goes through the registry write path (features/registry/write.ts) with the rules of
// features/institutions/writes.ts, the same path the Excel import takes.

const LIST = "/institutions";
const detail = (id: number) => `/institutions/${id}`;

/** Registers a new R&D institution or platform. */
export const createInstitution = defineAction({
  name: "institution.create",
  registries: ["institution"],
  permission: "registry.write",
  schema: createInstitutionSchema,
  handler: (input, ctx) => ({ id: formWrite(ctx, (w) => createRecord(w, institutionWrites, input)).id }),
  revalidate: (i) => [LIST, ...(i.hostEnterpriseId ? [`/enterprises/${i.hostEnterpriseId}`] : [])],
});

/** Edits an institution; a save over someone else's is refused with who changed it and its current values. */
export const updateInstitution = defineAction({
  name: "institution.update",
  registries: ["institution"],
  permission: "registry.write",
  schema: updateInstitutionSchema,
  handler: ({ id, version, ...input }, ctx) => {
    const { before } = formWrite(ctx, (w) => updateRecord(w, institutionWrites, { id, version }, input));
    return { id, hosts: [before.hostEnterpriseId as number | null, input.hostEnterpriseId] };
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
    const { before } = formWrite(ctx, (w) => setRecordDeleted(w, institutionWrites, ref, true, "institution.delete"));
    return { id: ref.id, host: before.hostEnterpriseId as number | null };
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
    const { before } = formWrite(ctx, (w) => setRecordDeleted(w, institutionWrites, ref, false, "institution.restore"));
    return { id: ref.id, host: before.hostEnterpriseId as number | null };
  },
  revalidate: (i, d) => [LIST, detail(i.id), ...(d.host ? [`/enterprises/${d.host}`] : [])],
});
