"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { type Incubator, LEVELS, RECORD_STATUSES } from "@/db/schema";
import type { ActionResult } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import type { DictOption } from "@/lib/registry/dictionaries";
import { todayIso } from "@/lib/time";
import { createIncubator, updateIncubator } from "../_lib/actions";

type Options = { incubator_type: DictOption[]; street: DictOption[] };

const COUNTS = ["incubatedTotal", "graduatedTotal", "ipItems", "highTechCultivated"] as const;

/** Create and edit share this form; the server keeps what was typed when it refuses. */
export function IncubatorForm({ incubator, options }: { incubator?: Incubator; options: Options }) {
  const t = useT();
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({});
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(async (prev, fd) => {
    setValues(Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])));
    return incubator ? updateIncubator(prev, fd) : createIncubator(prev, fd);
  }, null);
  useEffect(() => {
    if (state?.ok) router.push(`/incubators/${state.data.id}`);
  }, [state, router]);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = (name: keyof Incubator, fallback = "") =>
    values[name] ?? (incubator?.[name] == null ? fallback : String(incubator[name]));
  const choices = (opts: DictOption[], current?: number | null) =>
    opts
      .filter((o) => o.enabled || o.id === current)
      .map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ));
  // key forces the uncontrolled inputs to pick up the values kept after a refused submit
  const k = JSON.stringify(values);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {incubator ? (
        <>
          <input type="hidden" name="id" value={incubator.id} />
          <input type="hidden" name="version" value={incubator.version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2" key={k}>
        <FormField name="name" label={t("incubators.fields.name")} required errors={fe?.name} className="md:col-span-2">
          {(p) => <Input {...p} defaultValue={v("name")} maxLength={200} />}
        </FormField>
        <FormField name="typeId" label={t("incubators.fields.type")} required errors={fe?.typeId}>
          {(p) => (
            <Select {...p} defaultValue={v("typeId")}>
              <option value="">—</option>
              {choices(options.incubator_type, incubator?.typeId)}
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
              {choices(options.street, incubator?.streetId)}
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
