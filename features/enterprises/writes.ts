import "server-only";
import { enterpriseAnnualFigures, enterpriseQualifications, enterprises } from "@/db/schema";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { type RegistryWrites, type Rule, RuleError, type Stored, type Writer } from "@/features/registry/write";

// The enterprise registry's write rules, used by its form actions and by the Excel import alike.

/**
 * Credit codes are unique among live enterprises; the message names the record that holds it, with its address
 * (the form shows it as a link).
 */
function assertCreditCodeFree(w: Writer, code: unknown, exceptId: number | undefined) {
  const clash = w.get<{ id: number; name: string }>(
    "SELECT id, name FROM enterprises WHERE credit_code = ? AND deleted_at IS NULL AND id <> ?",
    code,
    exceptId ?? 0,
  );
  if (clash)
    throw new RuleError(
      "creditCode",
      `enterprises.duplicateCreditCode|name=${encodeURIComponent(clash.name)},href=/enterprises/${clash.id}`,
    );
}
const creditCodeFree: Rule = (w, v, before) => assertCreditCodeFree(w, v.creditCode, before?.id);

export const enterpriseWrites: RegistryWrites = {
  objectType: enterpriseRegistry.objectType,
  fields: enterpriseRegistry.fields,
  scope: enterpriseRegistry.scope,
  table: enterprises,
  actions: { create: "enterprise.create", update: "enterprise.update" },
  // The form never holds the stored contact phone: an empty cell or field keeps it (clearing is explicit).
  keepIfEmpty: ["contactPhone"],
  rules: [creditCodeFree],
  restoreRules: [creditCodeFree],
  // The status date moves only when the status changes.
  derive: (v, before, now) => ({
    statusChangedAt: before
      ? before.status !== v.status
        ? now
        : (before.statusChangedAt ?? null)
      : v.status === "active"
        ? null
        : now,
  }),
};

export const qualificationWrites: RegistryWrites = {
  objectType: qualificationRegistry.objectType,
  fields: qualificationRegistry.fields,
  scope: qualificationRegistry.scope,
  table: enterpriseQualifications,
  actions: { create: "enterprise.qualification.create", update: "enterprise.qualification.update" },
  parent: { field: "enterpriseId", table: "enterprises" },
  deleteLog: (b) => ({
    before: { typeId: b.typeId, certificateNo: b.certificateNo, awardedDate: b.awardedDate, expiryDate: b.expiryDate },
  }),
};

/** Keeps the list's sortable "latest R&D / revenue" columns equal to the newest live annual row (once per batch). */
const refreshLatestFigures = (w: Writer, row: Stored) => {
  const id = row.enterpriseId;
  w.defer(`latest-figures:${id}`, () =>
    w
      .statement(
        `UPDATE enterprises SET
          latest_rd_expense = (SELECT a.rd_expense FROM enterprise_annual_figures a
            WHERE a.enterprise_id = enterprises.id AND a.deleted_at IS NULL ORDER BY a.year DESC LIMIT 1),
          latest_revenue = (SELECT a.revenue FROM enterprise_annual_figures a
            WHERE a.enterprise_id = enterprises.id AND a.deleted_at IS NULL ORDER BY a.year DESC LIMIT 1)
          WHERE id = ?`,
      )
      .run(id),
  );
};

export const annualWrites: RegistryWrites = {
  objectType: annualRegistry.objectType,
  fields: annualRegistry.fields,
  scope: annualRegistry.scope,
  table: enterpriseAnnualFigures,
  actions: { create: "enterprise.annual.upsert", update: "enterprise.annual.upsert" },
  parent: { field: "enterpriseId", table: "enterprises" },
  afterWrite: refreshLatestFigures,
  deleteLog: (b) => ({ before: { year: b.year, revenue: b.revenue, rdExpense: b.rdExpense } }),
};
