import { deleteInstitution, restoreInstitution } from "@/features/institutions/actions";
import { getInstitution } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { localiser } from "@/features/kpi/localise";
import { detailTab, loadRecord, RegistryDetailPage } from "@/features/registry/ui/registry-detail-page";
import { getLocale, getT } from "@/lib/i18n/server";

export default async function InstitutionDetailPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const data = await loadRecord(props.params, getInstitution);
  const t = await getT();
  return (
    <RegistryDetailPage
      definition={institutionRegistry}
      record={data.i}
      description={`${localiser(await getLocale()).label(data.type)} · ${t(`registry.levels.${data.i.level}`)}`}
      tab={await detailTab(props.searchParams)}
      deleteAction={deleteInstitution}
      restoreAction={restoreInstitution}
    />
  );
}
