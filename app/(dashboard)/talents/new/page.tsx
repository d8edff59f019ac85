import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentYear, FIRST_RECOGNISED_YEAR } from "@/features/talents/validations";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { TalentForm } from "../_components/talent-form";

export default async function NewTalentPage() {
  await requirePermission("registry.write");
  const t = await getT();
  const d = getDictionaryOptions(["talent_category"]);
  return (
    <>
      <PageHeader title={t("talents.create")} />
      <Card>
        <CardContent>
          <TalentForm categories={d.talent_category ?? []} years={{ min: FIRST_RECOGNISED_YEAR, max: currentYear() }} />
        </CardContent>
      </Card>
    </>
  );
}
