"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { EnterpriseCombobox } from "@/components/registry/enterprise-combobox";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { addAwardApplication } from "@/features/awards/actions";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/awards";

/** 录入申报: the enterprise from the shared picker, the base (万元) or, for a range policy, the amount and score. */
export function ApplicationForm({ batchId, version, range }: { batchId: number; version: number; range: boolean }) {
  const t = useT();
  const router = useRouter();
  const [key, setKey] = useState(0);
  const { state, pending, onSubmit, fieldErrors } = useFormAction(addAwardApplication, {
    onSuccess: () => {
      setKey((k) => k + 1);
      router.refresh();
    },
  });
  return (
    <form key={key} onSubmit={onSubmit} className="grid gap-3 md:grid-cols-4" data-testid="application-form">
      <UnsavedGuard />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="version" value={version} />
      <FormField
        name="enterpriseId"
        label={t("awards.applicationEnterprise")}
        required
        errors={fieldErrors?.enterpriseId}
        className="md:col-span-2"
      >
        {(p) => (
          <EnterpriseCombobox id={p.id} name={p.name} invalid={p["aria-invalid"]} describedBy={p["aria-describedby"]} />
        )}
      </FormField>
      {range ? (
        <>
          <FormField
            name="amountWan"
            label={t("awards.amountWan")}
            required
            errors={fieldErrors?.amountWan}
            hint={t("awards.amountHint")}
          >
            {(p) => <Input {...p} inputMode="decimal" />}
          </FormField>
          <FormField name="reviewScore" label={t("awards.reviewScore")} errors={fieldErrors?.reviewScore}>
            {(p) => <Input {...p} inputMode="decimal" />}
          </FormField>
        </>
      ) : (
        <FormField
          name="baseWan"
          label={t("awards.baseWan")}
          required
          errors={fieldErrors?.baseWan}
          className="md:col-span-2"
        >
          {(p) => <Input {...p} inputMode="decimal" />}
        </FormField>
      )}
      <FormField
        name="documents"
        label={t("awards.documentsReceived")}
        errors={fieldErrors?.documents}
        hint={t("awards.documentsHint")}
        className="md:col-span-4"
      >
        {(p) => <Input {...p} maxLength={1000} />}
      </FormField>
      <div className="flex items-center gap-3 md:col-span-4">
        <Button type="submit" size="sm" disabled={pending}>
          {t("awards.add")}
        </Button>
        {state?.ok ? <span className="text-sm text-green-700">{t("awards.saved")}</span> : null}
      </div>
      <div className="md:col-span-4">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
