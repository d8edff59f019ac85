import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getInstitution } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { withProposed } from "@/features/registry/review-read";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { InstitutionForm } from "../../_components/institution-form";

export default async function EditInstitutionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("registry.write");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getInstitution(id) : null;
  if (!data || data.i.deletedAt) notFound();
  const t = await getT();
  const host = data.host?.id != null && data.host.name != null ? { id: data.host.id, name: data.host.name } : null;
  return (
    <>
      <PageHeader title={`${t("institutions.editTitle")}${t("common.colon")}`} subject={data.i.name} />
      <Card>
        <CardContent>
          <InstitutionForm
            institution={withProposed(getDb(), institutionRegistry, data.i, user.id)}
            host={host}
            options={getDictionaryOptions(dictionaryKinds(institutionRegistry), await getLocale())}
          />
        </CardContent>
      </Card>
    </>
  );
}
