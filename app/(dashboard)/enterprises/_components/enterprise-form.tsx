"use client";
import { useRouter } from "next/navigation";
import { FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import type { Enterprise } from "@/db/schema";
import { createEnterprise, updateEnterprise } from "@/features/enterprises/actions";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { FormButtons, RecordVersion, RegistryFields } from "@/features/registry/form-fields";
import type { DictOptions } from "@/lib/registry/dictionaries";

/** What the edit form receives: never the stored contact phone, only its masked form ("" when none). */
export type EditableEnterprise = Omit<Enterprise, "contactPhone"> & { contactPhoneMasked: string };

/** Create and edit share this form; the server keeps what was typed when it refuses. */
export function EnterpriseForm({
  enterprise,
  options,
  defaults,
}: {
  enterprise?: EditableEnterprise;
  options: DictOptions;
  /** A new record's preselected values (a scoped user's own 镇街 or 园区). */
  defaults?: Record<string, number>;
}) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldErrors } = useFormAction(enterprise ? updateEnterprise : createEnterprise, {
    onSuccess: (d) => router.push(`/enterprises/${d.id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <RecordVersion record={enterprise} />
      <RegistryFields
        definition={enterpriseRegistry}
        record={enterprise ?? defaults}
        errors={fieldErrors}
        dictionaries={options}
      />
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
      <FormButtons pending={pending} onCancel={() => router.back()} />
    </form>
  );
}
