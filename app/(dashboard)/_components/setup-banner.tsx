import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import type { SetupStatus } from "@/features/setup/status";
import type { T } from "@/lib/i18n/core";

/**
 * The setup's progress on the board, in place of the alerts, until a real installation's setup is done: what a
 * leader (or a 镇街/园区 user) needs to know about the empty figures below.
 */
export function SetupBanner({ status, t, canOpen }: { status: SetupStatus; t: T; canOpen: boolean }) {
  return (
    <section
      role="status"
      className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-700"
      data-testid="setup-banner"
      aria-labelledby="setup-banner-title"
    >
      <p id="setup-banner-title" className="font-semibold text-slate-900">
        {t("kpi.setupBanner.title", { done: status.doneCount, total: status.steps.length })}
      </p>
      <p className="mt-1 text-slate-600">{t("kpi.setupBanner.hint")}</p>
      <ol className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
        {status.steps.map((s, i) => (
          <li key={s.key} className="flex items-center gap-1.5" data-done={s.done}>
            {s.done ? (
              <CheckCircle2 className="h-4 w-4 text-green-700" aria-hidden />
            ) : (
              <Circle className="h-4 w-4 text-slate-400" aria-hidden />
            )}
            <span>
              {i + 1}. {t(`setup.steps.${s.key}.title`)}
              <span className="sr-only">
                {t("common.paren", { text: s.done ? t("setup.state.done") : t("setup.state.todo") })}
              </span>
            </span>
          </li>
        ))}
      </ol>
      {canOpen ? (
        <p className="mt-2">
          <Link href="/setup" className="text-brand-700 hover:underline">
            {t("kpi.setupBanner.open")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
