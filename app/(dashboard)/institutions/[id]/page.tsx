import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailGrid } from "@/components/registry/detail-grid";
import { RecordHeader } from "@/components/registry/record-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { deleteInstitution, restoreInstitution } from "@/features/institutions/actions";
import { getInstitution } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { RegistryHistory } from "@/features/registry/history";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";

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
  const host = data.host?.id != null ? data.host : null;

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
            <DetailGrid
              items={[
                { label: t("institutions.fields.type"), value: data.type },
                { label: t("institutions.fields.level"), value: t(`registry.levels.${i.level}`) },
                {
                  label: t("institutions.fields.status"),
                  value: (
                    <Badge tone={i.status === "active" ? "ok" : "bad"}>{t(`registry.recordStatus.${i.status}`)}</Badge>
                  ),
                },
                {
                  label: t("institutions.fields.hostEnterprise"),
                  value: host ? (
                    <span>
                      {/* A deleted enterprise's page is only open to those who may restore it. */}
                      {!host.deletedAt || canRestore ? (
                        <Link
                          href={`/enterprises/${host.id}`}
                          className="text-brand-700 hover:underline"
                          data-testid="host-enterprise-link"
                        >
                          {host.name}
                        </Link>
                      ) : (
                        host.name
                      )}
                      {host.deletedAt ? (
                        <Badge tone="bad" className="ml-1">
                          {t("registry.deletedBadge")}
                        </Badge>
                      ) : null}
                    </span>
                  ) : null,
                },
                { label: t("institutions.fields.hostOrganisation"), value: i.hostOrganisation },
                { label: t("institutions.fields.recognisedDate"), value: i.recognisedDate },
                { label: t("institutions.fields.field"), value: i.field },
                { label: t("institutions.fields.staffCount"), value: i.staffCount },
                { label: t("common.createdAt"), value: formatDateTime(i.createdAt) },
                { label: t("common.updatedAt"), value: formatDateTime(i.updatedAt) },
              ]}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
