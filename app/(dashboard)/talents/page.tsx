import { drillFor } from "@/features/kpi/drill";
import { RegistryListPage } from "@/features/registry/ui/registry-list-page";
import { batchDeleteTalents, batchRestoreTalents } from "@/features/talents/batch-actions";
import { getTalents } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { loadTalentSearch } from "@/features/talents/validations";

export default async function TalentsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const params = await searchParams;
  const search = loadTalentSearch(params);
  return (
    <RegistryListPage
      batch={{ remove: batchDeleteTalents, restore: batchRestoreTalents }}
      definition={talentRegistry}
      params={params}
      data={await getTalents(search)}
      drill={drillFor("talents", search)}
    />
  );
}
