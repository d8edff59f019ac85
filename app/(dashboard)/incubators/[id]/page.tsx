import { notFound } from "next/navigation";
import { formatAmount } from "@/components/registry/cells";
import { DetailGrid } from "@/components/registry/detail-grid";
import { RecordHeader } from "@/components/registry/record-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { deleteIncubator, restoreIncubator } from "@/features/incubators/actions";
import { getIncubator } from "@/features/incubators/queries";
import { incubatorRegistry, tenancyRegistry } from "@/features/incubators/registry";
import { RegistryHistory } from "@/features/registry/history";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { formatDateTime, todayIso } from "@/lib/time";
import { TenantsSection } from "../_components/tenants-section";

// History entries store column names; these are their labels.
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
              <DetailGrid
                items={[
                  { label: t("incubators.fields.type"), value: data.type },
                  { label: t("incubators.fields.level"), value: t(`registry.levels.${i.level}`) },
                  { label: t("incubators.fields.operator"), value: i.operator },
                  { label: t("incubators.fields.street"), value: data.street },
                  { label: t("incubators.fields.address"), value: i.address },
                  { label: t("incubators.fields.area"), value: formatAmount(i.area) },
                  { label: t("incubators.fields.incubatedTotal"), value: formatAmount(i.incubatedTotal) },
                  { label: t("incubators.fields.graduatedTotal"), value: formatAmount(i.graduatedTotal) },
                  { label: t("incubators.fields.ipItems"), value: formatAmount(i.ipItems) },
                  { label: t("incubators.fields.highTechCultivated"), value: formatAmount(i.highTechCultivated) },
                  { label: t("incubators.fields.recognisedDate"), value: i.recognisedDate },
                  {
                    label: t("incubators.fields.status"),
                    value: (
                      <Badge tone={i.status === "active" ? "ok" : "bad"}>
                        {t(`registry.recordStatus.${i.status}`)}
                      </Badge>
                    ),
                  },
                  { label: t("incubators.fields.currentTenants"), value: formatAmount(currentTenants) },
                  { label: t("common.createdAt"), value: formatDateTime(i.createdAt) },
                  { label: t("common.updatedAt"), value: formatDateTime(i.updatedAt) },
                ]}
              />
            </CardContent>
          </Card>
          <TenantsSection incubatorId={i.id} rows={data.tenants} canWrite={canWrite} />
        </div>
      )}
    </>
  );
}
