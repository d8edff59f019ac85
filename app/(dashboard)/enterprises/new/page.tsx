import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { EnterpriseForm } from "../_components/enterprise-form";

export default async function NewEnterprisePage() {
  await requirePermission("registry.write");
  const t = await getT();
  const d = getDictionaryOptions(["street", "park", "industry_chain"]);
  return (
    <>
      <PageHeader title={t("enterprises.create")} />
      <Card>
        <CardContent>
          <EnterpriseForm
            options={{ street: d.street ?? [], park: d.park ?? [], industry_chain: d.industry_chain ?? [] }}
          />
        </CardContent>
      </Card>
    </>
  );
}
