import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getSetupStatus } from "@/features/setup/status";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { SetupChecklist } from "./_components/setup-checklist";

/** 开始使用 (staff and admin): the first-day checklist; after the setup, still here from the menu. */
export default async function SetupPage() {
  const user = await requirePermission("import.run");
  const t = await getT();
  const locale = await getLocale();
  const status = getSetupStatus();
  return (
    <>
      <PageHeader
        title={t("setup.title")}
        description={t("setup.subtitle")}
        actions={
          <span className="text-sm font-medium text-slate-700" data-testid="setup-progress">
            {t("setup.progress", { done: status.doneCount, total: status.steps.length })}
          </span>
        }
      />
      {status.complete ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900"
          data-testid="setup-complete"
        >
          {t("setup.complete")}{" "}
          <Link href="/" className="font-medium underline">
            {t("setup.openBoard")}
          </Link>
        </p>
      ) : null}
      <SetupChecklist status={status} user={user} t={t} locale={locale} />
    </>
  );
}
