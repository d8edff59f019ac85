"use server";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterpriseAnnualFigures, enterprises, type Role } from "@/db/schema";
import { annualWrites, enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { scopeWhere } from "@/features/registry/query";
import {
  createRecord,
  formWrite,
  RuleError,
  setRecordDeleted,
  staleRecord,
  updateRecord,
} from "@/features/registry/write";
import { ActionError, defineAction, staleWrite } from "@/lib/action";
import { can } from "@/lib/permissions";
import { loadRecord } from "@/lib/registry/records";
import { enterpriseRegistry } from "./registry";
import {
  annualFormSchema,
  annualRefSchema,
  createEnterpriseSchema,
  enterpriseRefSchema,
  enterpriseRevealSchema,
  qualificationRefSchema,
  qualificationSchema,
  updateEnterpriseSchema,
} from "./validations";

// Every write goes through the registry write path (features/registry/write.ts) with the rules of
// features/enterprises/writes.ts, the same path the Excel import takes.

const LIST = "/enterprises";
const detail = (id: number) => `/enterprises/${id}`;

/** Registers a new tech enterprise. */
export const createEnterprise = defineAction({
  name: "enterprise.create",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: createEnterpriseSchema,
  handler: (input, ctx) => {
    offerRestore(ctx, input.creditCode);
    return { id: formWrite(ctx, (w) => createRecord(w, enterpriseWrites, input)).id };
  },
  revalidate: [LIST],
});

/**
 * 新建 with the credit code of a deleted enterprise (and none live): a user who may restore is sent to that record
 * to 恢复 it rather than entering the enterprise twice. Others may enter it anew, as the import does.
 */
function offerRestore(ctx: { tx: Tx; user: { role: Role } }, creditCode: string) {
  if (!can(ctx.user.role, "registry.restore")) return;
  const live = ctx.tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.creditCode, creditCode), isNull(enterprises.deletedAt)))
    .get();
  if (live) return; // the write path names the live holder
  const deleted = ctx.tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.creditCode, creditCode), isNotNull(enterprises.deletedAt)))
    .orderBy(desc(enterprises.deletedAt))
    .get();
  if (deleted)
    throw new RuleError(
      "creditCode",
      `enterprises.deletedCreditCode|name=${encodeURIComponent(deleted.name)},href=${detail(deleted.id)}`,
    );
}

/** Edits an enterprise; a save over someone else's is refused with who changed it and its current values. */
export const updateEnterprise = defineAction({
  name: "enterprise.update",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: updateEnterpriseSchema,
  handler: ({ id, version, clearContactPhone, ...fields }, ctx) => {
    // An empty phone keeps the stored one (the form never holds it); clearContactPhone removes it.
    const clear = clearContactPhone ? ["contactPhone"] : [];
    formWrite(ctx, (w) => updateRecord(w, enterpriseWrites, { id, version }, fields, { clear }));
    return { id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

/**
 * The only way the unmasked contact phone leaves the server: one record, on request, by a user holding
 * personal.reveal, written to the operation log (like talent.reveal).
 */
export const revealEnterprise = defineAction({
  name: "enterprise.reveal",
  readOnly: true,
  permission: "personal.reveal",
  schema: enterpriseRevealSchema,
  handler: ({ id }, { tx, user, audit }) => {
    const row = loadRecord(tx, enterprises, id, {
      live: false,
      where: scopeWhere(enterpriseRegistry, enterprises, user.scope),
    });
    if (row.deletedAt && !can(user.role, "registry.restore")) throw new ActionError("registry.notFound");
    const fields = row.contactPhone != null ? ["contactPhone"] : [];
    audit({
      objectType: "enterprise",
      objectId: id,
      message: `revealed: ${fields.join(", ") || "none"}`,
      detail: { fields },
    });
    return { id, contactPhone: row.contactPhone };
  },
});

/** Soft delete: hidden from lists and counts, kept for the record and restorable by an admin. */
export const deleteEnterprise = defineAction({
  name: "enterprise.delete",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: enterpriseRefSchema,
  handler: (ref, ctx) => {
    formWrite(ctx, (w) => setRecordDeleted(w, enterpriseWrites, ref, true, "enterprise.delete"));
    return { id: ref.id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

/** Brings a soft-deleted record back (admin). */
export const restoreEnterprise = defineAction({
  name: "enterprise.restore",
  registries: ["enterprise"],
  permission: "registry.restore",
  schema: enterpriseRefSchema,
  handler: (ref, ctx) => {
    formWrite(ctx, (w) => setRecordDeleted(w, enterpriseWrites, ref, false, "enterprise.restore"));
    return { id: ref.id };
  },
  revalidate: (i) => [LIST, detail(i.id)],
});

/** Adds a qualification (资质) to an enterprise. */
export const createQualification = defineAction({
  name: "enterprise.qualification.create",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: qualificationSchema,
  handler: (input, ctx) => ({ id: formWrite(ctx, (w) => createRecord(w, qualificationWrites, input)).id }),
  revalidate: (i) => [LIST, detail(i.enterpriseId)],
});

/** Soft-deletes a qualification. */
export const deleteQualification = defineAction({
  name: "enterprise.qualification.delete",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: qualificationRefSchema,
  handler: ({ id }, ctx) => {
    const { before } = formWrite(ctx, (w) =>
      setRecordDeleted(w, qualificationWrites, { id }, true, "enterprise.qualification.delete"),
    );
    return { id, enterpriseId: before.enterpriseId as number };
  },
  revalidate: (_i, d) => [LIST, detail(d.enterpriseId)],
});

/** Enters (or corrects) one year of figures; one row per enterprise per year. */
export const upsertAnnualFigures = defineAction({
  name: "enterprise.annual.upsert",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: annualFormSchema,
  handler: ({ version, ...figures }, ctx) => ({
    id: formWrite(ctx, (w) => {
      loadRecord(ctx.tx, enterprises, figures.enterpriseId, {
        where: scopeWhere(enterpriseRegistry, enterprises, ctx.user.scope),
      });
      const existing = ctx.tx
        .select({ id: enterpriseAnnualFigures.id })
        .from(enterpriseAnnualFigures)
        .where(
          and(
            eq(enterpriseAnnualFigures.enterpriseId, figures.enterpriseId),
            eq(enterpriseAnnualFigures.year, figures.year),
            isNull(enterpriseAnnualFigures.deletedAt),
          ),
        )
        .get();
      // The form carries the version of that year's row as loaded (0 = no row then): never overwrite a save
      // made meanwhile by someone else — nor enter a year someone entered meanwhile.
      if (!existing) {
        if (version !== 0)
          throw staleWrite({
            ...staleRecord(w, annualWrites, { id: 0, version: 0, year: figures.year }),
            updatedBy: null,
            updatedAt: null,
          });
        return createRecord(w, annualWrites, figures);
      }
      return updateRecord(w, annualWrites, { id: existing.id, version }, figures);
    }).id,
  }),
  revalidate: (i) => [LIST, detail(i.enterpriseId)],
});

/** Soft-deletes one year of figures. */
export const deleteAnnualFigures = defineAction({
  name: "enterprise.annual.delete",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: annualRefSchema,
  handler: ({ id, version }, ctx) => {
    const { before } = formWrite(ctx, (w) =>
      setRecordDeleted(w, annualWrites, { id, version }, true, "enterprise.annual.delete"),
    );
    return { id, enterpriseId: before.enterpriseId as number };
  },
  revalidate: (_i, d) => [LIST, detail(d.enterpriseId)],
});
