import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { SetupStatus, StepKey } from "@/features/setup/status";
import type { CurrentUser } from "@/lib/dal";
import type { T } from "@/lib/i18n/core";
import { formatNumber } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";

const link = "text-brand-700 hover:underline";

/** 开始使用: the five steps in order, each with its state (from the data), its progress and where it is done. */
export function SetupChecklist({
  status,
  user,
  t,
  locale,
}: {
  status: SetupStatus;
  user: CurrentUser;
  t: T;
  locale: "zh-CN" | "en";
}) {
  const isAdmin = can(user.role, "user.manage");
  const { accounts: a, indicators: ind, values: v, quarter: q } = status;
  const body: Record<StepKey, React.ReactNode> = {
    accounts: (
      <>
        <p data-testid="setup-accounts-counts">
          {t("setup.accounts.counts", { admin: a.admin, staff: a.staff, leader: a.leader, scoped: a.scoped })}
        </p>
        <p className="text-slate-600">{t("setup.accounts.units", a.units)}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          {isAdmin ? (
            <>
              <Link href="/admin/users#bulk-import" className={link}>
                {t("setup.accounts.bulk")}
              </Link>
              <Link href="/admin/users" className={link}>
                {t("setup.accounts.manage")}
              </Link>
              <Link href="/admin/dictionaries" className={link}>
                {t("setup.accounts.dictionaries")}
              </Link>
            </>
          ) : (
            <span className="text-slate-600">{t("setup.accounts.adminOnly")}</span>
          )}
        </p>
      </>
    ),
    registries: (
      <div className="overflow-auto rounded-md border border-slate-200">
        <Table data-testid="setup-registries">
          <thead>
            <tr>
              <Th>{t("setup.registries.registry")}</Th>
              <Th className="text-right">{t("setup.registries.live")}</Th>
              <Th className="text-right">{t("setup.registries.imported")}</Th>
              <Th className="text-right">{t("setup.registries.problems")}</Th>
              <Th>{t("setup.registries.links")}</Th>
            </tr>
          </thead>
          <tbody>
            {status.registries.map((r) => (
              <tr key={r.key} data-testid={`setup-registry-${r.key}`}>
                <Td>
                  {t(`import.registries.${r.key}`)}
                  {/* Once one registry is in, the others may follow in daily work. */}
                  {r.live === 0 && status.registries.some((x) => x.live > 0) ? (
                    <Badge className="ml-2 text-xs">{t("setup.registries.optional")}</Badge>
                  ) : null}
                </Td>
                <Td className="text-right tabular" data-testid="live">
                  {formatNumber(r.live)}
                </Td>
                <Td className="text-right tabular" data-testid="imported">
                  {formatNumber(r.imported)}
                </Td>
                <Td className={`text-right tabular ${r.problems ? "text-red-700" : ""}`} data-testid="problems">
                  {formatNumber(r.problems)}
                </Td>
                <Td className="whitespace-nowrap">
                  <Link href="/import" className={link}>
                    {t("setup.registries.import")}
                  </Link>
                  <a href={`/import/template/${r.key}`} className={`ml-3 ${link}`} download>
                    {t("setup.registries.template")}
                  </a>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    ),
    indicators: (
      <>
        <p data-testid="setup-targets-current">
          {t("setup.indicators.targets", { year: ind.currentYear, n: ind.targetsCurrent, total: ind.total })}
        </p>
        <p data-testid="setup-targets-next">
          {t("setup.indicators.targets", { year: ind.nextYear, n: ind.targetsNext, total: ind.total })}
        </p>
        <p className="text-slate-600">{t("setup.indicators.reviewed", { n: ind.reviewed, total: ind.total })}</p>
        <p>
          <Link href="/indicators" className={link}>
            {t("setup.indicators.open")}
          </Link>
        </p>
      </>
    ),
    values: (
      <>
        <p data-testid="setup-values-entered">{t("setup.values.entered", { n: v.entered, total: v.total })}</p>
        {v.firstEntered ? (
          <p className="text-slate-600">
            {t("setup.values.example", { name: (locale === "en" && v.firstEntered.nameEn) || v.firstEntered.name })}
          </p>
        ) : null}
        <p className="text-slate-600" data-testid="setup-values-history">
          {t("setup.values.history", { n: v.withHistory, m: v.from2016 })}
        </p>
        <p className="text-slate-600">{t("setup.values.upload")}</p>
        <p>
          <Link href="/indicators" className={link}>
            {t("setup.values.open")}
          </Link>
        </p>
      </>
    ),
    quarter: (
      <>
        <p data-testid="setup-quarter-closed">{t("setup.quarter.closed", { n: q.closed })}</p>
        <p>
          <Link href={`/reports/${q.lastComplete}`} className={link}>
            {t("setup.quarter.open", { quarter: formatPeriod(q.lastComplete, locale) })}
          </Link>
        </p>
      </>
    ),
  };
  const hints: Record<StepKey, Record<string, string | number>> = {
    accounts: {},
    registries: {},
    indicators: { year: ind.currentYear, next: ind.nextYear },
    values: { quarter: formatPeriod(v.lastQuarter, locale), year: v.lastYear },
    quarter: { quarter: formatPeriod(q.lastComplete, locale) },
  };
  return (
    <ol className="flex flex-col gap-3" data-testid="setup-steps">
      {status.steps.map((s, i) => (
        <li
          key={s.key}
          data-testid={`setup-step-${s.key}`}
          data-done={s.done}
          className={`rounded-lg border border-l-4 bg-white p-4 shadow-xs ${s.done ? "border-slate-200 border-l-green-600" : "border-slate-200 border-l-amber-500"}`}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
              {s.done ? (
                <CheckCircle2 className="h-5 w-5 shrink-0 text-green-700" aria-hidden />
              ) : (
                <Circle className="h-5 w-5 shrink-0 text-amber-600" aria-hidden />
              )}
              <span className="text-slate-500">{t("setup.stepN", { n: i + 1 })}</span>
              {t(`setup.steps.${s.key}.title`)}
            </h2>
            <Badge tone={s.done ? "ok" : "warn"} data-testid="setup-step-state">
              {s.done ? t("setup.state.done") : t("setup.state.todo")}
            </Badge>
          </div>
          <p className="mt-1 text-sm text-slate-600">{t(`setup.steps.${s.key}.hint`, hints[s.key])}</p>
          <div className="mt-3 flex flex-col gap-1.5 text-sm">{body[s.key]}</div>
        </li>
      ))}
    </ol>
  );
}
