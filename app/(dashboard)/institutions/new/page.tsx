import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { institutionRegistry } from "@/features/institutions/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { InstitutionForm } from "../_components/institution-form";

export default async function NewInstitutionPage() {
  await requirePermission("registry.write");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("institutions.create")} />
      <Card>
        <CardContent>
          <InstitutionForm options={getDictionaryOptions(dictionaryKinds(institutionRegistry), await getLocale())} />
        </CardContent>
      </Card>
    </>
  );
}
