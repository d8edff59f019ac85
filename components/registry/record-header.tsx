import { Pencil } from "lucide-react";
import Link from "next/link";
import { SampleBadge } from "@/components/registry/cells";
import { DetailTabs } from "@/components/registry/detail-grid";
import { RecordActionButton } from "@/components/registry/record-actions";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { ServerAction } from "@/lib/action";
import type { T } from "@/lib/i18n/core";

/**
 * The head of every registry detail page: title, 示例数据/已删除 badges, edit / delete / restore (each shown
 * only when allowed — the actions check again on the server) and the 基本信息 | 变更历史 tabs.
 */
export function RecordHeader({
  t,
  title,
  description,
  base,
  listHref,
  record,
  canWrite,
  canRestore,
  deleteAction,
  restoreAction,
  tab,
}: {
  t: T;
  title: string;
  description?: string;
  base: string;
  listHref: string;
  record: { id: number; version: number; isSample: boolean; deletedAt: string | null };
  canWrite: boolean;
  canRestore: boolean;
  deleteAction: ServerAction<unknown>;
  restoreAction: ServerAction<unknown>;
  tab: "detail" | "history";
}) {
  const live = !record.deletedAt;
  const ref = { id: record.id, version: record.version };
  return (
    <>
      <PageHeader
        title={title}
        titleIsData
        description={description}
        actions={
          <>
            {record.isSample ? <SampleBadge label={t("registry.sampleBadge")} /> : null}
            {live ? null : <Badge tone="bad">{t("registry.deletedBadge")}</Badge>}
            {canWrite && live ? (
              <>
                <Link href={`${base}/edit`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                  <Pencil className="h-4 w-4" />
                  {t("registry.edit")}
                </Link>
                <RecordActionButton
                  action={deleteAction}
                  input={ref}
                  message={t("registry.confirmDelete", { name: title })}
                  label={t("registry.delete")}
                  redirectTo={listHref}
                />
              </>
            ) : null}
            {!live && canRestore ? (
              <RecordActionButton
                action={restoreAction}
                input={ref}
                message={t("registry.confirmRestore", { name: title })}
                label={t("registry.restore")}
                variant="default"
              />
            ) : null}
          </>
        }
      />
      <DetailTabs
        base={base}
        active={tab}
        tabs={[
          { key: "detail", label: t("registry.tabs.detail") },
          { key: "history", label: t("registry.tabs.history") },
        ]}
      />
    </>
  );
}
