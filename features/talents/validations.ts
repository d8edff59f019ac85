import { createLoader, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { TALENT_KINDS } from "@/db/schema";
import { drillParsers } from "@/features/kpi/drill-params";
import { fieldsShape } from "@/features/registry/schema";
import { talentRegistry } from "@/features/talents/registry";
import { checkbox, idNumber, phone, recordId, version } from "@/lib/registry/fields";
import { baseListParsers } from "@/lib/registry/search-params";
import { z } from "@/lib/zod";

export type TalentKind = (typeof TALENT_KINDS)[number];

export { currentYear } from "@/features/registry/schema";
export { FIRST_RECOGNISED_YEAR } from "@/features/talents/registry";
export { TALENT_FACETS, TALENT_SORTS } from "./facets";

export const talentSearchParsers = {
  ...baseListParsers,
  category: parseAsInteger,
  kind: parseAsStringLiteral(TALENT_KINDS),
  yearFrom: parseAsInteger,
  yearTo: parseAsInteger,
  ...drillParsers,
};
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
