import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createUser } from "@/features/users/actions";
import { getUnitOptions, getUsers } from "@/features/users/queries";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { ADMIN_ASSIGNABLE_ROLES } from "@/lib/permissions";
import { AccountCreateForm } from "../_components/account-create-form";
import { UserImport } from "./_components/user-import";
import { UsersTable } from "./_components/users-table";

export default async function UsersPage() {
  const me = await requirePermission("user.manage");
  const t = await getT();
  const rows = await getUsers();
  const units = await getUnitOptions();
  return (
    <>
      <PageHeader title={t("users.title")} />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("users.create")}</CardTitle>
          </CardHeader>
          <CardContent>
            <AccountCreateForm
              action={createUser}
              label="users.create"
              idPrefix="new"
              roles={ADMIN_ASSIGNABLE_ROLES}
              units={units}
            />
          </CardContent>
        </Card>
        <Card id="bulk-import" className="scroll-mt-20">
          <CardHeader>
            <CardTitle>{t("setup.users.importTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <UserImport />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="p-0 sm:p-0">
            <UsersTable rows={rows} currentUserId={me.id} units={units} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
