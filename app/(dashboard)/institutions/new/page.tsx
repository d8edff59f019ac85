import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { InstitutionForm } from "../_components/institution-form";

export default async function NewInstitutionPage() {
  await requirePermission("registry.write");
  const t = await getT();
  const d = getDictionaryOptions(["institution_type"]);
  return (
    <>
      <PageHeader title={t("institutions.create")} />
      <Card>
        <CardContent>
          <InstitutionForm types={d.institution_type ?? []} />
        </CardContent>
      </Card>
    </>
  );
}
