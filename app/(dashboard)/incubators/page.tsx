import { batchDeleteIncubators, batchRestoreIncubators } from "@/features/incubators/batch-actions";
import { getIncubators } from "@/features/incubators/queries";
import { incubatorRegistry } from "@/features/incubators/registry";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { RegistryListPage } from "@/features/registry/ui/registry-list-page";

export default async function IncubatorsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const params = await searchParams;
  const data = await getIncubators(loadIncubatorSearch(params));
  return (
    <RegistryListPage
      definition={incubatorRegistry}
      params={params}
      data={data}
      batch={{ remove: batchDeleteIncubators, restore: batchRestoreIncubators }}
    />
  );
}
