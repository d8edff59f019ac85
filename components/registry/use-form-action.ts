"use client";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult, ServerAction } from "@/lib/action";

/**
 * Submits a form to a server action without React's automatic form reset, so a refused submission
 * keeps everything the user typed; `onSuccess` decides what happens next (reset, redirect, refresh).
 */
export function useFormAction<D>(
  action: ServerAction<D>,
  opts: { onSuccess?: (data: D, form: HTMLFormElement) => void } = {},
) {
  const [state, setState] = useState<ActionResult<D> | null>(null);
  const [pending, start] = useTransition();
  const { onSuccess } = opts;
  const onSubmit = useCallback(
    (e: React.FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const fd = new FormData(form);
      start(async () => {
        const res = await action(null, fd);
        setState(res);
        if (res.ok) onSuccess?.(res.data, form);
      });
    },
    [action, onSuccess],
  );
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, onSubmit, fieldErrors };
}
