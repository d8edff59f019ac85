import { notFound } from "next/navigation";
import { formatAmount } from "@/components/registry/cells";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent } from "@/components/ui/card";
import { deleteIncubator, restoreIncubator } from "@/features/incubators/actions";
import { getIncubator } from "@/features/incubators/queries";
import { incubatorRegistry, tenancyRegistry } from "@/features/incubators/registry";
import { RegistryHistory } from "@/features/registry/history";
import { RegistryDetailGrid } from "@/features/registry/ui/registry-detail";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { todayIso } from "@/lib/time";
import { TenantsSection } from "../_components/tenants-section";

export default async function IncubatorDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getIncubator(id) : null;
  if (!data) notFound();
  const t = await getT();
  const tab = (await searchParams).tab === "history" ? "history" : "detail";
  const i = data.i;
  const canWrite = can(user.role, "registry.write") && !i.deletedAt;
  const base = `/incubators/${i.id}`;
  const today = todayIso();
  const currentTenants = data.tenants.filter((r) => !r.moveOutDate || r.moveOutDate > today).length;

  return (
    <>
      <RecordHeader
        t={t}
        title={i.name}
        description={`${data.type} · ${t(`registry.levels.${i.level}`)}`}
        base={base}
        listHref="/incubators"
        record={i}
        canWrite={can(user.role, "registry.write")}
        canRestore={can(user.role, "registry.restore")}
        deleteAction={deleteIncubator}
        restoreAction={restoreIncubator}
        tab={tab}
      />
      {tab === "history" ? (
        <Card>
          <CardContent>
            <RegistryHistory
              t={t}
              definition={incubatorRegistry}
              id={i.id}
              subResources={[{ definition: tenancyRegistry, ids: data.allTenantIds }]}
            />
          </CardContent>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <Card>
            <CardContent>
              <RegistryDetailGrid
                t={t}
                definition={incubatorRegistry}
                record={i}
                canRestore={can(user.role, "registry.restore")}
                overrides={{ currentTenants: formatAmount(currentTenants) }}
              />
            </CardContent>
          </Card>
          <TenantsSection incubatorId={i.id} rows={data.tenants} canWrite={canWrite} />
        </div>
      )}
    </>
  );
}
