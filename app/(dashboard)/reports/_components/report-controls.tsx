"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { closeQuarter, reopenQuarter, saveNarrative } from "@/features/reports/actions";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/kpi";
import "@/lib/i18n/page-sections/reports";

/**
 * 封账 with checks first: the dialog lists what is still empty or not entered, and closing then needs an explicit
 * "I know" naming those items (the server refuses a close whose request does not confirm every gap).
 */
export function CloseQuarterButton({
  quarter,
  message,
  gaps,
}: {
  quarter: string;
  message: string;
  /** code + the text shown for it. */
  gaps: { code: string; text: string }[];
}) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const ackId = useId();
  const [ack, setAck] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const close = () =>
    start(async () => {
      setError(null);
      const res = await closeQuarter({ quarter, confirmMissing: ack ? gaps.map((g) => g.code) : [] });
      if (!res.ok) setError(res.message);
      else {
        ref.current?.close();
        router.refresh();
      }
    });
  return (
    <span className="inline-flex flex-col items-start">
      <Button
        size="sm"
        disabled={pending}
        onClick={() => {
          setAck(false);
          setError(null);
          ref.current?.showModal();
        }}
      >
        {pending ? t("common.saving") : t("reports.close")}
      </Button>
      <dialog
        ref={ref}
        aria-label={t("reports.closeConfirmTitle")}
        className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex flex-col gap-3 p-5 text-sm">
          <h2 className="text-base font-semibold text-slate-900">{t("reports.closeConfirmTitle")}</h2>
          {gaps.length > 0 ? (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="close-gaps">
              <p className="font-medium">{t("reports.closeMissingTitle")}</p>
              <ul className="mt-1.5 list-disc pl-5">
                {gaps.map((g) => (
                  <li key={g.code}>{g.text}</li>
                ))}
              </ul>
              <label htmlFor={ackId} className="mt-3 flex items-start gap-2 font-medium">
                <input
                  id={ackId}
                  type="checkbox"
                  className="mt-0.5 h-4 w-4"
                  checked={ack}
                  onChange={(e) => setAck(e.target.checked)}
                />
                {t("reports.closeAcknowledge", { n: gaps.length })}
              </label>
            </div>
          ) : (
            <p className="text-green-800" data-testid="close-gaps-none">
              {t("reports.closeNothingMissing")}
            </p>
          )}
          <p className="text-slate-800">{message}</p>
          {error ? (
            <p role="alert" className="text-red-700">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="outline" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button onClick={close} disabled={pending || (gaps.length > 0 && !ack)}>
              {pending ? t("common.saving") : t("common.confirm")}
            </Button>
          </div>
        </div>
      </dialog>
    </span>
  );
}

/** 重新打开: admin gives a reason in a dialog; the server checks the role and logs the reason. */
export function ReopenButton({ quarter }: { quarter: string }) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const { state, pending, onSubmit, fieldErrors } = useFormAction(reopenQuarter, {
    onSuccess: (_d, form) => {
      form.reset();
      ref.current?.close();
      router.refresh();
    },
  });
  return (
    <>
      <Button variant="outline" onClick={() => ref.current?.showModal()}>
        {t("reports.reopen")}
      </Button>
      <dialog
        ref={ref}
        aria-label={t("reports.reopenTitle")}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={onSubmit} className="flex flex-col gap-3 p-5">
          <h2 className="text-base font-semibold text-slate-900">{t("reports.reopenTitle")}</h2>
          <p className="text-sm text-slate-600">{t("reports.reopenHint")}</p>
          <input type="hidden" name="quarter" value={quarter} />
          <FormField name="reason" label={t("reports.reason")} required errors={fieldErrors?.reason}>
            {(p) => <Textarea {...p} rows={3} maxLength={500} />}
          </FormField>
          {state && !state.ok && !state.fieldErrors ? (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="outline" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("common.saving") : t("reports.reopen")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** 工作总结 / 下季度计划, editable while the quarter is a draft. */
export function NarrativeForm({
  quarter,
  summaryText,
  planText,
  version,
}: {
  quarter: string;
  summaryText: string;
  planText: string;
  version: number;
}) {
  const t = useT();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { state, pending, onSubmit, fieldErrors } = useFormAction(saveNarrative, {
    successMessage: false, // confirmed inline next to the button
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} className="flex flex-col gap-3">
      <UnsavedGuard />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      <FormField name="summaryText" label={t("reports.summaryText")} errors={fieldErrors?.summaryText}>
        {(p) => <Textarea {...p} rows={5} maxLength={5000} defaultValue={summaryText} />}
      </FormField>
      <FormField name="planText" label={t("reports.planText")} errors={fieldErrors?.planText}>
        {(p) => <Textarea {...p} rows={4} maxLength={5000} defaultValue={planText} />}
      </FormField>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("reports.saveNarrative")}
        </Button>
        {saved && state?.ok ? (
          <span role="status" className="text-sm text-green-700">
            {t("reports.narrativeSaved")}
          </span>
        ) : null}
      </div>
      <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
    </form>
  );
}
