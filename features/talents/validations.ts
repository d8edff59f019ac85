import { createLoader } from "nuqs/server";
import type { TALENT_KINDS } from "@/db/enums";
import { drillParsers } from "@/features/kpi/drill-params";
import { fieldsShape } from "@/features/registry/schema";
import { listParsers } from "@/features/registry/search";
import { talentRegistry } from "@/features/talents/registry";
import { checkbox, idNumber, phone, recordId, version } from "@/lib/registry/fields";
import { z } from "@/lib/zod";

export type TalentKind = (typeof TALENT_KINDS)[number];

export { currentYear } from "@/features/registry/schema";
export { FIRST_RECOGNISED_YEAR } from "@/features/talents/registry";

/** The list's URL: the definition's filters and a board drill. */
export const talentSearchParsers = { ...listParsers(talentRegistry), ...drillParsers };
export const loadTalentSearch = createLoader(talentSearchParsers);
export type TalentSearch = Awaited<ReturnType<typeof loadTalentSearch>>;

const fields = fieldsShape(talentRegistry.fields, [
  "kind",
  "name",
  "categoryId",
  "employerEnterpriseId",
  "employerName",
  "field",
  "recognisedYear",
  "programme",
]);

/** Creating: the phone is required, the ID number optional. */
export const createTalentSchema = z.strictObject({
  ...fields,
  ...fieldsShape(talentRegistry.fields, ["phone", "idNumber"]),
});
export type CreateTalentInput = z.infer<typeof createTalentSchema>;

/**
 * Editing: the form never holds the stored phone / ID number, so an empty field means "keep what is stored";
 * a new value replaces it, and the ID number can be removed explicitly.
 */
export const updateTalentSchema = z.strictObject({
  ...fields,
  phone: phone(),
  idNumber: idNumber(),
  clearIdNumber: checkbox(),
  id: recordId(),
  version: version(),
});
export type UpdateTalentInput = z.infer<typeof updateTalentSchema>;

export const talentRefSchema = z.strictObject({ id: recordId(), version: version() });
export const talentRevealSchema = z.strictObject({ id: recordId() });
