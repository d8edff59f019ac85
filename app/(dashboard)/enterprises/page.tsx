import { Plus } from "lucide-react";
import Link from "next/link";
import { DrillChip } from "@/components/registry/drill-chip";
import { ExportButtons } from "@/components/registry/export-buttons";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ENTERPRISE_STATUSES } from "@/db/schema";
import { getEnterprises } from "@/features/enterprises/queries";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { drillFor } from "@/features/kpi/drill";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { EnterprisesTable } from "./_components/enterprises-table";

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("registry.read");
  const t = await getT();
  const raw = await searchParams;
  const search = loadEnterpriseSearch(raw);
  const data = await getEnterprises(search);
  const dict = getDictionaryOptions(["street", "park", "industry_chain", "qualification_type"]);
  return (
    <>
      <PageHeader
        title={t("enterprises.title")}
        actions={
          <>
            {can(user.role, "report.export") ? <ExportButtons base="/enterprises" params={raw} /> : null}
            {can(user.role, "registry.write") ? (
              <Link href="/enterprises/new" className={buttonVariants()}>
                <Plus className="h-4 w-4" />
                {t("enterprises.create")}
              </Link>
            ) : null}
          </>
        }
      />
      <DrillChip drill={drillFor("enterprises", search)} base="/enterprises" params={raw} total={data.total} />
      <Card>
        <EnterprisesTable
          rows={data.rows}
          total={data.total}
          pageCount={data.pageCount}
          canRestore={can(user.role, "registry.restore")}
          facets={{
            street: (dict.street ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            park: (dict.park ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            chain: (dict.industry_chain ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            qual: (dict.qualification_type ?? []).map((o) => ({ value: String(o.id), label: o.label })),
            status: ENTERPRISE_STATUSES.map((s) => ({ value: s, label: t(`enterprises.status.${s}`) })),
          }}
        />
      </Card>
    </>
  );
}
