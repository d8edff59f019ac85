import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { localiser } from "@/features/kpi/localise";
import { detailTab, loadRecord, RegistryDetailPage } from "@/features/registry/ui/registry-detail-page";
import { deleteTalent, restoreTalent } from "@/features/talents/actions";
import { getTalent } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { PersonalData } from "../_components/personal-data";

export default async function TalentDetailPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const data = await loadRecord(props.params, getTalent);
  const t = await getT();
  const p = data.talent;
  return (
    <RegistryDetailPage
      definition={talentRegistry}
      record={p}
      description={`${t(`talents.kinds.${p.kind}`)} · ${localiser(await getLocale()).label(data.category)}`}
      tab={await detailTab(props.searchParams)}
      deleteAction={deleteTalent}
      restoreAction={restoreTalent}
      // Not linked to a registered enterprise: the employer as typed.
      overrides={{ employerEnterpriseId: p.employerEnterpriseId ? undefined : p.employerName }}
    >
      {/* Phone and ID number: masked, each record revealed on request and logged (talent.reveal). */}
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
    </RegistryDetailPage>
  );
}
