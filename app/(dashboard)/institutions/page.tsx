import { batchDeleteInstitutions, batchRestoreInstitutions } from "@/features/institutions/batch-actions";
import { getInstitutions } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { drillFor } from "@/features/kpi/drill";
import { RegistryListPage } from "@/features/registry/ui/registry-list-page";

export default async function InstitutionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const params = await searchParams;
  const search = loadInstitutionSearch(params);
  return (
    <RegistryListPage
      batch={{ remove: batchDeleteInstitutions, restore: batchRestoreInstitutions }}
      definition={institutionRegistry}
      params={params}
      data={await getInstitutions(search)}
      drill={drillFor("institutions", search)}
    />
  );
}
