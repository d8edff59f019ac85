import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { awardsWaiting } from "@/features/awards/engine";
import { awardAlerts, yearCards } from "@/features/awards/queries";
import { formatWan } from "@/features/awards/rules";
import type { CurrentUser } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { todayIso } from "@/lib/time";

/** The board's 政策兑现 card: the latest years' approved/paid against budget, and what waits on this user. */
export async function AwardsBoardCard({ user }: { user: CurrentUser }) {
  const t = await getT();
  const cards = yearCards(user.scope).slice(0, 2);
  const waiting = awardsWaiting(getDb(), user);
  const alerts = awardAlerts(todayIso());
  if (cards.length === 0 && waiting.length === 0) return null;
  return (
    <Card data-testid="board-awards">
      <CardHeader>
        <CardTitle>
          <Link href="/awards" className="hover:underline">
            {t("awards.board")}
          </Link>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm md:grid-cols-2">
        <div className="flex flex-col gap-2">
          {cards.map((c) => {
            const budget = c.policies.reduce((s, p) => s + (p.budgetYuan ?? 0), 0);
            const approved = c.policies.reduce((s, p) => s + p.approvedYuan, 0);
            const paid = c.policies.reduce((s, p) => s + p.paidYuan, 0);
            return (
              <div key={c.year} data-testid={`board-awards-${c.year}`}>
                <p className="font-medium">{t("awards.yearCard", { year: c.year })}</p>
                <p className="tabular text-slate-700">
                  {t("awards.awarded")} {formatWan(approved)} · {t("awards.paid")} {formatWan(paid)}
                  {budget ? ` · ${t("awards.budget")} ${formatWan(budget)}` : ""}
                </p>
                {budget ? (
                  <div className="mt-1 h-2 w-full rounded bg-slate-100" aria-hidden>
                    <div
                      className="h-2 rounded bg-brand-600"
                      style={{ width: `${Math.min(100, (paid / budget) * 100)}%` }}
                    />
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        <div className="flex flex-col gap-1">
          <p className="font-medium">{t("awards.waiting")}</p>
          {waiting.length === 0 && alerts.publicityEnding.length === 0 && alerts.unpaid.length === 0 ? (
            <p className="text-slate-500">{t("awards.waitingNone")}</p>
          ) : null}
          <ul className="flex flex-col gap-1">
            {waiting.map((w) => (
              <li key={`w${w.batchId}`}>
                <Link href={`/awards/batches/${w.batchId}`} className="text-brand-700 hover:underline" translate="no">
                  {t("awards.batchTitle", { year: w.year, policy: w.policyName })}
                </Link>
                <span className="ml-2 text-xs text-slate-500">{t(`awards.state.${w.state}`)}</span>
              </li>
            ))}
            {alerts.publicityEnding.map((a) => (
              <li key={`p${a.batchId}`} className="text-amber-800">
                <Link href={`/awards/batches/${a.batchId}`} className="hover:underline" translate="no">
                  {t("awards.batchTitle", { year: a.year, policy: a.policyName })}
                </Link>
                {t("common.colon")}
                {t("awards.publicityEnding", { date: a.end })}
              </li>
            ))}
            {alerts.unpaid.map((a) => (
              <li key={`u${a.batchId}`} className="text-red-700">
                <Link href={`/awards/batches/${a.batchId}`} className="hover:underline" translate="no">
                  {t("awards.batchTitle", { year: a.year, policy: a.policyName })}
                </Link>
                {t("common.colon")}
                {t("awards.unpaid30", { n: a.n })}
              </li>
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
