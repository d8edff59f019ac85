import { buildHref, Pagination } from "@/components/data-table/pagination";
import { LogFilters } from "@/components/logs/log-filters";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getOperationLogs, logSearchSchema } from "@/features/audit-log/queries";
import { requirePermission } from "@/lib/dal";
import { tDynamic } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";

const TONE = { ok: "ok", denied: "bad", invalid: "warn", error: "bad" } as const;

function Json({ value }: { value: unknown }) {
  if (value == null) return null;
  return (
    <pre className="max-h-40 max-w-xs overflow-auto rounded bg-slate-50 p-1.5 text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requirePermission("audit.read");
  const t = await getT();
  const s = logSearchSchema.parse(await searchParams);
  const { rows, total, pageCount } = await getOperationLogs(s);
  return (
    <>
      <PageHeader title={t("audit.title")} />
      <Card>
        <LogFilters
          t={t}
          action="/admin/audit-log"
          values={s}
          showAction
          resultOptions={(["ok", "denied", "invalid", "error"] as const).map((r) => ({
            value: r,
            label: t(`audit.results.${r}`),
          }))}
        />
        {rows.length === 0 ? (
          <EmptyState title={t("audit.empty")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("audit.time")}</Th>
                <Th>{t("audit.user")}</Th>
                <Th>{t("audit.ip")}</Th>
                <Th>{t("audit.action")}</Th>
                <Th>{t("audit.object")}</Th>
                <Th>{t("audit.result")}</Th>
                <Th>{t("audit.message")}</Th>
                <Th>{t("audit.before")}</Th>
                <Th>{t("audit.after")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="audit-row">
                  <Td className="whitespace-nowrap tabular">{formatDateTime(r.createdAt)}</Td>
                  <Td className="whitespace-nowrap">
                    {r.username ?? "—"}
                    {r.role ? (
                      <span className="block text-xs text-slate-500">{tDynamic(t, `roles.${r.role}`, r.role)}</span>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs">{r.ip}</Td>
                  <Td className="whitespace-nowrap">
                    {tDynamic(t, `actions.${r.action}`, r.action)}
                    <span className="block font-mono text-xs text-slate-400">{r.action}</span>
                  </Td>
                  <Td className="whitespace-nowrap text-xs">
                    {r.objectType ? `${r.objectType} #${r.objectId ?? ""}` : ""}
                  </Td>
                  <Td>
                    <Badge tone={TONE[r.result]}>{t(`audit.results.${r.result}`)}</Badge>
                  </Td>
                  {/* What was written (messages name records; before/after hold their values): data, not translated. */}
                  <Td className="max-w-xs text-xs break-all" translate="no">
                    {r.message}
                  </Td>
                  <Td translate="no">
                    <Json value={r.before} />
                  </Td>
                  <Td translate="no">
                    <Json value={r.after} />
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
          hrefFor={(page) => buildHref("/admin/audit-log", { ...s, page })}
        />
      </Card>
    </>
  );
}
