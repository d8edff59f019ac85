"use client";
import { FieldError, Label, Select } from "@/components/ui/input";
import { DATA_SCOPES } from "@/db/enums";
import type { UnitOptions } from "@/features/users/queries";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/users";

/** 所属单位 (科室 / 镇街 / 园区, grouped) and 数据范围: the admin's create form and the per-user editor. */
export function UnitScopeFields({
  units,
  idPrefix,
  unit = "",
  dataScope = "all",
  fieldErrors,
  compact,
}: {
  units: UnitOptions;
  idPrefix: string;
  unit?: string;
  dataScope?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  compact?: boolean;
}) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="flex flex-col gap-1">
        <Label htmlFor={id("unit")} className={compact ? "sr-only" : undefined}>
          {t("users.unit")}
        </Label>
        <Select
          id={id("unit")}
          name="unit"
          defaultValue={unit}
          aria-invalid={!!fieldErrors?.unit}
          aria-describedby={id("unit-error")}
        >
          <option value="">{t("users.noUnit")}</option>
          {units.map((g) => (
            <optgroup key={g.kind} label={t(`users.unitKinds.${g.kind}`)}>
              {g.items
                .filter((o) => o.enabled || o.value === unit)
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
        <FieldError id={id("unit-error")} errors={fieldErrors?.unit} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={id("dataScope")} className={compact ? "sr-only" : undefined}>
          {t("users.dataScope")}
        </Label>
        <Select
          id={id("dataScope")}
          name="dataScope"
          defaultValue={dataScope}
          aria-invalid={!!fieldErrors?.dataScope}
          aria-describedby={id("dataScope-error")}
        >
          {DATA_SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`users.scopes.${s}`)}
            </option>
          ))}
        </Select>
        <FieldError id={id("dataScope-error")} errors={fieldErrors?.dataScope} />
      </div>
    </>
  );
}
