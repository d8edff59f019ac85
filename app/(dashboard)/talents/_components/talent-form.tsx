"use client";
import { useRouter } from "next/navigation";
import { FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { FormButtons, RecordVersion, RegistryFields } from "@/features/registry/form-fields";
import { createTalent, updateTalent } from "@/features/talents/actions";
import type { MaskedTalent } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import type { DictOptions } from "@/lib/registry/dictionaries";

/**
 * Create and edit share this form; the server keeps what was typed when it refuses. On edit the stored phone /
 * ID number are never sent here: the masked value is the placeholder and an empty field keeps the stored one.
 */
export function TalentForm({
  talent,
  employerEnterpriseName,
  options,
}: {
  talent?: MaskedTalent;
  employerEnterpriseName?: string | null;
  options: DictOptions;
}) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldErrors } = useFormAction(talent ? updateTalent : createTalent, {
    onSuccess: (d) => router.push(`/talents/${d.id}`),
  });
  const employerId = talent?.employerEnterpriseId;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <RecordVersion record={talent} />
      <RegistryFields
        definition={talentRegistry}
        record={talent}
        errors={fieldErrors}
        dictionaries={options}
        refs={{ employerEnterpriseId: employerId ? { id: employerId, name: employerEnterpriseName ?? "" } : null }}
      />
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
      <FormButtons pending={pending} onCancel={() => router.back()} />
    </form>
  );
}
