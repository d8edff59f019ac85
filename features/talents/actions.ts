"use server";
import { talents } from "@/db/schema";
import { scopeWhere } from "@/features/registry/query";
import { createRecord, formWrite, setRecordDeleted, updateRecord } from "@/features/registry/write";
import { talentRegistry } from "@/features/talents/registry";
import { talentWrites } from "@/features/talents/writes";
import { ActionError, defineAction } from "@/lib/action";
import { can } from "@/lib/permissions";
import { loadRecord } from "@/lib/registry/records";
import { createTalentSchema, talentRefSchema, talentRevealSchema, updateTalentSchema } from "./validations";

const LIST = "/talents";
const detail = (id: number) => `/talents/${id}`;
/** The enterprise pages that list this talent by employer (before and after a change). */
const employerPages = (...ids: (number | null | undefined)[]) =>
  [...new Set(ids.filter((e): e is number => e != null))].map((e) => `/enterprises/${e}`);

/** Registers a person or team (人才). */
export const createTalent = defineAction({
  name: "talent.create",
  registries: ["talent"],
  permission: "registry.write",
  schema: createTalentSchema,
  handler: (input, ctx) => {
    // The log masks phone / idNumber (lib/audit.ts).
    const { id, values } = formWrite(ctx, (w) => createRecord(w, talentWrites, input));
    return { id, employers: employerPages(values.employerEnterpriseId as number | null) };
  },
  revalidate: (_i, d) => [LIST, ...d.employers],
});

/** Edits a talent; an empty phone / ID number keeps the stored value (the form never holds it). */
export const updateTalent = defineAction({
  name: "talent.update",
  registries: ["talent"],
  permission: "registry.write",
  schema: updateTalentSchema,
  handler: ({ id, version, clearIdNumber, ...input }, ctx) => {
    const clear = clearIdNumber ? ["idNumber"] : [];
    const { before, values } = formWrite(ctx, (w) => updateRecord(w, talentWrites, { id, version }, input, { clear }));
    return {
      id,
      employers: employerPages(
        before.employerEnterpriseId as number | null,
        values.employerEnterpriseId as number | null,
      ),
    };
  },
  revalidate: (i, d) => [LIST, detail(i.id), ...d.employers],
});

/** Soft delete: hidden from lists and counts, kept for the record and restorable by an admin. */
export const deleteTalent = defineAction({
  name: "talent.delete",
  registries: ["talent"],
  permission: "registry.write",
  schema: talentRefSchema,
  handler: (ref, ctx) => {
    const { before } = formWrite(ctx, (w) => setRecordDeleted(w, talentWrites, ref, true, "talent.delete"));
    return { id: ref.id, employers: employerPages(before.employerEnterpriseId as number | null) };
  },
  revalidate: (i, d) => [LIST, detail(i.id), ...d.employers],
});

/** Brings a soft-deleted record back (admin). */
export const restoreTalent = defineAction({
  name: "talent.restore",
  registries: ["talent"],
  permission: "registry.restore",
  schema: talentRefSchema,
  handler: (ref, ctx) => {
    const { before } = formWrite(ctx, (w) => setRecordDeleted(w, talentWrites, ref, false, "talent.restore"));
    return { id: ref.id, employers: employerPages(before.employerEnterpriseId as number | null) };
  },
  revalidate: (i, d) => [LIST, detail(i.id), ...d.employers],
});

/**
 * The only way the unmasked phone / ID number leave the server: one record, on request, by a user holding
 * personal.reveal, written to the operation log (which names the fields, never the values).
 */
export const revealTalent = defineAction({
  name: "talent.reveal",
  readOnly: true,
  permission: "personal.reveal",
  schema: talentRevealSchema,
  handler: ({ id }, { tx, user, audit }) => {
    const row = loadRecord(tx, talents, id, { live: false, where: scopeWhere(talentRegistry, talents, user.scope) });
    if (row.deletedAt && !can(user.role, "registry.restore")) throw new ActionError("registry.notFound");
    const fields = [row.phone != null ? "phone" : null, row.idNumber != null ? "idNumber" : null].filter(
      (f): f is string => f !== null,
    );
    audit({
      objectType: "talent",
      objectId: id,
      message: `revealed: ${fields.join(", ") || "none"}`,
      detail: { fields },
    });
    return { id, phone: row.phone, idNumber: row.idNumber };
  },
});
