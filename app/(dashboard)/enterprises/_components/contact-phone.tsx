"use client";
import { PersonalRevealControls, usePersonalReveal } from "@/components/registry/personal-reveal";
import { revealEnterprise } from "@/features/enterprises/actions";
import { useT } from "@/lib/i18n/client";

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
  const { full, pending, error, run } = usePersonalReveal(() => revealEnterprise({ id: enterpriseId }));
  const phone = full ? full.contactPhone : phoneMasked;
  return (
    <div className="flex flex-col gap-1">
      <span className="font-mono" data-testid="enterprise-phone">
        {phone || "—"}
      </span>
      {phoneMasked ? (
        <PersonalRevealControls
          revealed={!!full}
          canReveal={canReveal}
          pending={pending}
          error={error}
          onReveal={run}
          text={{
            maskedNote: t("enterprises.phone.maskedNote"),
            revealed: t("enterprises.phone.revealed"),
            confirm: t("enterprises.phone.revealConfirm", { name }),
            reveal: t("enterprises.phone.reveal"),
            revealing: t("enterprises.phone.revealing"),
          }}
        />
      ) : null}
    </div>
  );
}
