import { notFound } from "next/navigation";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent } from "@/components/ui/card";
import { deleteInstitution, restoreInstitution } from "@/features/institutions/actions";
import { getInstitution } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { RegistryHistory } from "@/features/registry/history";
import { RegistryDetailGrid } from "@/features/registry/ui/registry-detail";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

export default async function InstitutionDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getInstitution(id) : null;
  if (!data) notFound();
  const t = await getT();
  const tab = (await searchParams).tab === "history" ? "history" : "detail";
  const i = data.i;
  const canRestore = can(user.role, "registry.restore");
  const base = `/institutions/${i.id}`;

  return (
    <>
      <RecordHeader
        t={t}
        title={i.name}
        description={`${data.type} · ${t(`registry.levels.${i.level}`)}`}
        base={base}
        listHref="/institutions"
        record={i}
        canWrite={can(user.role, "registry.write")}
        canRestore={can(user.role, "registry.restore")}
        deleteAction={deleteInstitution}
        restoreAction={restoreInstitution}
        tab={tab}
      />
      {tab === "history" ? (
        <Card>
          <CardContent>
            <RegistryHistory t={t} definition={institutionRegistry} id={i.id} />
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardContent>
            <RegistryDetailGrid t={t} definition={institutionRegistry} record={i} canRestore={canRestore} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
