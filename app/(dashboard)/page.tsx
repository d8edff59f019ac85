import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

export default async function HomePage() {
  const user = await requireUser();
  // The auditor's work is the logs; the board is not theirs to read.
  if (!can(user.role, "indicator.read"))
    redirect(can(user.role, "audit.read") ? "/admin/audit-log" : "/change-password");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("home.title")} description={t("home.welcome", { name: user.displayName })} />
      <Card>
        <EmptyState title={t("home.emptyBoard")} hint={t("home.emptyBoardHint")} />
      </Card>
    </>
  );
}
