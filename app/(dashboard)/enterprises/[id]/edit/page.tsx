import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getEnterprise } from "@/features/enterprises/queries";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { dictionaryKinds } from "@/features/registry/define";
import { withProposed } from "@/features/registry/review-read";
import { optionsWithinScope } from "@/features/registry/scope";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/mask";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { EnterpriseForm } from "../../_components/enterprise-form";

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("registry.write");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getEnterprise(id) : null;
  if (!data || data.e.deletedAt) notFound();
  const t = await getT();
  // Personal data: the form gets the masked phone only (not in the HTML, not in the RSC payload).
  // A change awaiting review: the submitter edits what they submitted, not the approved values.
  const { contactPhone, ...rest } = withProposed(getDb(), enterpriseRegistry, data.e, user.id);
  return (
    <>
      <PageHeader title={`${t("enterprises.editTitle")}${t("common.colon")}`} subject={data.e.name} />
      <Card>
        <CardContent>
          <EnterpriseForm
            enterprise={{ ...rest, contactPhoneMasked: maskPhone(contactPhone) }}
            options={optionsWithinScope(
              getDictionaryOptions(dictionaryKinds(enterpriseRegistry), await getLocale()),
              user.scope,
            )}
          />
        </CardContent>
      </Card>
    </>
  );
}
