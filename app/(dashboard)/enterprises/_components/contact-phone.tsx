"use client";
import { Eye, ShieldCheck } from "lucide-react";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { revealEnterprise } from "../_lib/actions";

/**
 * The enterprise's contact phone, masked. A user holding personal.reveal may ask the server for this one
 * record's full number (logged as enterprise.reveal); it lives only in this component's state, never in the page.
 */
export function ContactPhone({
  enterpriseId,
  name,
  phoneMasked,
  canReveal,
}: {
  enterpriseId: number;
  name: string;
  phoneMasked: string;
  canReveal: boolean;
}) {
  const t = useT();
  const [pending, start] = useTransition();
  const [full, setFull] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const revealed = full !== undefined;
  const phone = revealed ? full : phoneMasked;
  return (
    <div className="flex flex-col gap-1">
      <span className="font-mono" data-testid="enterprise-phone">
        {phone || "—"}
      </span>
      {phoneMasked ? (
        <div className="flex flex-wrap items-center gap-2">
          {revealed ? (
            <span className="inline-flex items-center gap-1 text-xs text-amber-800" role="status">
              <Eye className="h-3.5 w-3.5" aria-hidden />
              {t("enterprises.phone.revealed")}
            </span>
          ) : (
            <span className="inline-flex items-center gap-1 text-xs text-slate-500">
              <ShieldCheck className="h-3.5 w-3.5" aria-hidden />
              {t("enterprises.phone.maskedNote")}
            </span>
          )}
          {canReveal && !revealed ? (
            <ConfirmButton
              variant="outline"
              size="sm"
              pending={pending}
              message={t("enterprises.phone.revealConfirm", { name })}
              confirmLabel={t("enterprises.phone.reveal")}
              onConfirm={() =>
                start(async () => {
                  const res = await revealEnterprise({ id: enterpriseId });
                  if (res.ok) {
                    setError(null);
                    setFull(res.data.contactPhone);
                  } else setError(res.message);
                })
              }
            >
              <Eye className="h-4 w-4" aria-hidden />
              {pending ? t("enterprises.phone.revealing") : t("enterprises.phone.reveal")}
            </ConfirmButton>
          ) : null}
          {error ? (
            <span role="alert" className="text-xs text-red-700">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
