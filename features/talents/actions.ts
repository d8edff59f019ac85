"use server";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterprises, type Talent, talents } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { can } from "@/lib/permissions";
import { assertDictionaryValue, assertVersion, changedFields, loadRecord, setDeleted } from "@/lib/registry/records";
import { nowIso } from "@/lib/time";
import {
  type CreateTalentInput,
  createTalentSchema,
  talentRefSchema,
  talentRevealSchema,
  updateTalentSchema,
} from "./validations";

const LIST = "/talents";
const detail = (id: number) => `/talents/${id}`;
/** The enterprise pages that list this talent by employer (before and after a change). */
const employerPages = (...ids: (number | null | undefined)[]) =>
  [...new Set(ids.filter((e): e is number => e != null))].map((e) => `/enterprises/${e}`);

const load = (tx: Tx, id: number) => loadRecord(tx, talents, id, { live: false });
const loadLive = (tx: Tx, id: number) => loadRecord(tx, talents, id);

type EmployerInput = Pick<CreateTalentInput, "employerEnterpriseId" | "employerName">;

/**
 * A linked employer must be a live enterprise (a record may keep a link to one deleted since); when linked,
 * the free-text name is not stored (the enterprise's own name is shown).
 */
function resolveEmployer(tx: Tx, input: EmployerInput, before?: Talent): EmployerInput {
  const id = input.employerEnterpriseId;
  if (id == null) return { employerEnterpriseId: null, employerName: input.employerName };
  if (id !== before?.employerEnterpriseId) {
    const live = tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)))
      .get();
    if (!live) throw new ActionError("errors.invalidInput", { employerName: ["talents.employer.notLive"] });
  }
  return { employerEnterpriseId: id, employerName: null };
}

/** Registers a person or team (人才). */
export const createTalent = defineAction({
  name: "talent.create",
  registries: ["talent"],
  permission: "registry.write",
  schema: createTalentSchema,
  handler: (input, { tx, user, audit }) => {
    assertDictionaryValue(tx, "talent_category", "categoryId", input.categoryId);
    const values = { ...input, ...resolveEmployer(tx, input) };
    const row = tx
      .insert(talents)
      .values({ ...values, createdBy: user.id, updatedBy: user.id })
      .returning({ id: talents.id })
      .get();
    // The log masks phone / idNumber (lib/audit.ts).
    audit({ objectType: "talent", objectId: row.id, after: values });
    return { id: row.id, employers: employerPages(values.employerEnterpriseId) };
  },
  revalidate: (_i, d) => [LIST, ...d.employers],
});

/** Edits a talent; an empty phone / ID number keeps the stored value (the form never holds it). */
export const updateTalent = defineAction({
  name: "talent.update",
  registries: ["talent"],
  permission: "registry.write",
  schema: updateTalentSchema,
  handler: ({ id, version, clearIdNumber, phone, idNumber, ...input }, { tx, user, audit }) => {
    const before = loadLive(tx, id);
    assertVersion(before, version);
    assertDictionaryValue(tx, "talent_category", "categoryId", input.categoryId, before.categoryId);
    const nextPhone = phone ?? before.phone;
    if (nextPhone == null) throw new ActionError("errors.invalidInput", { phone: ["registry.required"] });
    const values = {
      ...input,
      ...resolveEmployer(tx, input, before),
      phone: nextPhone,
      idNumber: idNumber ?? (clearIdNumber ? null : before.idNumber),
    };
    tx.update(talents)
      .set({ ...values, version: before.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(and(eq(talents.id, id), eq(talents.version, version)))
      .run();
    audit({ objectType: "talent", objectId: id, ...changedFields(before, values) });
    return { id, employers: employerPages(before.employerEnterpriseId, values.employerEnterpriseId) };
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
    const before = setDeleted(ctx, talents, "talent", ref, true);
    return { id: ref.id, employers: employerPages(before.employerEnterpriseId) };
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
    const before = setDeleted(ctx, talents, "talent", ref, false);
    return { id: ref.id, employers: employerPages(before.employerEnterpriseId) };
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
    const row = load(tx, id);
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
