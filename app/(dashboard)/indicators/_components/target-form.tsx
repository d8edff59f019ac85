"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { saveTarget } from "@/features/indicators/actions";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/kpi";

/** `versions`: each year's target version as loaded (a year without a target is 0), for the stale-write check. */
export function TargetForm({
  indicatorKey,
  defaultYear,
  versions,
}: {
  indicatorKey: string;
  defaultYear: number;
  versions: Record<number, number>;
}) {
  const [year, setYear] = useState(String(defaultYear));
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(saveTarget, { onSuccess: () => router.refresh() });
  return (
    <form
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-4 sm:items-start"
      aria-label={t("kpi.indicators.saveTarget")}
    >
      <UnsavedGuard />
      <input type="hidden" name="indicatorKey" value={indicatorKey} />
      <input type="hidden" name="version" value={versions[Number(year)] ?? 0} />
      <FormField name="year" label={t("kpi.indicators.year")} required errors={fe?.year}>
        {(p) => <Input {...p} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
      </FormField>
      <FormField name="targetRank" label={t("kpi.indicators.targetRank")} errors={fe?.targetRank}>
        {(p) => <Input {...p} inputMode="numeric" defaultValue={1} />}
      </FormField>
      <FormField name="targetValue" label={t("kpi.indicators.targetValue")} errors={fe?.targetValue}>
        {(p) => <Input {...p} inputMode="decimal" />}
      </FormField>
      <Button type="submit" className="sm:mt-6" disabled={pending}>
        {t("kpi.indicators.saveTarget")}
      </Button>
      <div className="sm:col-span-4" aria-live="polite">
        <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
      </div>
    </form>
  );
}
