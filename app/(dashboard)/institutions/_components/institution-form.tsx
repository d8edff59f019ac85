"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DictionaryOptions } from "@/components/registry/dictionary-options";
import { EnterpriseCombobox, type EnterpriseOption } from "@/components/registry/enterprise-combobox";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { LEVELS, RECORD_STATUSES } from "@/db/enums";
import type { Institution } from "@/db/schema";
import { createInstitution, updateInstitution } from "@/features/institutions/actions";
import { useT } from "@/lib/i18n/client";
import type { DictOption } from "@/lib/registry/dictionaries";
import { todayIso } from "@/lib/time";

/** Create and edit share this form; the server keeps what was typed when it refuses. */
export function InstitutionForm({
  institution,
  host,
  types,
}: {
  institution?: Institution;
  host?: EnterpriseOption | null;
  types: DictOption[];
}) {
  const t = useT();
  const router = useRouter();
  // The chosen host enterprise lives outside the keyed inputs, so a refused submit keeps it too.
  const [hostChoice, setHostChoice] = useState<EnterpriseOption | null>(host ?? null);
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(institution ? updateInstitution : createInstitution, {
    onSuccess: (d) => router.push(`/institutions/${d.id}`),
  });
  const v = (name: keyof Institution, fallback = "") =>
    institution?.[name] == null ? fallback : String(institution[name]);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {institution ? (
        <>
          <input type="hidden" name="id" value={institution.id} />
          <input type="hidden" name="version" value={institution.version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          name="name"
          label={t("institutions.fields.name")}
          required
          errors={fe?.name}
          className="md:col-span-2"
        >
          {(p) => <Input {...p} defaultValue={v("name")} maxLength={200} />}
        </FormField>
        <FormField name="typeId" label={t("institutions.fields.type")} required errors={fe?.typeId}>
          {(p) => (
            <Select {...p} defaultValue={v("typeId")}>
              <option value="">—</option>
              <DictionaryOptions options={types} current={institution?.typeId} />
            </Select>
          )}
        </FormField>
        <FormField name="level" label={t("institutions.fields.level")} required errors={fe?.level}>
          {(p) => (
            <Select {...p} defaultValue={v("level")}>
              <option value="">—</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`registry.levels.${l}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <p className="text-xs text-slate-500 md:col-span-2">{t("institutions.hostHint")}</p>
        <FormField
          name="hostEnterpriseId"
          label={t("institutions.fields.hostEnterprise")}
          errors={fe?.hostEnterpriseId}
        >
          {(p) => (
            <EnterpriseCombobox
              id={p.id}
              name={p.name}
              value={hostChoice}
              onChange={setHostChoice}
              invalid={p["aria-invalid"]}
              describedBy={p["aria-describedby"]}
            />
          )}
        </FormField>
        <FormField
          name="hostOrganisation"
          label={t("institutions.fields.hostOrganisation")}
          errors={fe?.hostOrganisation}
        >
          {(p) => <Input {...p} defaultValue={v("hostOrganisation")} maxLength={200} />}
        </FormField>
        <FormField
          name="recognisedDate"
          label={t("institutions.fields.recognisedDate")}
          required
          errors={fe?.recognisedDate}
        >
          {(p) => <Input {...p} type="date" max={todayIso()} defaultValue={v("recognisedDate")} />}
        </FormField>
        <FormField name="field" label={t("institutions.fields.field")} errors={fe?.field}>
          {(p) => <Input {...p} defaultValue={v("field")} maxLength={200} />}
        </FormField>
        <FormField name="staffCount" label={t("institutions.fields.staffCount")} errors={fe?.staffCount}>
          {(p) => <Input {...p} inputMode="numeric" defaultValue={v("staffCount")} />}
        </FormField>
        <FormField name="status" label={t("institutions.fields.status")} required errors={fe?.status}>
          {(p) => (
            <Select {...p} defaultValue={v("status", "active")}>
              {RECORD_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`registry.recordStatus.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
        <Button variant="outline" onClick={() => router.back()}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
