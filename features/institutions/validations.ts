import { createLoader } from "nuqs/server";
import { institutionRegistry } from "@/features/institutions/registry";
import { drillParsers } from "@/features/kpi/drill-params";
import { fieldsShape } from "@/features/registry/schema";
import { listParsers } from "@/features/registry/search";
import { recordId, version } from "@/lib/registry/fields";
import { z } from "@/lib/zod";

/** The list's URL: the definition's filters and a board drill. */
export const institutionSearchParsers = { ...listParsers(institutionRegistry), ...drillParsers };
export const loadInstitutionSearch = createLoader(institutionSearchParsers);
export type InstitutionSearch = Awaited<ReturnType<typeof loadInstitutionSearch>>;

/** The one institution schema: form, server action and (later) Excel import all validate with it. */
export const institutionFields = fieldsShape(institutionRegistry.fields);

// A host is required: a registered enterprise, or (universities, institutes…) the organisation's name.
const hasHost = (v: { hostEnterpriseId?: unknown; hostOrganisation?: unknown }) =>
  v.hostEnterpriseId != null || (typeof v.hostOrganisation === "string" && v.hostOrganisation !== "");
const hostRule = {
  path: ["hostOrganisation"],
  message: "institutions.hostRequired",
  // Checked even when other fields are wrong, so the user sees every problem on the first submit.
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null,
};

export const createInstitutionSchema = z.strictObject(institutionFields).refine(hasHost, hostRule);
export type CreateInstitutionInput = z.infer<typeof createInstitutionSchema>;

export const updateInstitutionSchema = z
  .strictObject({ ...institutionFields, id: recordId(), version: version() })
  .refine(hasHost, hostRule);
export const institutionRefSchema = z.strictObject({ id: recordId(), version: version() });
