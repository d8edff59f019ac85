import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import type { Card as BoardCard } from "@/features/kpi/board";
import { getBreakdown } from "@/features/kpi/breakdown";
import { localiser } from "@/features/kpi/localise";
import { countItems, isReviewer } from "@/features/review/queries";
import type { CurrentUser } from "@/lib/dal";
import type { Locale, T } from "@/lib/i18n/core";
import { formatPeriod } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";

const fmt = (n: number) => n.toLocaleString("zh-CN");

/**
 * The home page's own part for a user of a 镇街/园区 (their unit's figures and share of the district, from the
 * board's breakdown — approved records only, like the board — and what of theirs waits for review) or for a
 * reviewer (the queue's size). Nothing for anyone else.
 */
export function UnitHome({
  user,
  cards,
  period,
  t,
  locale,
}: {
  user: CurrentUser;
  cards: BoardCard[];
  period: string;
  t: T;
  locale: Locale;
}) {
  const db = getDb();
  const L = localiser(locale);
  if (user.scope.kind === "all") {
    if (!isReviewer(user, can(user.role, "registry.review"))) return null;
    const n = countItems(db, "pending", user.id);
    if (n === 0) return null;
    return (
      <Link
        href="/review"
        data-testid="review-queue-link"
        className="self-start rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900 hover:bg-amber-100"
      >
        {t("review.home.queue", { n: fmt(n) })}
      </Link>
    );
  }
  const scope = user.scope;
  const unit =
    scope.kind === "unit"
      ? L.label(
          (db.$client.prepare("SELECT label FROM dictionary_items WHERE id = ?").pluck().get(scope.unitId) as
            | string
            | undefined) ?? "",
        )
      : user.displayName;
  const rows =
    scope.kind === "unit"
      ? cards.flatMap((c) => {
          const b = getBreakdown(c.indicator, period, scope.unit);
          if (!b) return [];
          const mine = b.rows.find((r) => r.key === scope.unitId);
          return [
            {
              key: c.indicator.key,
              name: c.indicator.name,
              unit: c.indicator.unit,
              mine: mine?.current ?? 0,
              change: mine ? mine.change : 0,
              total: b.total,
              share: b.total > 0 ? ((mine?.current ?? 0) / b.total) * 100 : null,
              href: mine?.href ?? null,
            },
          ];
        })
      : [];
  const pendingMine = db.$client
    .prepare("SELECT count(*) FROM review_items WHERE submitted_by = ? AND state = 'pending'")
    .pluck()
    .get(user.id) as number;
  const returnedMine = db.$client
    .prepare("SELECT count(*) FROM review_items WHERE submitted_by = ? AND state = 'returned'")
    .pluck()
    .get(user.id) as number;
  return (
    <Card data-testid="unit-home">
      <CardHeader>
        <CardTitle>{t("review.home.title", { unit })}</CardTitle>
        <p className="text-sm text-slate-600">{t("review.home.hint", { period: formatPeriod(period, locale) })}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href="/review" className="rounded-md bg-amber-50 px-3 py-1.5 text-amber-900 hover:underline">
            {t("review.home.pendingMine", { n: fmt(pendingMine) })}
          </Link>
          <Link
            href="/review"
            className={`rounded-md px-3 py-1.5 hover:underline ${returnedMine ? "bg-red-50 text-red-900" : "bg-slate-50 text-slate-700"}`}
          >
            {t("review.home.returnedMine", { n: fmt(returnedMine) })}
          </Link>
        </div>
        {rows.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm" data-testid="unit-figures">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                  <th className="py-1.5 pr-3 font-medium">{t("review.home.indicator")}</th>
                  <th className="py-1.5 pr-3 text-right font-medium">{t("review.home.unit")}</th>
                  <th className="py-1.5 pr-3 text-right font-medium">{t("review.home.change")}</th>
                  <th className="py-1.5 pr-3 text-right font-medium">{t("review.home.district")}</th>
                  <th className="w-48 py-1.5 font-medium">{t("review.home.share")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} className="border-b border-slate-100">
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                      {r.name}
                    </th>
                    <td className="py-1.5 pr-3 text-right font-semibold tabular">
                      {r.href ? (
                        <Link
                          href={r.href}
                          className="text-brand-700 hover:underline"
                          data-testid={`unit-value-${r.key}`}
                        >
                          {fmt(r.mine)}
                        </Link>
                      ) : (
                        <span data-testid={`unit-value-${r.key}`}>{fmt(r.mine)}</span>
                      )}{" "}
                      <span className="text-xs font-normal text-slate-600">{r.unit}</span>
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular text-slate-700">
                      {r.change > 0 ? `+${fmt(r.change)}` : fmt(r.change)}
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular text-slate-700">{fmt(r.total)}</td>
                    <td className="py-1.5">
                      <div className="flex items-center gap-2">
                        <div className="h-2 flex-1 rounded bg-slate-100" aria-hidden>
                          <div
                            className="h-2 rounded bg-brand-600"
                            style={{ width: `${Math.min(100, r.share ?? 0)}%` }}
                          />
                        </div>
                        <span className="w-14 text-right tabular text-slate-800">
                          {r.share == null ? "—" : `${r.share.toFixed(1)}%`}
                        </span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
