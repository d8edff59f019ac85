import { notFound } from "next/navigation";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RegistryHistory } from "@/features/registry/history";
import { RegistryDetailGrid } from "@/features/registry/ui/registry-detail";
import { deleteTalent, restoreTalent } from "@/features/talents/actions";
import { getTalent } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
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
              <RegistryDetailGrid
                t={t}
                definition={talentRegistry}
                record={p}
                canRestore={can(user.role, "registry.restore")}
                // Not linked to a registered enterprise: the employer as typed.
                overrides={{ employerEnterpriseId: p.employerEnterpriseId ? undefined : p.employerName }}
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
