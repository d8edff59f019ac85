import { institutionBinding } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { registryExport } from "@/features/registry/export";

// GET /institutions/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed;
// columns, cell types and masking from the definition.
export function GET(request: Request) {
  return registryExport(request, {
    definition: institutionRegistry,
    binding: institutionBinding,
    loadSearch: loadInstitutionSearch,
  });
}
