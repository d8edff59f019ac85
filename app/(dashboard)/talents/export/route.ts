import { registryExport } from "@/features/registry/export";
import { talentBinding } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { loadTalentSearch } from "@/features/talents/validations";

// GET /talents/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed;
// columns and cell types from the definition, the phone and ID number masked because the fields declare `mask`.
export function GET(request: Request) {
  return registryExport(request, { definition: talentRegistry, binding: talentBinding, loadSearch: loadTalentSearch });
}
