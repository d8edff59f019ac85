import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailGrid } from "@/components/registry/detail-grid";
import { HistoryList, show } from "@/components/registry/history-list";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/dal";
import { type MessageKey, tDynamic } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { getEnterpriseNames } from "@/lib/registry/enterprise-lookup";
import { getRecordHistory } from "@/lib/registry/history";
import { formatDateTime } from "@/lib/time";
import { PersonalData } from "../_components/personal-data";
import { deleteTalent, restoreTalent } from "../_lib/actions";
import { getTalent } from "../_lib/queries";

export default async function TalentDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getTalent(id) : null;
  if (!data) notFound();
  const t = await getT();
  const tab = (await searchParams).tab === "history" ? "history" : "detail";
  const p = data.talent;
  const base = `/talents/${p.id}`;

  const employer = p.employerEnterpriseId ? (
    <>
      <Link href={`/enterprises/${p.employerEnterpriseId}`} className="text-brand-700 hover:underline">
        {data.employerEnterpriseName}
      </Link>
      {data.employerEnterpriseLive ? null : (
        <span className="ml-1 text-xs text-slate-500">{t("talents.employer.deletedEnterprise")}</span>
      )}
    </>
  ) : (
    p.employerName
  );

  return (
    <>
      <RecordHeader
        t={t}
        title={p.name}
        description={`${t(`talents.kinds.${p.kind}`)} · ${data.category}`}
        base={base}
        listHref="/talents"
        record={p}
        canWrite={can(user.role, "registry.write")}
        canRestore={can(user.role, "registry.restore")}
        deleteAction={deleteTalent}
        restoreAction={restoreTalent}
        tab={tab}
      />
      {tab === "history" ? (
        <Card>
          <CardContent>
            <HistoryEntries t={t} id={p.id} />
          </CardContent>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <Card>
            <CardContent>
              <DetailGrid
                items={[
                  { label: t("talents.fields.kind"), value: t(`talents.kinds.${p.kind}`) },
                  { label: t("talents.fields.category"), value: data.category },
                  { label: t("talents.fields.recognisedYear"), value: p.recognisedYear },
                  { label: t("talents.fields.employer"), value: employer },
                  { label: t("talents.fields.field"), value: p.field },
                  { label: t("talents.fields.programme"), value: p.programme },
                  { label: t("talents.fields.createdAt"), value: formatDateTime(p.createdAt) },
                  { label: t("talents.fields.updatedAt"), value: formatDateTime(p.updatedAt) },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("talents.personal.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <PersonalData
                talentId={p.id}
                name={p.name}
                phoneMasked={p.phoneMasked}
                idNumberMasked={p.idNumberMasked}
                canReveal={can(user.role, "personal.reveal")}
              />
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}

async function HistoryEntries({ t, id }: { t: Awaited<ReturnType<typeof getT>>; id: number }) {
  const entries = getRecordHistory("talent", id);
  const employerIds = new Set<number>();
  for (const e of entries) {
    for (const side of [e.before, e.after]) {
      const v = side?.employerEnterpriseId;
      if (typeof v === "number") employerIds.add(v);
    }
  }
  const names = await getEnterpriseNames([...employerIds]);
  const labels = getDictionaryLabels();
  return (
    <HistoryList
      t={t}
      entries={entries}
      fieldLabel={(f) => tDynamic(t, `talents.fields.${f}`, f)}
      formatValue={(f, v) => {
        // phone / idNumber arrive already masked: the operation log never stores them in full.
        if (f === "employerEnterpriseId" && typeof v === "number") return names.get(v) ?? String(v);
        if (f === "categoryId" && typeof v === "number") return labels.get(v) ?? String(v);
        if (f === "kind" && typeof v === "string") return tDynamic(t, `talents.kinds.${v}` as MessageKey, v);
        if (f === "deletedAt" && typeof v === "string") return formatDateTime(v);
        return show(v);
      }}
    />
  );
}
