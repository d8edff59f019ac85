import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createAuditor } from "@/features/auditors/actions";
import { getAuditors } from "@/features/auditors/queries";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { AccountCreateForm } from "../_components/account-create-form";
import { AuditorsTable } from "./_components/auditors-table";

// 三权分立: only auditors reach this page (auditor.manage); the admin's user screen cannot touch these accounts.
export default async function AuditorsPage() {
  const me = await requirePermission("auditor.manage");
  const t = await getT();
  const rows = await getAuditors();
  return (
    <>
      <PageHeader title={t("auditors.title")} />
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-600">{t("auditors.intro")}</p>
        <Card>
          <CardHeader>
            <CardTitle>{t("auditors.create")}</CardTitle>
          </CardHeader>
          <CardContent>
            <AccountCreateForm action={createAuditor} label="auditors.create" idPrefix="auditor" />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="p-0 sm:p-0">
            <AuditorsTable rows={rows} currentUserId={me.id} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
