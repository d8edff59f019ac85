import { Plus } from "lucide-react";
import Link from "next/link";
import { ExportButtons } from "@/components/registry/export-buttons";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LEVELS, RECORD_STATUSES } from "@/db/schema";
import { getIncubators } from "@/features/incubators/queries";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { IncubatorsTable } from "./_components/incubators-table";

export default async function IncubatorsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("registry.read");
  const t = await getT();
  const raw = await searchParams;
  const search = loadIncubatorSearch(raw);
  const data = await getIncubators(search);
  const dict = getDictionaryOptions(["incubator_type", "street"]);
  return (
    <>
      <PageHeader
        title={t("incubators.title")}
        actions={
          <>
            {can(user.role, "report.export") ? <ExportButtons base="/incubators" params={raw} /> : null}
            {can(user.role, "registry.write") ? (
              <Link href="/incubators/new" className={buttonVariants()}>
                <Plus className="h-4 w-4" />
                {t("incubators.create")}
              </Link>
            ) : null}
          </>
        }
      />
      <Card>
        <IncubatorsTable
          rows={data.rows}
          total={data.total}
          pageCount={data.pageCount}
          canRestore={can(user.role, "registry.restore")}
          facets={{
            type: (dict.incubator_type ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            level: LEVELS.map((l) => ({ value: l, label: t(`registry.levels.${l}`) })),
            street: (dict.street ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            status: RECORD_STATUSES.map((s) => ({ value: s, label: t(`registry.recordStatus.${s}`) })),
          }}
        />
      </Card>
    </>
  );
}
