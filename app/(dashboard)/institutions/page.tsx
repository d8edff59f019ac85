import { Plus } from "lucide-react";
import Link from "next/link";
import { DrillChip } from "@/components/registry/drill-chip";
import { ExportButtons } from "@/components/registry/export-buttons";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LEVELS, RECORD_STATUSES } from "@/db/schema";
import { getInstitutions } from "@/features/institutions/queries";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { drillFor } from "@/features/kpi/drill";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { InstitutionsTable } from "./_components/institutions-table";

export default async function InstitutionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("registry.read");
  const t = await getT();
  const raw = await searchParams;
  const search = loadInstitutionSearch(raw);
  const data = await getInstitutions(search);
  const dict = getDictionaryOptions(["institution_type"]);
  return (
    <>
      <PageHeader
        title={t("institutions.title")}
        actions={
          <>
            {can(user.role, "report.export") ? <ExportButtons base="/institutions" params={raw} /> : null}
            {can(user.role, "registry.write") ? (
              <Link href="/institutions/new" className={buttonVariants()}>
                <Plus className="h-4 w-4" />
                {t("institutions.create")}
              </Link>
            ) : null}
          </>
        }
      />
      <DrillChip drill={drillFor("institutions", search)} base="/institutions" params={raw} total={data.total} />
      <Card>
        <InstitutionsTable
          rows={data.rows}
          total={data.total}
          pageCount={data.pageCount}
          canRestore={can(user.role, "registry.restore")}
          facets={{
            type: (dict.institution_type ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            level: LEVELS.map((l) => ({ value: l, label: t(`registry.levels.${l}`) })),
            status: RECORD_STATUSES.map((s) => ({ value: s, label: t(`registry.recordStatus.${s}`) })),
          }}
        />
      </Card>
    </>
  );
}
