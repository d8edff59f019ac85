import { Plus } from "lucide-react";
import Link from "next/link";
import { DrillChip } from "@/components/registry/drill-chip";
import { ExportButtons } from "@/components/registry/export-buttons";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TALENT_KINDS } from "@/db/schema";
import { drillFor } from "@/features/kpi/drill";
import { getTalents } from "@/features/talents/queries";
import { currentYear, FIRST_RECOGNISED_YEAR, loadTalentSearch } from "@/features/talents/validations";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { TalentsTable } from "./_components/talents-table";

export default async function TalentsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("registry.read");
  const t = await getT();
  const raw = await searchParams;
  const search = loadTalentSearch(raw);
  const data = await getTalents(search);
  const dict = getDictionaryOptions(["talent_category"]);
  const years = Array.from({ length: currentYear() - FIRST_RECOGNISED_YEAR + 1 }, (_, i) => String(currentYear() - i));
  return (
    <>
      <PageHeader
        title={t("talents.title")}
        actions={
          <>
            {can(user.role, "report.export") ? <ExportButtons base="/talents" params={raw} /> : null}
            {can(user.role, "registry.write") ? (
              <Link href="/talents/new" className={buttonVariants()}>
                <Plus className="h-4 w-4" />
                {t("talents.create")}
              </Link>
            ) : null}
          </>
        }
      />
      <DrillChip drill={drillFor("talents", search)} base="/talents" params={raw} total={data.total} />
      <Card>
        <TalentsTable
          rows={data.rows}
          total={data.total}
          pageCount={data.pageCount}
          canRestore={can(user.role, "registry.restore")}
          facets={{
            category: (dict.talent_category ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            kind: TALENT_KINDS.map((k) => ({ value: k, label: t(`talents.kinds.${k}`) })),
            year: years.map((y) => ({ value: y, label: y })),
          }}
        />
      </Card>
    </>
  );
}
