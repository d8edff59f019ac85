"use client";
import { useRouter } from "next/navigation";
import type { EnterpriseOption } from "@/components/registry/enterprise-combobox";
import { FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import type { Institution } from "@/db/schema";
import { createInstitution, updateInstitution } from "@/features/institutions/actions";
import { institutionRegistry } from "@/features/institutions/registry";
import { FormButtons, RecordVersion, RegistryFields } from "@/features/registry/form-fields";
import type { DictOptions } from "@/lib/registry/dictionaries";

/** Create and edit share this form; the server keeps what was typed when it refuses. */
export function InstitutionForm({
  institution,
  host,
  options,
}: {
  institution?: Institution;
  host?: EnterpriseOption | null;
  options: DictOptions;
}) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldErrors } = useFormAction(institution ? updateInstitution : createInstitution, {
    onSuccess: (d) => router.push(`/institutions/${d.id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <RecordVersion record={institution} />
      <RegistryFields
        definition={institutionRegistry}
        record={institution}
        errors={fieldErrors}
        dictionaries={options}
        refs={{ hostEnterpriseId: host }}
      />
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
      <FormButtons pending={pending} onCancel={() => router.back()} />
    </form>
  );
}
