"use client";
import { PersonalRevealControls, usePersonalReveal } from "@/components/registry/personal-reveal";
import { revealTalent } from "@/features/talents/actions";
import { useT } from "@/lib/i18n/client";

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
  const { full, pending, error, run } = usePersonalReveal(() => revealTalent({ id: talentId }));
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
      <PersonalRevealControls
        revealed={!!full}
        canReveal={canReveal}
        pending={pending}
        error={error}
        onReveal={run}
        text={{
          maskedNote: t("talents.personal.maskedNote"),
          revealed: t("talents.personal.revealed"),
          confirm: t("talents.personal.revealConfirm", { name }),
          reveal: t("talents.personal.reveal"),
          revealing: t("talents.personal.revealing"),
        }}
      />
    </div>
  );
}
