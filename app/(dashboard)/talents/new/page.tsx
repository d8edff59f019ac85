import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { dictionaryKinds } from "@/features/registry/define";
import { talentRegistry } from "@/features/talents/registry";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { TalentForm } from "../_components/talent-form";

export default async function NewTalentPage() {
  await requirePermission("registry.write");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("talents.create")} />
      <Card>
        <CardContent>
          <TalentForm options={getDictionaryOptions(dictionaryKinds(talentRegistry), await getLocale())} />
        </CardContent>
      </Card>
    </>
  );
}
