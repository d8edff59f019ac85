"use client";
import { Eye, ShieldCheck } from "lucide-react";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/action";

/**
 * The audited one-record reveal of personal data, shared by every registry that keeps some: the masked note or
 * the "revealed and logged" note, the confirm-then-reveal button for roles that may reveal, and the error. The
 * full values come back from the server action and live only in the caller's state, never in the page.
 */
export function usePersonalReveal<D>(reveal: () => Promise<ActionResult<D>>) {
  const [pending, start] = useTransition();
  const [full, setFull] = useState<D | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    start(async () => {
      const res = await reveal();
      if (res.ok) {
        setError(null);
        setFull(res.data);
      } else setError(res.message);
    });
  return { full, pending, error, run };
}

export function PersonalRevealControls({
  revealed,
  canReveal,
  pending,
  error,
  onReveal,
  text,
}: {
  revealed: boolean;
  canReveal: boolean;
  pending: boolean;
  error: string | null;
  onReveal: () => void;
  text: { maskedNote: string; revealed: string; confirm: string; reveal: string; revealing: string };
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {revealed ? (
        <span className="inline-flex items-center gap-1 text-xs text-amber-800" role="status">
          <Eye className="h-3.5 w-3.5" aria-hidden />
          {text.revealed}
        </span>
      ) : (
        <span className="inline-flex items-center gap-1 text-xs text-slate-500">
          <ShieldCheck className="h-3.5 w-3.5" aria-hidden />
          {text.maskedNote}
        </span>
      )}
      {canReveal && !revealed ? (
        <ConfirmButton
          variant="outline"
          size="sm"
          pending={pending}
          message={text.confirm}
          confirmLabel={text.reveal}
          onConfirm={onReveal}
        >
          <Eye className="h-4 w-4" aria-hidden />
          {pending ? text.revealing : text.reveal}
        </ConfirmButton>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
