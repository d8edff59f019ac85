import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { optionsWithinScope, scopeDefaults } from "@/features/registry/scope";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { EnterpriseForm } from "../_components/enterprise-form";

export default async function NewEnterprisePage() {
  const user = await requirePermission("registry.write");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("enterprises.create")} />
      <Card>
        <CardContent>
          <EnterpriseForm
            options={optionsWithinScope(
              getDictionaryOptions(dictionaryKinds(enterpriseRegistry), await getLocale()),
              user.scope,
            )}
            defaults={scopeDefaults(user.scope)}
          />
        </CardContent>
      </Card>
    </>
  );
}
