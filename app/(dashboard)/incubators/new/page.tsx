import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { IncubatorForm } from "../_components/incubator-form";

export default async function NewIncubatorPage() {
  await requirePermission("registry.write");
  const t = await getT();
  const d = getDictionaryOptions(["incubator_type", "street"]);
  return (
    <>
      <PageHeader title={t("incubators.create")} />
      <Card>
        <CardContent>
          <IncubatorForm options={{ incubator_type: d.incubator_type ?? [], street: d.street ?? [] }} />
        </CardContent>
      </Card>
    </>
  );
}
