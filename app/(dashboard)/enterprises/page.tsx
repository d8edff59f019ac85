import {
  batchDeleteEnterprises,
  batchRestoreEnterprises,
  batchStatusEnterprises,
} from "@/features/enterprises/batch-actions";
import { getEnterprises } from "@/features/enterprises/queries";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { drillFor } from "@/features/kpi/drill";
import { RegistryListPage } from "@/features/registry/ui/registry-list-page";

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const params = await searchParams;
  const search = loadEnterpriseSearch(params);
  return (
    <RegistryListPage
      batch={{
        remove: batchDeleteEnterprises,
        restore: batchRestoreEnterprises,
        status: { field: "status", action: batchStatusEnterprises },
      }}
      definition={enterpriseRegistry}
      params={params}
      data={await getEnterprises(search)}
      drill={drillFor("enterprises", search)}
    />
  );
}
