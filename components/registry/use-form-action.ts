"use client";
import { useCallback, useRef, useState, useTransition } from "react";
import { useDailyUse } from "@/components/daily/daily-use";
import { markSaved } from "@/components/daily/unsaved-guard";
import type { ActionResult, ServerAction } from "@/lib/action";
import { useT } from "@/lib/i18n/client";

/** A refusal as the form shows it; `retry` is offered when the request never reached the server. */
export type FormState<D> = (ActionResult<D> & { retry?: undefined }) | NetworkFailure;
type NetworkFailure = { ok: false; code: "network"; message: string; retry: () => void; fieldErrors?: undefined };

/**
 * Submits a form to a server action without React's automatic form reset, so a refused submission
 * keeps everything the user typed; `onSuccess` decides what happens next (reset, redirect, refresh).
 * Daily use, for every form built on it:
 * - an ended session (`code: "unauthenticated"`) opens the sign-in dialog in place, then the same values are
 *   submitted again;
 * - a network failure keeps the form as typed and offers 重试 (the same values again);
 * - a success shows the toast (`successMessage`, default 已保存) and ends the unsaved-changes guard.
 */
export function useFormAction<D>(
  action: ServerAction<D>,
  opts: { onSuccess?: (data: D, form: HTMLFormElement) => void; successMessage?: string | false } = {},
) {
  const t = useT();
  const daily = useDailyUse();
  const [state, setState] = useState<FormState<D> | null>(null);
  const [pending, start] = useTransition();
  const { onSuccess, successMessage } = opts;
  const submitRef = useRef<(form: HTMLFormElement, fd: FormData) => void>(() => {});
  submitRef.current = (form, fd) => {
    start(async () => {
      let res: ActionResult<D>;
      try {
        res = await action(null, fd);
      } catch {
        setState({
          ok: false,
          code: "network",
          message: t("daily.network"),
          retry: () => submitRef.current(form, fd),
        });
        return;
      }
      if (!res.ok && res.code === "unauthenticated" && (await daily.reauth())) {
        try {
          res = await action(null, fd);
        } catch {
          setState({
            ok: false,
            code: "network",
            message: t("daily.network"),
            retry: () => submitRef.current(form, fd),
          });
          return;
        }
      }
      daily.noteActivity();
      setState(res);
      if (res.ok) {
        markSaved(form);
        if (successMessage !== false) daily.toast(res.message ?? successMessage ?? t("daily.saved"));
        onSuccess?.(res.data, form);
      }
    });
  };
  const onSubmit = useCallback((e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    submitRef.current(form, new FormData(form));
  }, []);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, onSubmit, fieldErrors };
}
