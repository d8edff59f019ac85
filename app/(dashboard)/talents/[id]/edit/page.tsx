import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { dictionaryKinds } from "@/features/registry/define";
import { withProposed } from "@/features/registry/review-read";
import { getTalent } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { TalentForm } from "../../_components/talent-form";

export default async function EditTalentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("registry.write");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getTalent(id) : null;
  if (!data || data.talent.deletedAt) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={`${t("talents.editTitle")}${t("common.colon")}`} subject={data.talent.name} />
      <Card>
        <CardContent>
          {/* Only masked personal data reaches the form (see getTalent). */}
          <TalentForm
            talent={withProposed(getDb(), talentRegistry, data.talent, user.id)}
            employerEnterpriseName={data.employerEnterpriseName}
            options={getDictionaryOptions(dictionaryKinds(talentRegistry), await getLocale())}
          />
        </CardContent>
      </Card>
    </>
  );
}
