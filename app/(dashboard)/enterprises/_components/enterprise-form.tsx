"use client";
import { useRouter } from "next/navigation";
import { DictionaryOptions } from "@/components/registry/dictionary-options";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { ENTERPRISE_STATUSES } from "@/db/enums";
import type { Enterprise } from "@/db/schema";
import { createEnterprise, updateEnterprise } from "@/features/enterprises/actions";
import { useT } from "@/lib/i18n/client";
import type { DictOption } from "@/lib/registry/dictionaries";
import { todayIso } from "@/lib/time";

type Options = { street: DictOption[]; park: DictOption[]; industry_chain: DictOption[] };

/** What the edit form receives: never the stored contact phone, only its masked form. */
export type EditableEnterprise = Omit<Enterprise, "contactPhone"> & {
  contactPhoneMasked: string;
  hasContactPhone: boolean;
};

/**
 * Create and edit share this form; the server keeps what was typed when it refuses. On edit the stored
 * contact phone is never sent here: the masked value is the placeholder and an empty field keeps it.
 */
export function EnterpriseForm({ enterprise, options }: { enterprise?: EditableEnterprise; options: Options }) {
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(enterprise ? updateEnterprise : createEnterprise, {
    onSuccess: (d) => router.push(`/enterprises/${d.id}`),
  });
  const v = (name: keyof EditableEnterprise, fallback = "") =>
    enterprise?.[name] == null ? fallback : String(enterprise[name]);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {enterprise ? (
        <>
          <input type="hidden" name="id" value={enterprise.id} />
          <input type="hidden" name="version" value={enterprise.version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          name="name"
          label={t("enterprises.fields.name")}
          required
          errors={fe?.name}
          className="md:col-span-2"
        >
          {(p) => <Input {...p} defaultValue={v("name")} maxLength={200} />}
        </FormField>
        <FormField
          name="creditCode"
          label={t("enterprises.fields.creditCode")}
          required
          errors={fe?.creditCode}
          hint="GB 32100-2015"
        >
          {(p) => (
            <Input
              {...p}
              defaultValue={v("creditCode")}
              maxLength={18}
              className="font-mono uppercase"
              autoComplete="off"
            />
          )}
        </FormField>
        <FormField
          name="legalRepresentative"
          label={t("enterprises.fields.legalRepresentative")}
          required
          errors={fe?.legalRepresentative}
        >
          {(p) => <Input {...p} defaultValue={v("legalRepresentative")} maxLength={100} />}
        </FormField>
        <FormField name="foundedDate" label={t("enterprises.fields.foundedDate")} required errors={fe?.foundedDate}>
          {(p) => <Input {...p} type="date" max={todayIso()} defaultValue={v("foundedDate")} />}
        </FormField>
        <FormField
          name="registeredCapital"
          label={t("enterprises.fields.registeredCapital")}
          required
          errors={fe?.registeredCapital}
        >
          {(p) => <Input {...p} inputMode="decimal" defaultValue={v("registeredCapital")} />}
        </FormField>
        <FormField name="streetId" label={t("enterprises.fields.street")} required errors={fe?.streetId}>
          {(p) => (
            <Select {...p} defaultValue={v("streetId")}>
              <option value="">—</option>
              <DictionaryOptions options={options.street} current={enterprise?.streetId} />
            </Select>
          )}
        </FormField>
        <FormField name="parkId" label={t("enterprises.fields.park")} errors={fe?.parkId}>
          {(p) => (
            <Select {...p} defaultValue={v("parkId")}>
              <option value="">{t("enterprises.noPark")}</option>
              <DictionaryOptions options={options.park} current={enterprise?.parkId} />
            </Select>
          )}
        </FormField>
        <FormField name="industryChainId" label={t("enterprises.fields.industryChain")} errors={fe?.industryChainId}>
          {(p) => (
            <Select {...p} defaultValue={v("industryChainId")}>
              <option value="">{t("enterprises.noPark")}</option>
              <DictionaryOptions options={options.industry_chain} current={enterprise?.industryChainId} />
            </Select>
          )}
        </FormField>
        <FormField name="status" label={t("enterprises.fields.status")} required errors={fe?.status}>
          {(p) => (
            <Select {...p} defaultValue={v("status", "active")}>
              {ENTERPRISE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`enterprises.status.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField name="contactName" label={t("enterprises.fields.contactName")} errors={fe?.contactName}>
          {(p) => <Input {...p} defaultValue={v("contactName")} maxLength={100} />}
        </FormField>
        <FormField
          name="contactPhone"
          label={t("enterprises.fields.contactPhone")}
          errors={fe?.contactPhone}
          hint={enterprise?.hasContactPhone ? t("enterprises.phone.keepHint") : undefined}
        >
          {(p) => (
            <Input
              {...p}
              type="tel"
              defaultValue=""
              placeholder={enterprise?.contactPhoneMasked || undefined}
              maxLength={20}
              autoComplete="off"
            />
          )}
        </FormField>
        {enterprise?.hasContactPhone ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="clearContactPhone" />
            {t("enterprises.phone.clear")}
          </label>
        ) : null}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="isAboveScale" defaultChecked={!!enterprise?.isAboveScale} />
          {t("enterprises.fields.isAboveScale")}
        </label>
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
