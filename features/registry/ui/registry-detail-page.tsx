import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import type { ServerAction } from "@/lib/action";
import { requirePermission } from "@/lib/dal";
import type { T } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";
import type { RegistryDefinition } from "../define";
import { RegistryHistory } from "../history";
import { openItemOf } from "../review-read";
import { RegistryDetailGrid } from "./registry-detail";

type RecordRow = { id: number; name: string; version: number; isSample: boolean; deletedAt: string | null };

/** `/<registry>/<id>`: the record loaded by a positive integer id, else 404. */
export async function loadRecord<R>(params: Promise<{ id: string }>, load: (id: number) => Promise<R | null>) {
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await load(id) : null;
  if (!data) notFound();
  return data;
}

/** `?tab=history` → 变更历史, else 基本信息. */
export async function detailTab(searchParams: Promise<{ tab?: string }>): Promise<"detail" | "history"> {
  return (await searchParams).tab === "history" ? "history" : "detail";
}

/**
 * A registry record's page: header (edit / delete / restore), then either its change history (with its children's)
 * or the definition's detail fields followed by the bespoke sections (`children`).
 */
export async function RegistryDetailPage({
  definition: def,
  record,
  description,
  tab,
  deleteAction,
  restoreAction,
  subResources,
  overrides,
  children,
}: {
  definition: RegistryDefinition;
  record: RecordRow & Record<string, unknown>;
  description?: string;
  tab: "detail" | "history";
  deleteAction: ServerAction<unknown>;
  restoreAction: ServerAction<unknown>;
  subResources?: { definition: RegistryDefinition; ids: number[] }[];
  overrides?: Record<string, React.ReactNode>;
  children?: React.ReactNode;
}) {
  const user = await requirePermission("registry.read");
  const t = await getT();
  const canRestore = can(user.role, "registry.restore");
  return (
    <>
      <RecordHeader
        t={t}
        title={record.name}
        description={description}
        base={`${def.path}/${record.id}`}
        listHref={def.path}
        record={record}
        canWrite={can(user.role, "registry.write")}
        canRestore={canRestore}
        deleteAction={deleteAction}
        restoreAction={restoreAction}
        tab={tab}
      />
      <ReviewBanner
        t={t}
        objectType={def.objectType}
        id={record.id}
        reviewer={can(user.role, "registry.review") && user.scope.kind === "all"}
      />
      {tab === "history" ? (
        <Card>
          <CardContent>
            <RegistryHistory t={t} definition={def} id={record.id} subResources={subResources} />
          </CardContent>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <Card>
            <CardContent>
              <RegistryDetailGrid
                t={t}
                definition={def}
                record={record}
                canRestore={canRestore}
                overrides={overrides}
              />
            </CardContent>
          </Card>
          {children}
        </div>
      )}
    </>
  );
}

/**
 * 录入 → 审核: a record awaiting its first approval, returned, or with a change awaiting review says so above its
 * details (what counts meanwhile, and the way to the queue).
 */
function ReviewBanner({ t, objectType, id, reviewer }: { t: T; objectType: string; id: number; reviewer: boolean }) {
  const item = openItemOf(getDb(), objectType, id);
  if (!item) return null;
  const at = formatDateTime(item.submittedAt).slice(0, 16);
  const op = t(`review.ops.${item.op}`);
  const reason = item.reason ?? "";
  const text =
    item.op === "create"
      ? item.state === "returned"
        ? t("review.bannerReturned", { reason })
        : t("review.bannerPending", { who: item.submitterName, at })
      : item.state === "returned"
        ? t("review.bannerChangeReturned", { op, reason })
        : t("review.bannerChange", { who: item.submitterName, at, op });
  const tab = reviewer ? (item.state === "returned" ? "returned" : "pending") : "mine";
  return (
    <div
      role="status"
      data-testid="review-banner"
      className={`mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border px-4 py-3 text-sm ${
        item.state === "returned"
          ? "border-red-200 bg-red-50 text-red-900"
          : "border-amber-200 bg-amber-50 text-amber-900"
      }`}
    >
      <span>{text}</span>
      <Link href={`/review?tab=${tab}#item-${item.id}`} className="font-medium underline underline-offset-2">
        {t("review.openQueue")}
      </Link>
    </div>
  );
}
