import { formatAmount } from "@/components/registry/cells";
import { deleteIncubator, restoreIncubator } from "@/features/incubators/actions";
import { getIncubator } from "@/features/incubators/queries";
import { incubatorRegistry, tenancyRegistry } from "@/features/incubators/registry";
import { localiser } from "@/features/kpi/localise";
import { detailTab, loadRecord, RegistryDetailPage } from "@/features/registry/ui/registry-detail-page";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { todayIso } from "@/lib/time";
import { TenantsSection } from "../_components/tenants-section";

export default async function IncubatorDetailPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const data = await loadRecord(props.params, getIncubator);
  const t = await getT();
  const i = data.i;
  const today = todayIso();
  const currentTenants = data.tenants.filter((r) => !r.moveOutDate || r.moveOutDate > today).length;
  return (
    <RegistryDetailPage
      definition={incubatorRegistry}
      record={i}
      description={`${localiser(await getLocale()).label(data.type)} · ${t(`registry.levels.${i.level}`)}`}
      tab={await detailTab(props.searchParams)}
      deleteAction={deleteIncubator}
      restoreAction={restoreIncubator}
      subResources={[{ definition: tenancyRegistry, ids: data.allTenantIds }]}
      overrides={{ currentTenants: formatAmount(currentTenants) }}
    >
      <TenantsSection
        incubatorId={i.id}
        rows={data.tenants}
        canWrite={can(user.role, "registry.write") && !i.deletedAt}
      />
    </RegistryDetailPage>
  );
}
