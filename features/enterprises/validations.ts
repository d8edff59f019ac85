import { createLoader, parseAsString } from "nuqs/server";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { drillParsers } from "@/features/kpi/drill-params";
import { fieldsShape } from "@/features/registry/schema";
import { listParsers } from "@/features/registry/search";
import { amount, checkbox, recordId, version } from "@/lib/registry/fields";
import { z } from "@/lib/zod";

/** The list's URL: the definition's filters, ?expiring=<days> (with the qualification filter) and a board drill. */
export const enterpriseSearchParsers = {
  ...listParsers(enterpriseRegistry),
  expiring: parseAsString,
  ...drillParsers,
};
export const loadEnterpriseSearch = createLoader(enterpriseSearchParsers);
export type EnterpriseSearch = Awaited<ReturnType<typeof loadEnterpriseSearch>>;

/** The one enterprise schema: form, server action and Excel import all validate with it (built from the definition). */
export const enterpriseFields = fieldsShape(enterpriseRegistry.fields);
export const createEnterpriseSchema = z.strictObject(enterpriseFields);
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;

/** On edit an empty phone keeps the stored one (the form never holds it); clearContactPhone removes it. */
export const updateEnterpriseSchema = z.strictObject({
  ...enterpriseFields,
  clearContactPhone: checkbox(),
  id: recordId(),
  version: version(),
});
export const enterpriseRevealSchema = z.strictObject({ id: recordId() });
export const enterpriseRefSchema = z.strictObject({ id: recordId(), version: version() });

export const qualificationSchema = z
  .strictObject({ enterpriseId: recordId(), ...fieldsShape(qualificationRegistry.fields) })
  .refine((q) => !q.expiryDate || q.expiryDate >= q.awardedDate, {
    path: ["expiryDate"],
    message: "enterprises.quals.expiryBeforeAward",
  });
export const qualificationRefSchema = z.strictObject({ id: recordId() });

const annualFields = { enterpriseId: recordId(), ...fieldsShape(annualRegistry.fields) };
const rdStaffWithinEmployees = <A extends { rdStaff?: number | null; employees?: number | null }>(a: A) =>
  a.rdStaff == null || a.employees == null || a.rdStaff <= a.employees;
const rdStaffMessage = { path: ["rdStaff"], message: "enterprises.annual.rdStaffTooMany" };

/** One year of figures (the import's row shape). */
export const annualFiguresSchema = z.strictObject(annualFields).refine(rdStaffWithinEmployees, rdStaffMessage);

/** The form's save also carries that year's row version as loaded; 0 = the year had no figures then. */
export const annualFormSchema = z
  .strictObject({ ...annualFields, version: z.coerce.number().int().min(0) })
  .refine(rdStaffWithinEmployees, rdStaffMessage);
/** Deleting a year of figures carries the row's version as shown, like every other write. */
export const annualRefSchema = z.strictObject({ id: recordId(), version: z.coerce.number().int().min(1) });

export { amount };
