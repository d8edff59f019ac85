import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getIncubator } from "@/features/incubators/queries";
import { incubatorRegistry } from "@/features/incubators/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { withProposed } from "@/features/registry/review-read";
import { optionsWithinScope } from "@/features/registry/scope";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { IncubatorForm } from "../../_components/incubator-form";

export default async function EditIncubatorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("registry.write");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getIncubator(id) : null;
  if (!data || data.i.deletedAt) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={`${t("incubators.editTitle")}${t("common.colon")}`} subject={data.i.name} />
      <Card>
        <CardContent>
          <IncubatorForm
            incubator={withProposed(getDb(), incubatorRegistry, data.i, user.id)}
            options={optionsWithinScope(
              getDictionaryOptions(dictionaryKinds(incubatorRegistry), await getLocale()),
              user.scope,
            )}
          />
        </CardContent>
      </Card>
    </>
  );
}
