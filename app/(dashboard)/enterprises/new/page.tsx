import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { EnterpriseForm } from "../_components/enterprise-form";

export default async function NewEnterprisePage() {
  await requirePermission("registry.write");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("enterprises.create")} />
      <Card>
        <CardContent>
          <EnterpriseForm options={getDictionaryOptions(dictionaryKinds(enterpriseRegistry))} />
        </CardContent>
      </Card>
    </>
  );
}
