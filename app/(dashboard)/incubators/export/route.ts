import { incubatorBinding } from "@/features/incubators/queries";
import { incubatorRegistry } from "@/features/incubators/registry";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { registryExport } from "@/features/registry/export";

// GET /incubators/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed;
// columns, cell types and masking from the definition.
export function GET(request: Request) {
  return registryExport(request, {
    definition: incubatorRegistry,
    binding: incubatorBinding,
    loadSearch: loadIncubatorSearch,
  });
}
