import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { dictionaryKinds } from "@/features/registry/define";
import { getTalent } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { TalentForm } from "../../_components/talent-form";

export default async function EditTalentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("registry.write");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getTalent(id) : null;
  if (!data || data.talent.deletedAt) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={`${t("talents.editTitle")}：${data.talent.name}`} />
      <Card>
        <CardContent>
          {/* Only masked personal data reaches the form (see getTalent). */}
          <TalentForm
            talent={data.talent}
            employerEnterpriseName={data.employerEnterpriseName}
            options={getDictionaryOptions(dictionaryKinds(talentRegistry))}
          />
        </CardContent>
      </Card>
    </>
  );
}
