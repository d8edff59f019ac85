import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getUsers } from "@/features/users/queries";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { CreateUserForm } from "./_components/create-user-form";
import { UsersTable } from "./_components/users-table";

export default async function UsersPage() {
  const me = await requirePermission("user.manage");
  const t = await getT();
  const rows = await getUsers();
  return (
    <>
      <PageHeader title={t("users.title")} />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("users.create")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CreateUserForm />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="p-0 sm:p-0">
            <UsersTable rows={rows} currentUserId={me.id} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
