import { createLoader, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { TALENT_KINDS } from "@/db/schema";
import { drillParsers } from "@/lib/kpi/drill-params";
import {
  checkbox,
  dictId,
  idNumber,
  optRef,
  optText,
  phone,
  recordId,
  reqText,
  version,
  year,
} from "@/lib/registry/fields";
import { baseListParsers } from "@/lib/registry/search-params";
import { z } from "@/lib/zod";

export type TalentKind = (typeof TALENT_KINDS)[number];

export const TALENT_SORTS = ["name", "recognisedYear", "createdAt"] as const;
export { TALENT_FACETS } from "./facets";
export const FIRST_RECOGNISED_YEAR = 1990;

/** The current year in Beijing time (read at call time, so a long-running server rolls over at New Year). */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
}

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

const fields = {
  kind: z.enum(TALENT_KINDS, "registry.invalidOption"),
  name: reqText(100),
  categoryId: dictId(),
  employerEnterpriseId: optRef(),
  employerName: optText(100),
  field: optText(100),
  recognisedYear: z.lazy(() => year(FIRST_RECOGNISED_YEAR, currentYear())),
  programme: optText(100),
};

/** Creating: the phone is required, the ID number optional. */
export const createTalentSchema = z.strictObject({
  ...fields,
  phone: phone().refine((v) => v !== null, "registry.required"),
  idNumber: idNumber(),
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
