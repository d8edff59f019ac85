"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { importAwardApplications } from "@/features/awards/actions";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/awards";

/** 申报导入: an xlsx of applications; all or nothing unless 仅导入有效行 is ticked. */
export function ImportForm({ batchId, version }: { batchId: number; version: number }) {
  const t = useT();
  const router = useRouter();
  const fileId = useId();
  const modeId = useId();
  const [key, setKey] = useState(0);
  const { state, pending, onSubmit } = useFormAction(importAwardApplications, {
    onSuccess: () => {
      setKey((k) => k + 1);
      router.refresh();
    },
  });
  return (
    <form key={key} onSubmit={onSubmit} className="flex flex-col gap-2 text-sm" data-testid="import-form">
      <p className="text-xs text-slate-500">{t("awards.import.hint")}</p>
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="text-xs font-medium text-slate-600">
            {t("awards.import.file")}
          </label>
          <Input id={fileId} name="file" type="file" accept=".xlsx" required className="h-auto py-1" />
        </div>
        <label htmlFor={modeId} className="flex items-center gap-2">
          <input id={modeId} type="checkbox" name="mode" value="validOnly" className="h-4 w-4" />
          {t("awards.import.validOnly")}
        </label>
        <Button type="submit" size="sm" disabled={pending}>
          {t("awards.import.submit")}
        </Button>
      </div>
      {state?.ok ? (
        <div role="status" className="text-green-800" data-testid="import-result">
          <p>{t("awards.import.done", { n: state.data.added })}</p>
          {state.data.refused.length > 0 ? (
            <>
              <p>{t("awards.import.skipped")}</p>
              <ul className="list-disc pl-5">
                {state.data.refused.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
