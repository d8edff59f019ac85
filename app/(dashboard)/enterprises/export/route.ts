import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { registryExport } from "@/features/registry/export";

// GET /enterprises/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed;
// columns, cell types and masking from the definition.
export function GET(request: Request) {
  return registryExport(request, {
    definition: enterpriseRegistry,
    binding: enterpriseBinding,
    loadSearch: loadEnterpriseSearch,
  });
}
