import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailGrid } from "@/components/registry/detail-grid";
import { HistoryList, show } from "@/components/registry/history-list";
import { RecordHeader } from "@/components/registry/record-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { requirePermission } from "@/lib/dal";
import { type MessageKey, tDynamic } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { getEnterpriseNames } from "@/lib/registry/enterprise-lookup";
import { getRecordHistory } from "@/lib/registry/history";
import { formatDateTime } from "@/lib/time";
import { deleteInstitution, restoreInstitution } from "../_lib/actions";
import { getInstitution } from "../_lib/queries";

const FIELD_KEYS: Record<string, MessageKey> = {
  typeId: "institutions.fields.type",
  hostEnterpriseId: "institutions.fields.hostEnterprise",
  deletedAt: "registry.deletedBadge",
};

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
            <HistoryEntries t={t} id={i.id} />
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

async function HistoryEntries({ t, id }: { t: Awaited<ReturnType<typeof getT>>; id: number }) {
  const entries = getRecordHistory("institution", id);
  const hostIds = new Set<number>();
  for (const e of entries) {
    for (const side of [e.before, e.after]) {
      const v = side?.hostEnterpriseId;
      if (typeof v === "number") hostIds.add(v);
    }
  }
  const enterpriseNames = await getEnterpriseNames([...hostIds]);
  const labels = getDictionaryLabels();
  return (
    <HistoryList
      t={t}
      entries={entries}
      fieldLabel={(f) => tDynamic(t, FIELD_KEYS[f] ?? `institutions.fields.${f}`, f)}
      formatValue={(f, v) => {
        if (f === "typeId" && typeof v === "number") return labels.get(v) ?? String(v);
        if (f === "hostEnterpriseId" && typeof v === "number") return enterpriseNames.get(v) ?? String(v);
        if (f === "level" && typeof v === "string") return tDynamic(t, `registry.levels.${v}`, v);
        if (f === "status" && typeof v === "string") return tDynamic(t, `registry.recordStatus.${v}`, v);
        if (f === "deletedAt" && typeof v === "string") return formatDateTime(v);
        return show(v);
      }}
    />
  );
}
