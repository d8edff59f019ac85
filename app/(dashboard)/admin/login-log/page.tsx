import { buildHref, Pagination } from "@/components/data-table/pagination";
import { LogFilters } from "@/components/logs/log-filters";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getLoginLogs, logSearchSchema } from "@/features/audit-log/queries";
import { requirePermission } from "@/lib/dal";
import { tDynamic } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";

export default async function LoginLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requirePermission("audit.read");
  const t = await getT();
  const s = logSearchSchema.parse(await searchParams);
  const { rows, total, pageCount } = await getLoginLogs(s);
  return (
    <>
      <PageHeader title={t("audit.loginTitle")} />
      <Card>
        <LogFilters
          t={t}
          action="/admin/login-log"
          values={s}
          showAction={false}
          resultOptions={[
            { value: "success", label: t("audit.success") },
            { value: "failure", label: t("audit.failure") },
          ]}
        />
        {rows.length === 0 ? (
          <EmptyState title={t("audit.empty")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("audit.time")}</Th>
                <Th>{t("audit.user")}</Th>
                <Th>{t("audit.result")}</Th>
                <Th>{t("audit.reason")}</Th>
                <Th>{t("audit.ip")}</Th>
                <Th>{t("audit.userAgent")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="login-row">
                  <Td className="whitespace-nowrap tabular">{formatDateTime(r.createdAt)}</Td>
                  <Td className="font-mono">{r.username}</Td>
                  <Td>
                    {r.success ? (
                      <Badge tone="ok">{t("audit.success")}</Badge>
                    ) : (
                      <Badge tone="bad">{t("audit.failure")}</Badge>
                    )}
                  </Td>
                  <Td>{tDynamic(t, `audit.loginReasons.${r.reason}`, r.reason)}</Td>
                  <Td className="font-mono text-xs">{r.ip}</Td>
                  <Td className="max-w-xs truncate text-xs text-slate-500" title={r.userAgent ?? ""}>
                    {r.userAgent}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          t={t}
          page={s.page}
          pageCount={pageCount}
          total={total}
          hrefFor={(page) => buildHref("/admin/login-log", { ...s, page })}
        />
      </Card>
    </>
  );
}
