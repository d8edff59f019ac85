import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { incubatorRegistry } from "@/features/incubators/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { optionsWithinScope, scopeDefaults } from "@/features/registry/scope";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { IncubatorForm } from "../_components/incubator-form";

export default async function NewIncubatorPage() {
  const user = await requirePermission("registry.write");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("incubators.create")} />
      <Card>
        <CardContent>
          <IncubatorForm
            options={optionsWithinScope(
              getDictionaryOptions(dictionaryKinds(incubatorRegistry), await getLocale()),
              user.scope,
            )}
            defaults={scopeDefaults(user.scope)}
          />
        </CardContent>
      </Card>
    </>
  );
}
