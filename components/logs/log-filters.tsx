import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import type { T } from "@/lib/i18n/core";

/** A plain GET form: filters land in the URL, the server does the filtering. */
export function LogFilters({
  t,
  action,
  values,
  resultOptions,
  showAction,
}: {
  t: T;
  action: string;
  values: { user?: string; action?: string; result?: string; from?: string; to?: string };
  resultOptions: { value: string; label: string }[];
  showAction: boolean;
}) {
  return (
    <form method="get" action={action} className="grid gap-3 p-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-user">{t("audit.filterUser")}</Label>
        <Input id="f-user" name="user" defaultValue={values.user ?? ""} maxLength={64} />
      </div>
      {showAction ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-action">{t("audit.filterAction")}</Label>
          <Input id="f-action" name="action" defaultValue={values.action ?? ""} maxLength={64} placeholder="user." />
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-result">{t("audit.filterResult")}</Label>
        <Select id="f-result" name="result" defaultValue={values.result ?? ""}>
          <option value="">{t("common.all")}</option>
          {resultOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-from">{t("audit.filterFrom")}</Label>
        <Input id="f-from" name="from" type="date" defaultValue={values.from ?? ""} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-to">{t("audit.filterTo")}</Label>
        <Input id="f-to" name="to" type="date" defaultValue={values.to ?? ""} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">{t("common.search")}</Button>
        <a
          href={action}
          className="inline-flex h-9 items-center rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100"
        >
          {t("common.reset")}
        </a>
      </div>
    </form>
  );
}
