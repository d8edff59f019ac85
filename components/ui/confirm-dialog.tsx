"use client";
import { useRef } from "react";
import { useT } from "@/lib/i18n/client";
import { Button, type ButtonProps } from "./button";

/** A button that asks before doing anything irreversible-looking (native <dialog>, keyboard and screen-reader friendly). */
export function ConfirmButton({
  message,
  onConfirm,
  confirmLabel,
  children,
  pending,
  ...buttonProps
}: Omit<ButtonProps, "onClick"> & {
  message: string;
  onConfirm: () => void;
  confirmLabel?: string;
  pending?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button {...buttonProps} disabled={pending || buttonProps.disabled} onClick={() => ref.current?.showModal()}>
        {children}
      </Button>
      <dialog
        ref={ref}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
        aria-label={message}
      >
        <div className="p-5">
          <p className="text-sm text-slate-800">{message}</p>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="outline" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button
              variant={buttonProps.variant === "destructive" ? "destructive" : "default"}
              onClick={() => {
                ref.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel ?? t("common.confirm")}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
