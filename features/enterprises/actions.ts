"use server";
import { and, desc, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterpriseAnnualFigures, enterpriseQualifications, enterprises } from "@/db/schema";
import { ActionError, defineAction, staleWrite } from "@/lib/action";
import { can } from "@/lib/permissions";
import { assertDictionaryValue, assertVersion, changedFields, loadRecord, setDeleted } from "@/lib/registry/records";
import { nowIso } from "@/lib/time";
import {
  annualFormSchema,
  annualRefSchema,
  type CreateEnterpriseInput,
  createEnterpriseSchema,
  enterpriseRefSchema,
  enterpriseRevealSchema,
  qualificationRefSchema,
  qualificationSchema,
  updateEnterpriseSchema,
} from "./validations";

const LIST = "/enterprises";
const detail = (id: number) => `/enterprises/${id}`;

const loadLive = (tx: Tx, id: number) => loadRecord(tx, enterprises, id);

/** Credit codes are unique among live enterprises; the message names the record that holds it. */
function assertCreditCodeFree(tx: Tx, code: string, exceptId?: number) {
  const clash = tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.creditCode, code),
        isNull(enterprises.deletedAt),
        exceptId ? ne(enterprises.id, exceptId) : undefined,
      ),
    )
    .get();
  if (clash) {
    throw new ActionError("errors.invalidInput", {
      creditCode: [`enterprises.duplicateCreditCode|name=${encodeURIComponent(clash.name)}`],
    });
  }
}

function assertDictionaries(tx: Tx, input: CreateEnterpriseInput, before?: typeof enterprises.$inferSelect) {
  assertDictionaryValue(tx, "street", "streetId", input.streetId, before?.streetId);
  assertDictionaryValue(tx, "park", "parkId", input.parkId, before?.parkId);
  assertDictionaryValue(tx, "industry_chain", "industryChainId", input.industryChainId, before?.industryChainId);
}

/** Keeps the list's sortable "latest R&D / revenue" columns equal to the newest live annual row. */
function refreshLatestFigures(tx: Tx, enterpriseId: number) {
  const latest = tx
    .select({ rd: enterpriseAnnualFigures.rdExpense, revenue: enterpriseAnnualFigures.revenue })
    .from(enterpriseAnnualFigures)
    .where(and(eq(enterpriseAnnualFigures.enterpriseId, enterpriseId), isNull(enterpriseAnnualFigures.deletedAt)))
    .orderBy(desc(enterpriseAnnualFigures.year))
    .get();
  tx.update(enterprises)
    .set({ latestRdExpense: latest?.rd ?? null, latestRevenue: latest?.revenue ?? null })
    .where(eq(enterprises.id, enterpriseId))
    .run();
}

/** Registers a new tech enterprise. */
export const createEnterprise = defineAction({
  name: "enterprise.create",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: createEnterpriseSchema,
  handler: (input, { tx, user, audit }) => {
    assertCreditCodeFree(tx, input.creditCode);
    assertDictionaries(tx, input);
    const row = tx
      .insert(enterprises)
      .values({
        ...input,
        statusChangedAt: input.status === "active" ? null : nowIso(),
        createdBy: user.id,
        updatedBy: user.id,
      })
      .returning()
      .get();
    audit({ objectType: "enterprise", objectId: row.id, after: input });
    return { id: row.id };
  },
  revalidate: [LIST],
});

/** Edits an enterprise; refused if someone else saved it since the form was opened. */
export const updateEnterprise = defineAction({
  name: "enterprise.update",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: updateEnterpriseSchema,
  handler: ({ id, version, clearContactPhone, ...fields }, { tx, user, audit }) => {
    const before = loadLive(tx, id);
    assertVersion(before, version);
    const input = {
      ...fields,
      contactPhone: fields.contactPhone ?? (clearContactPhone ? null : before.contactPhone),
    };
    assertCreditCodeFree(tx, input.creditCode, id);
    assertDictionaries(tx, input, before);
    const statusChanged = before.status !== input.status;
    tx.update(enterprises)
      .set({
        ...input,
        statusChangedAt: statusChanged ? nowIso() : before.statusChangedAt,
        version: before.version + 1,
        updatedAt: nowIso(),
        updatedBy: user.id,
      })
      .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
      .run();
    const diff = changedFields(before, input);
    audit({ objectType: "enterprise", objectId: id, ...diff });
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
    const row = loadRecord(tx, enterprises, id, { live: false });
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
    setDeleted(ctx, enterprises, "enterprise", ref, true);
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
    setDeleted(ctx, enterprises, "enterprise", ref, false, (b) => assertCreditCodeFree(ctx.tx, b.creditCode, ref.id));
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
  handler: (input, { tx, user, audit }) => {
    loadLive(tx, input.enterpriseId);
    assertDictionaryValue(tx, "qualification_type", "typeId", input.typeId);
    const row = tx
      .insert(enterpriseQualifications)
      .values({ ...input, createdBy: user.id, updatedBy: user.id })
      .returning()
      .get();
    audit({ objectType: "enterprise_qualification", objectId: row.id, after: input });
    return { id: row.id };
  },
  revalidate: (i) => [LIST, detail(i.enterpriseId)],
});

/** Soft-deletes a qualification. */
export const deleteQualification = defineAction({
  name: "enterprise.qualification.delete",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: qualificationRefSchema,
  handler: ({ id }, { tx, user, audit }) => {
    const before = tx.select().from(enterpriseQualifications).where(eq(enterpriseQualifications.id, id)).get();
    if (!before || before.deletedAt) throw new ActionError("registry.notFound");
    loadLive(tx, before.enterpriseId);
    const at = nowIso();
    tx.update(enterpriseQualifications)
      .set({ deletedAt: at, deletedBy: user.id, version: before.version + 1, updatedAt: at, updatedBy: user.id })
      .where(eq(enterpriseQualifications.id, id))
      .run();
    audit({
      objectType: "enterprise_qualification",
      objectId: id,
      before: {
        typeId: before.typeId,
        certificateNo: before.certificateNo,
        awardedDate: before.awardedDate,
        expiryDate: before.expiryDate,
      },
      after: { deletedAt: at },
    });
    return { id, enterpriseId: before.enterpriseId };
  },
  revalidate: (_i, d) => [LIST, detail(d.enterpriseId)],
});

const ANNUAL_FIELDS = ["revenue", "rdExpense", "employees", "rdStaff", "inventionPatents"] as const;

/** Enters (or corrects) one year of figures; one row per enterprise per year. */
export const upsertAnnualFigures = defineAction({
  name: "enterprise.annual.upsert",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: annualFormSchema,
  handler: ({ enterpriseId, year, version, ...figures }, { tx, user, audit }) => {
    loadLive(tx, enterpriseId);
    const existing = tx
      .select()
      .from(enterpriseAnnualFigures)
      .where(
        and(
          eq(enterpriseAnnualFigures.enterpriseId, enterpriseId),
          eq(enterpriseAnnualFigures.year, year),
          isNull(enterpriseAnnualFigures.deletedAt),
        ),
      )
      .get();
    // The form carries the version of that year's row as loaded (0 = no row then): never overwrite a save
    // made meanwhile by someone else.
    if ((existing?.version ?? 0) !== version)
      throw staleWrite({
        updatedBy: existing?.updatedBy,
        updatedAt: existing?.updatedAt,
        current: [
          { label: "enterprises.annual.year", value: year },
          ...ANNUAL_FIELDS.map((f) => ({ label: `enterprises.annual.${f}`, value: existing?.[f] ?? null })),
        ],
      });
    let id: number;
    if (existing) {
      tx.update(enterpriseAnnualFigures)
        .set({ ...figures, version: existing.version + 1, updatedAt: nowIso(), updatedBy: user.id })
        .where(eq(enterpriseAnnualFigures.id, existing.id))
        .run();
      id = existing.id;
      audit({ objectType: "enterprise_annual", objectId: id, ...changedFields(existing, { year, ...figures }) });
    } else {
      id = tx
        .insert(enterpriseAnnualFigures)
        .values({ enterpriseId, year, ...figures, createdBy: user.id, updatedBy: user.id })
        .returning({ id: enterpriseAnnualFigures.id })
        .get().id;
      audit({ objectType: "enterprise_annual", objectId: id, after: { year, ...figures } });
    }
    refreshLatestFigures(tx, enterpriseId);
    return { id };
  },
  revalidate: (i) => [LIST, detail(i.enterpriseId)],
});

/** Soft-deletes one year of figures. */
export const deleteAnnualFigures = defineAction({
  name: "enterprise.annual.delete",
  registries: ["enterprise"],
  permission: "registry.write",
  schema: annualRefSchema,
  handler: ({ id, version }, { tx, user, audit }) => {
    const before = tx.select().from(enterpriseAnnualFigures).where(eq(enterpriseAnnualFigures.id, id)).get();
    if (!before || before.deletedAt) throw new ActionError("registry.notFound");
    if (before.version !== version)
      throw staleWrite({
        updatedBy: before.updatedBy,
        updatedAt: before.updatedAt,
        current: [
          { label: "enterprises.annual.year", value: before.year },
          ...ANNUAL_FIELDS.map((f) => ({ label: `enterprises.annual.${f}`, value: before[f] })),
        ],
      });
    const at = nowIso();
    tx.update(enterpriseAnnualFigures)
      .set({ deletedAt: at, deletedBy: user.id, version: before.version + 1, updatedAt: at, updatedBy: user.id })
      .where(eq(enterpriseAnnualFigures.id, id))
      .run();
    refreshLatestFigures(tx, before.enterpriseId);
    audit({
      objectType: "enterprise_annual",
      objectId: id,
      before: { year: before.year, revenue: before.revenue, rdExpense: before.rdExpense },
      after: { deletedAt: at },
    });
    return { id, enterpriseId: before.enterpriseId };
  },
  revalidate: (_i, d) => [LIST, detail(d.enterpriseId)],
});
