"use client";
import { Eye, ShieldCheck } from "lucide-react";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { revealTalent } from "../_lib/actions";

/**
 * The talent's phone and ID number, masked. A user holding personal.reveal may ask the server for this one
 * record's full values (logged as talent.reveal); they live only in this component's state, never in the page.
 */
export function PersonalData({
  talentId,
  name,
  phoneMasked,
  idNumberMasked,
  canReveal,
}: {
  talentId: number;
  name: string;
  phoneMasked: string;
  idNumberMasked: string;
  canReveal: boolean;
}) {
  const t = useT();
  const [pending, start] = useTransition();
  const [full, setFull] = useState<{ phone: string | null; idNumber: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const phone = full ? full.phone : phoneMasked;
  const idNumber = full ? full.idNumber : idNumberMasked;
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="personal-data">
        <div className="min-w-0">
          <dt className="text-xs text-slate-500">{t("talents.fields.phone")}</dt>
          <dd className="mt-0.5 font-mono text-sm text-slate-900" data-testid="talent-phone">
            {phone || "—"}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-slate-500">{t("talents.fields.idNumber")}</dt>
          <dd className="mt-0.5 font-mono text-sm break-all text-slate-900" data-testid="talent-id-number">
            {idNumber || "—"}
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        {full ? (
          <p className="inline-flex items-center gap-1 text-xs text-amber-800" role="status">
            <Eye className="h-3.5 w-3.5" aria-hidden />
            {t("talents.personal.revealed")}
          </p>
        ) : (
          <p className="inline-flex items-center gap-1 text-xs text-slate-500">
            <ShieldCheck className="h-3.5 w-3.5" aria-hidden />
            {t("talents.personal.maskedNote")}
          </p>
        )}
        {canReveal && !full ? (
          <ConfirmButton
            variant="outline"
            size="sm"
            pending={pending}
            message={t("talents.personal.revealConfirm", { name })}
            confirmLabel={t("talents.personal.reveal")}
            onConfirm={() =>
              start(async () => {
                const res = await revealTalent({ id: talentId });
                if (res.ok) {
                  setError(null);
                  setFull({ phone: res.data.phone, idNumber: res.data.idNumber });
                } else setError(res.message);
              })
            }
          >
            <Eye className="h-4 w-4" aria-hidden />
            {pending ? t("talents.personal.revealing") : t("talents.personal.reveal")}
          </ConfirmButton>
        ) : null}
        {error ? (
          <span role="alert" className="text-xs text-red-700">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
}
