import "server-only";
import { enterpriseSearchParsers } from "@/features/enterprises/validations";
import { incubatorSearchParsers } from "@/features/incubators/validations";
import { institutionSearchParsers } from "@/features/institutions/validations";
import { talentSearchParsers } from "@/features/talents/validations";
import type { SavedFilterList } from "./keys";

const PARSERS: Record<SavedFilterList, object> = {
  enterprises: enterpriseSearchParsers,
  institutions: institutionSearchParsers,
  incubators: incubatorSearchParsers,
  talents: talentSearchParsers,
};

/** The URL keys the list itself reads (its filters, search, sort, page size, 已删除, a board drill). */
export function allowedKeys(list: SavedFilterList): string[] {
  return Object.keys(PARSERS[list]);
}
