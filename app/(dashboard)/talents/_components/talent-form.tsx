"use client";
import { useRouter } from "next/navigation";
import { DictionaryOptions } from "@/components/registry/dictionary-options";
import { EnterpriseCombobox } from "@/components/registry/enterprise-combobox";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { TALENT_KINDS } from "@/db/enums";
import { createTalent, updateTalent } from "@/features/talents/actions";
import type { MaskedTalent } from "@/features/talents/queries";
import { useT } from "@/lib/i18n/client";
import type { DictOption } from "@/lib/registry/dictionaries";

/**
 * Create and edit share this form; the server keeps what was typed when it refuses. On edit the stored phone /
 * ID number are never sent here: the masked value is the placeholder and an empty field keeps the stored one.
 */
export function TalentForm({
  talent,
  employerEnterpriseName,
  categories,
  years,
}: {
  talent?: MaskedTalent;
  employerEnterpriseName?: string | null;
  categories: DictOption[];
  /** The accepted recognised-year range (the server checks it again). */
  years: { min: number; max: number };
}) {
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(talent ? updateTalent : createTalent, {
    onSuccess: (d) => router.push(`/talents/${d.id}`),
  });
  const v = (name: keyof MaskedTalent, fallback = "") => (talent?.[name] == null ? fallback : String(talent[name]));
  const employerErrors = [...(fe?.employerName ?? []), ...(fe?.employerEnterpriseId ?? [])];
  const initialEnterpriseId = talent?.employerEnterpriseId ?? null;
  const initialEmployer = talent?.employerEnterpriseId ? (employerEnterpriseName ?? "") : (talent?.employerName ?? "");
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {talent ? (
        <>
          <input type="hidden" name="id" value={talent.id} />
          <input type="hidden" name="version" value={talent.version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="kind" label={t("talents.fields.kind")} required errors={fe?.kind}>
          {(p) => (
            <Select {...p} defaultValue={v("kind", "person")}>
              {TALENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`talents.kinds.${kind}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField name="name" label={t("talents.fields.name")} required errors={fe?.name}>
          {(p) => <Input {...p} defaultValue={v("name")} maxLength={200} />}
        </FormField>
        <FormField name="categoryId" label={t("talents.fields.category")} required errors={fe?.categoryId}>
          {(p) => (
            <Select {...p} defaultValue={v("categoryId")}>
              <option value="">—</option>
              <DictionaryOptions options={categories} current={talent?.categoryId} />
            </Select>
          )}
        </FormField>
        <FormField
          name="recognisedYear"
          label={t("talents.fields.recognisedYear")}
          required
          errors={fe?.recognisedYear}
        >
          {(p) => (
            <Input
              {...p}
              type="number"
              inputMode="numeric"
              min={years.min}
              max={years.max}
              step={1}
              defaultValue={v("recognisedYear")}
            />
          )}
        </FormField>
        <FormField
          name="employerName"
          label={t("talents.fields.employer")}
          errors={employerErrors.length ? employerErrors : undefined}
          hint={t("talents.employer.hint")}
          className="md:col-span-2"
        >
          {(p) => (
            <EnterpriseCombobox
              id={p.id}
              name="employerEnterpriseId"
              freeText={{ name: "employerName", defaultValue: initialEmployer, maxLength: 200 }}
              defaultValue={initialEnterpriseId ? { id: initialEnterpriseId, name: initialEmployer } : null}
              invalid={p["aria-invalid"]}
              describedBy={p["aria-describedby"]}
            />
          )}
        </FormField>
        <FormField name="field" label={t("talents.fields.field")} errors={fe?.field}>
          {(p) => <Input {...p} defaultValue={v("field")} maxLength={200} />}
        </FormField>
        <FormField name="programme" label={t("talents.fields.programme")} errors={fe?.programme}>
          {(p) => <Input {...p} defaultValue={v("programme")} maxLength={200} />}
        </FormField>
        <FormField
          name="phone"
          label={t("talents.fields.phone")}
          required={!talent}
          errors={fe?.phone}
          hint={talent ? t("talents.personal.keepHint") : undefined}
        >
          {(p) => (
            <Input
              {...p}
              type="tel"
              defaultValue=""
              placeholder={talent?.phoneMasked || undefined}
              maxLength={20}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormField
          name="idNumber"
          label={t("talents.fields.idNumber")}
          errors={fe?.idNumber}
          hint={talent?.hasIdNumber ? t("talents.personal.keepHint") : t("talents.personal.idHint")}
        >
          {(p) => (
            <Input
              {...p}
              defaultValue=""
              placeholder={talent?.idNumberMasked || undefined}
              maxLength={18}
              autoComplete="off"
              className="font-mono uppercase"
            />
          )}
        </FormField>
        {talent?.hasIdNumber ? (
          <label className="flex items-center gap-2 text-sm text-slate-700 md:col-start-2">
            <input type="checkbox" name="clearIdNumber" />
            {t("talents.personal.clearIdNumber")}
          </label>
        ) : null}
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
