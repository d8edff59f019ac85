"use client";
import { useRouter } from "next/navigation";
import { FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import type { Incubator } from "@/db/schema";
import { createIncubator, updateIncubator } from "@/features/incubators/actions";
import { incubatorRegistry } from "@/features/incubators/registry";
import { FormButtons, RecordVersion, RegistryFields } from "@/features/registry/form-fields";
import type { DictOptions } from "@/lib/registry/dictionaries";

/** Create and edit share this form; the server keeps what was typed when it refuses. */
export function IncubatorForm({
  incubator,
  options,
  defaults,
}: {
  incubator?: Incubator;
  options: DictOptions;
  /** A new record's preselected values (a scoped user's own 镇街). */
  defaults?: Record<string, number>;
}) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldErrors } = useFormAction(incubator ? updateIncubator : createIncubator, {
    onSuccess: (d) => router.push(`/incubators/${d.id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <RecordVersion record={incubator} />
      <RegistryFields
        definition={incubatorRegistry}
        record={incubator ?? defaults}
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
