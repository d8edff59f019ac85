"use client";
import { useRouter } from "next/navigation";
import { DictionaryOptions } from "@/components/registry/dictionary-options";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { LEVELS, RECORD_STATUSES } from "@/db/enums";
import type { Incubator } from "@/db/schema";
import { createIncubator, updateIncubator } from "@/features/incubators/actions";
import { useT } from "@/lib/i18n/client";
import type { DictOption } from "@/lib/registry/dictionaries";
import { todayIso } from "@/lib/time";

type Options = { incubator_type: DictOption[]; street: DictOption[] };

const COUNTS = ["incubatedTotal", "graduatedTotal", "ipItems", "highTechCultivated"] as const;

/** Create and edit share this form; the server keeps what was typed when it refuses. */
export function IncubatorForm({ incubator, options }: { incubator?: Incubator; options: Options }) {
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(incubator ? updateIncubator : createIncubator, {
    onSuccess: (d) => router.push(`/incubators/${d.id}`),
  });
  const v = (name: keyof Incubator, fallback = "") => (incubator?.[name] == null ? fallback : String(incubator[name]));
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {incubator ? (
        <>
          <input type="hidden" name="id" value={incubator.id} />
          <input type="hidden" name="version" value={incubator.version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="name" label={t("incubators.fields.name")} required errors={fe?.name} className="md:col-span-2">
          {(p) => <Input {...p} defaultValue={v("name")} maxLength={200} />}
        </FormField>
        <FormField name="typeId" label={t("incubators.fields.type")} required errors={fe?.typeId}>
          {(p) => (
            <Select {...p} defaultValue={v("typeId")}>
              <option value="">—</option>
              <DictionaryOptions options={options.incubator_type} current={incubator?.typeId} />
            </Select>
          )}
        </FormField>
        <FormField name="level" label={t("incubators.fields.level")} required errors={fe?.level}>
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
        <FormField
          name="operator"
          label={t("incubators.fields.operator")}
          required
          errors={fe?.operator}
          className="md:col-span-2"
        >
          {(p) => <Input {...p} defaultValue={v("operator")} maxLength={200} />}
        </FormField>
        <FormField name="streetId" label={t("incubators.fields.street")} errors={fe?.streetId}>
          {(p) => (
            <Select {...p} defaultValue={v("streetId")}>
              <option value="">{t("incubators.noStreet")}</option>
              <DictionaryOptions options={options.street} current={incubator?.streetId} />
            </Select>
          )}
        </FormField>
        <FormField name="address" label={t("incubators.fields.address")} errors={fe?.address}>
          {(p) => <Input {...p} defaultValue={v("address")} maxLength={400} />}
        </FormField>
        <FormField name="area" label={t("incubators.fields.area")} errors={fe?.area}>
          {(p) => <Input {...p} inputMode="decimal" defaultValue={v("area")} />}
        </FormField>
        <FormField name="recognisedDate" label={t("incubators.fields.recognisedDate")} errors={fe?.recognisedDate}>
          {(p) => <Input {...p} type="date" max={todayIso()} defaultValue={v("recognisedDate")} />}
        </FormField>
        {COUNTS.map((f) => (
          <FormField key={f} name={f} label={t(`incubators.fields.${f}`)} required errors={fe?.[f]}>
            {(p) => <Input {...p} inputMode="numeric" defaultValue={v(f, "0")} />}
          </FormField>
        ))}
        <FormField name="status" label={t("incubators.fields.status")} required errors={fe?.status}>
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
