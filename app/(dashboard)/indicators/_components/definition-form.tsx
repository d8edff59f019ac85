"use client";
import { useRouter } from "next/navigation";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { updateIndicatorDefinition } from "@/features/indicators/actions";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/kpi";

export function DefinitionForm({
  indicatorKey,
  version,
  definition,
  dataSource,
  releaseLag,
}: {
  indicatorKey: string;
  version: number;
  definition: string;
  dataSource: string;
  releaseLag: string;
}) {
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(updateIndicatorDefinition, {
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t("kpi.indicators.editDefinition")}>
      <UnsavedGuard />
      <input type="hidden" name="indicatorKey" value={indicatorKey} />
      <input type="hidden" name="version" value={version} />
      <FormField name="definition" label={t("kpi.indicators.definition")} required errors={fe?.definition}>
        {(p) => <Textarea {...p} rows={3} defaultValue={definition} maxLength={1000} />}
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField name="dataSource" label={t("kpi.indicators.dataSource")} errors={fe?.dataSource}>
          {(p) => <Input {...p} defaultValue={dataSource} maxLength={200} />}
        </FormField>
        <FormField name="releaseLag" label={t("kpi.indicators.releaseLag")} errors={fe?.releaseLag}>
          {(p) => <Input {...p} defaultValue={releaseLag} maxLength={100} />}
        </FormField>
      </div>
      <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
      <div>
        <Button type="submit" variant="outline" disabled={pending}>
          {t("kpi.indicators.editDefinition")}
        </Button>
      </div>
    </form>
  );
}
