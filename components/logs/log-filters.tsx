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
  userOptions,
  actionOptions,
  children,
}: {
  t: T;
  action: string;
  values: { user?: string; action?: string; result?: string; from?: string; to?: string };
  resultOptions: { value: string; label: string }[];
  showAction: boolean;
  /** Pickers by name instead of typed usernames and action codes. */
  userOptions?: { value: string; label: string }[];
  actionOptions?: { value: string; label: string }[];
  /** Kept in the query (e.g. the record a trail is narrowed to), or actions beside the buttons. */
  children?: React.ReactNode;
}) {
  return (
    <form method="get" action={action} className="grid gap-3 p-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-user">{t("audit.filterUser")}</Label>
        {userOptions ? (
          <Select id="f-user" name="user" defaultValue={values.user ?? ""}>
            <option value="">{t("common.all")}</option>
            {userOptions.map((o) => (
              // People's names: data, not translated.
              <option key={o.value} value={o.value} translate="no">
                {o.label}
              </option>
            ))}
          </Select>
        ) : (
          <Input id="f-user" name="user" defaultValue={values.user ?? ""} maxLength={64} />
        )}
      </div>
      {showAction ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-action">{t("audit.filterAction")}</Label>
          {actionOptions ? (
            <Select id="f-action" name="action" defaultValue={values.action ?? ""}>
              <option value="">{t("auditView.allActions")}</option>
              {actionOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          ) : (
            <Input id="f-action" name="action" defaultValue={values.action ?? ""} maxLength={64} placeholder="user." />
          )}
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
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("common.search")}</Button>
        <a
          href={action}
          className="inline-flex h-9 items-center rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100"
        >
          {t("common.reset")}
        </a>
        {children}
      </div>
    </form>
  );
}
