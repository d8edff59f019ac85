import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailGrid } from "@/components/registry/detail-grid";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RegistryHistory } from "@/features/registry/history";
import { deleteTalent, restoreTalent } from "@/features/talents/actions";
import { getTalent } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";
import { PersonalData } from "../_components/personal-data";

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
            <RegistryHistory t={t} definition={talentRegistry} id={p.id} />
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
