import Link from "next/link";
import { buildHref, Pagination } from "@/components/data-table/pagination";
import { LogFilters } from "@/components/logs/log-filters";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Td, Th } from "@/components/ui/table";
import { type AuditRowView, actionOptions, describeLogs } from "@/features/audit-log/describe";
import { getLogUsers, getOperationLogs, logSearchSchema } from "@/features/audit-log/queries";
import { requirePermission } from "@/lib/dal";
import type { T } from "@/lib/i18n/core";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

const TONE = { ok: "ok", denied: "bad", invalid: "warn", error: "bad" } as const;
const MAX_CHANGES = 8;

function Changes({ t, row }: { t: T; row: AuditRowView }) {
  if (row.changes.length === 0) return null;
  const shown = row.changes.slice(0, MAX_CHANGES);
  return (
    <dl className="grid min-w-72 grid-cols-[max-content_1fr] gap-x-2 gap-y-0.5 text-xs" data-testid="audit-changes">
      {shown.map((c) => (
        <div key={c.key} className="contents">
          <dt className="whitespace-nowrap text-slate-600">{c.label}</dt>
          <dd className="break-words">
            {c.before !== null || row.changes.some((x) => x.before !== null) ? (
              <>
                <span className="text-slate-600 line-through decoration-slate-400">{c.before ?? "—"}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only">{t("auditView.changes")}</span>
              </>
            ) : null}
            <span>{c.after ?? "—"}</span>
          </dd>
        </div>
      ))}
      {row.changes.length > MAX_CHANGES ? (
        <div className="col-span-2 text-slate-600">
          {t("auditView.more", { count: row.changes.length - MAX_CHANGES })}
        </div>
      ) : null}
    </dl>
  );
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("audit.read");
  const t = await getT();
  const s = logSearchSchema.parse(await searchParams);
  const { rows, total, pageCount } = await getOperationLogs(s);
  const views = describeLogs(t, rows);
  const users = await getLogUsers();
  const readsRecords = can(user.role, "registry.read");
  const { page: _page, ...filter } = s;
  const exportHref = buildHref("/admin/audit-log/export", filter);
  const trail = s.type ? views.find((v) => v.object?.type === s.type && (!s.id || v.object?.id === s.id)) : undefined;
  return (
    <>
      <PageHeader title={t("audit.title")} />
      <Card>
        <LogFilters
          t={t}
          action="/admin/audit-log"
          values={s}
          showAction
          userOptions={users.map((u) => ({
            value: u.username,
            label: `${u.name}${t("common.paren", { text: u.username })}`,
          }))}
          actionOptions={actionOptions(t, Object.keys(zhCN.actions))}
          resultOptions={(["ok", "denied", "invalid", "error"] as const).map((r) => ({
            value: r,
            label: t(`audit.results.${r}`),
          }))}
        >
          {s.type ? <input type="hidden" name="type" value={s.type} /> : null}
          {s.id ? <input type="hidden" name="id" value={s.id} /> : null}
          <a
            href={exportHref}
            className={buttonVariants({ variant: "outline" })}
            title={t("auditView.exportHint")}
            data-testid="audit-export"
          >
            {t("auditView.export")}
          </a>
        </LogFilters>
        {s.type ? (
          <p className="border-t border-slate-100 px-3 py-2 text-sm" data-testid="audit-trail">
            {t("auditView.objectName")}：{trail?.object?.typeLabel ?? s.type}{" "}
            {trail?.object?.name ?? (s.id ? `#${s.id}` : "")}
            <Link
              href={buildHref("/admin/audit-log", { ...filter, type: undefined, id: undefined })}
              className="ml-3 underline"
            >
              {t("common.reset")}
            </Link>
          </p>
        ) : null}
        {views.length === 0 ? (
          <EmptyState title={t("audit.empty")} />
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be reachable by keyboard to scroll it
          <section className="w-full overflow-x-auto" tabIndex={0} aria-label={t("auditView.scrollRegion")}>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  <Th>{t("audit.time")}</Th>
                  <Th>{t("audit.user")}</Th>
                  <Th>{t("audit.action")}</Th>
                  <Th>{t("audit.object")}</Th>
                  <Th>{t("audit.result")}</Th>
                  <Th className="min-w-48">{t("audit.message")}</Th>
                  <Th className="min-w-72">{t("auditView.changes")}</Th>
                </tr>
              </thead>
              <tbody>
                {views.map((r) => (
                  <tr key={r.id} data-testid="audit-row">
                    <Td className="whitespace-nowrap tabular">{r.time}</Td>
                    <Td className="whitespace-nowrap">
                      <span translate="no">{r.userName ?? r.username ?? "—"}</span>
                      <span className="block text-xs text-slate-600">
                        {r.userName && r.username ? `${r.username} · ` : ""}
                        {r.roleLabel ?? ""}
                      </span>
                      {r.ip ? <span className="block font-mono text-xs text-slate-600">{r.ip}</span> : null}
                    </Td>
                    <Td className="whitespace-nowrap">{r.actionLabel}</Td>
                    <Td className="min-w-40" data-testid="audit-object">
                      {r.object ? (
                        <>
                          <span className="block text-xs text-slate-600">{r.object.typeLabel}</span>
                          {r.object.id ? (
                            <Link
                              href={buildHref("/admin/audit-log", { type: r.object.type, id: r.object.id })}
                              className="text-brand-600 underline decoration-slate-300 underline-offset-2"
                              title={t("auditView.objectName")}
                              translate="no"
                            >
                              {r.object.name ?? `#${r.object.id}`}
                            </Link>
                          ) : (
                            <span translate="no">{r.object.name ?? ""}</span>
                          )}
                          {readsRecords && r.object.href ? (
                            <Link href={r.object.href} className="ml-2 text-xs underline">
                              {t("auditView.openRecord")}
                            </Link>
                          ) : null}
                        </>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      <Badge tone={TONE[r.result]}>{r.resultLabel}</Badge>
                    </Td>
                    {/* What was written names records and holds their values: data, not translated. */}
                    <Td className="min-w-48 text-xs break-words" data-testid="audit-message" translate="no">
                      {r.message}
                    </Td>
                    <Td translate="no">
                      <Changes t={t} row={r} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
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
