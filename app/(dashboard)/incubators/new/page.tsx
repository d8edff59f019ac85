import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { incubatorRegistry } from "@/features/incubators/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { IncubatorForm } from "../_components/incubator-form";

export default async function NewIncubatorPage() {
  await requirePermission("registry.write");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("incubators.create")} />
      <Card>
        <CardContent>
          <IncubatorForm options={getDictionaryOptions(dictionaryKinds(incubatorRegistry))} />
        </CardContent>
      </Card>
    </>
  );
}
