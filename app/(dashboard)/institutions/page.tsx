import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";

export default async function Page() {
  await requirePermission("registry.read");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("nav.institutions")} />
      <Card>
        <EmptyState title={t("placeholder.notYet")} hint={t("placeholder.notYetHint")} />
      </Card>
    </>
  );
}
