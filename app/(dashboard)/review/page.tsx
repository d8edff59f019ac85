import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { localiser } from "@/features/kpi/localise";
import { countItems, isReviewer, listItems, REVIEW_PAGE_SIZE, type ReviewTab } from "@/features/review/queries";
import { ReviewQueue } from "@/features/review/ui/review-queue";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

/**
 * 数据审核: for a reviewer (全区 with registry.review) the 待审核 queue, the returned items and the approved ones;
 * for anyone else who writes (a 镇街/园区 account) their own submissions, with returned ones and their reasons.
 */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ tab?: string; page?: string }> }) {
  const user = await requirePermission("registry.write");
  const t = await getT();
  const db = getDb();
  const reviewer = isReviewer(user, can(user.role, "registry.review"));
  const sp = await searchParams;
  const tabs: ReviewTab[] = reviewer ? ["pending", "returned", "decided"] : ["mine"];
  const tab: ReviewTab = tabs.includes(sp.tab as ReviewTab) ? (sp.tab as ReviewTab) : tabs[0];
  const page = Math.max(1, Math.min(10_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  const counts = Object.fromEntries(tabs.map((k) => [k, countItems(db, k, user.id)])) as Record<ReviewTab, number>;
  // Dictionary values of the diffs in the interface's language (record text stays as entered).
  const L = localiser(await getLocale());
  const shown = <V extends { value?: string | number | null } | null>(v: V): V =>
    v && typeof v.value === "string" ? { ...v, value: L.label(v.value) } : v;
  const items = listItems(db, tab, user.id, page).map((i) => ({
    ...i,
    diff: i.diff.map((d) => ({ ...d, before: shown(d.before), after: shown(d.after) })),
  }));
  // A record (or a child row's record) is corrected on its own edit page.
  const editPaths = Object.fromEntries(
    items.map((i) => [i.id, i.objectType === i.registry ? `${i.rootHref}/edit` : i.rootHref]),
  );
  const pages = Math.max(1, Math.ceil(counts[tab] / REVIEW_PAGE_SIZE));
  return (
    <>
      <PageHeader
        title={t("review.title")}
        description={reviewer ? t("review.hintReviewer") : t("review.hintSubmitter")}
      />
      <nav aria-label={t("review.title")} className="mb-4 flex flex-wrap gap-2">
        {tabs.map((k) => (
          <Link
            key={k}
            href={`/review?tab=${k}`}
            aria-current={k === tab ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm ${
              k === tab
                ? "border-brand-600 bg-brand-50 font-medium text-brand-800"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
            }`}
          >
            {t(`review.tabs.${k}`)}
            <span className="ml-1.5 tabular" data-testid={`review-count-${k}`}>
              {counts[k].toLocaleString("zh-CN")}
            </span>
          </Link>
        ))}
      </nav>
      {/* Rendered when empty too: the outcome of the last decision stays announced after its item left the tab. */}
      <ReviewQueue items={items} reviewer={reviewer} tab={tab} editPaths={editPaths} empty={t(`review.empty.${tab}`)} />
      {pages > 1 ? (
        <nav className="mt-4 flex gap-2 text-sm" aria-label={t("review.title")}>
          {page > 1 ? <Link href={`/review?tab=${tab}&page=${page - 1}`}>{t("common.prev")}</Link> : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? <Link href={`/review?tab=${tab}&page=${page + 1}`}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
