"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { EnterpriseCombobox } from "@/components/registry/enterprise-combobox";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { RecordActionButton } from "@/components/registry/record-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { addTenant, removeTenant, updateTenant } from "@/features/incubators/actions";
import type { ActionResult } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import { todayIso } from "@/lib/time";

export type TenantRow = {
  id: number;
  version: number;
  enterpriseId: number;
  enterprise: string;
  creditCode: string;
  enterpriseDeleted: boolean;
  moveInDate: string;
  moveOutDate: string | null;
};

type Result = ActionResult<{ id: number }> | null;

/** In residence today: not moved out, or moving out later. */
function isCurrent(r: TenantRow, today: string) {
  return !r.moveOutDate || r.moveOutDate > today;
}

export function TenantsSection({
  incubatorId,
  rows,
  canWrite,
}: {
  incubatorId: number;
  rows: TenantRow[];
  canWrite: boolean;
}) {
  const t = useT();
  const today = todayIso();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("incubators.tenants.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("incubators.tenants.empty")}</p>
        ) : (
          <Table data-testid="tenants">
            <thead>
              <tr>
                <Th>{t("incubators.tenants.enterprise")}</Th>
                <Th>{t("incubators.tenants.creditCode")}</Th>
                <Th>{t("incubators.tenants.moveInDate")}</Th>
                <Th>{t("incubators.tenants.moveOutDate")}</Th>
                <Th>{t("incubators.tenants.state")}</Th>
                {canWrite ? <Th>{t("common.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid={`tenant-${r.id}`}>
                  <Td className="min-w-40">
                    {r.enterpriseDeleted ? (
                      <>
                        <span className="break-words" translate="no">
                          {r.enterprise}
                        </span>
                        <Badge tone="bad" className="ml-1">
                          {t("incubators.tenants.enterpriseDeleted")}
                        </Badge>
                      </>
                    ) : (
                      <Link
                        href={`/enterprises/${r.enterpriseId}`}
                        className="break-words text-brand-700 hover:underline"
                        translate="no"
                      >
                        {r.enterprise}
                      </Link>
                    )}
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{r.creditCode}</Td>
                  <Td className="tabular whitespace-nowrap">{r.moveInDate}</Td>
                  <Td className="tabular whitespace-nowrap">
                    {canWrite ? <MoveOutForm key={`${r.id}-${r.version}`} row={r} /> : (r.moveOutDate ?? "—")}
                  </Td>
                  <Td>
                    {isCurrent(r, today) ? (
                      <Badge tone="ok">{t("incubators.tenants.current")}</Badge>
                    ) : (
                      <Badge tone="neutral">{t("incubators.tenants.movedOut")}</Badge>
                    )}
                  </Td>
                  {canWrite ? (
                    <Td>
                      <RecordActionButton
                        action={removeTenant}
                        input={{ id: r.id, version: r.version }}
                        message={t("incubators.tenants.confirmRemove", { name: r.enterprise })}
                        label={t("incubators.tenants.remove")}
                        variant="outline"
                      />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canWrite ? <AddTenantForm incubatorId={incubatorId} /> : null}
      </CardContent>
    </Card>
  );
}

/** Sets, corrects or clears one tenant's move-out date. */
function MoveOutForm({ row }: { row: TenantRow }) {
  const t = useT();
  const router = useRouter();
  const [typed, setTyped] = useState<string | null>(null);
  const [state, action, pending] = useActionState<Result, FormData>(async (prev, fd) => {
    setTyped(String(fd.get("moveOutDate") ?? ""));
    return updateTenant(prev, fd);
  }, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? (state.fieldErrors?.moveOutDate ?? [state.message]) : undefined;
  const errorId = `moveout-${row.id}-error`;
  return (
    <form
      action={action}
      noValidate
      className="flex flex-col"
      aria-label={`${t("incubators.tenants.moveOutDate")} ${row.enterprise}`}
    >
      <input type="hidden" name="id" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <div className="flex items-center gap-1.5" key={typed ?? ""}>
        <Input
          type="date"
          name="moveOutDate"
          aria-label={t("incubators.tenants.moveOutDate")}
          aria-invalid={!!errors?.length}
          aria-describedby={errorId}
          min={row.moveInDate}
          defaultValue={typed ?? row.moveOutDate ?? ""}
          className="w-40"
        />
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      </div>
      <FieldError id={errorId} errors={errors} />
    </form>
  );
}

/** Adds a tenant: an enterprise picked from a server-side search, with its move-in (and move-out) date. */
function AddTenantForm({ incubatorId }: { incubatorId: number }) {
  const t = useT();
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({});
  const [added, setAdded] = useState(0);
  const [state, action, pending] = useActionState<Result, FormData>(async (prev, fd) => {
    setValues(Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])));
    const res = await addTenant(prev, fd);
    if (res.ok) {
      setValues({});
      setAdded((n) => n + 1);
    }
    return res;
  }, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={action}
      noValidate
      className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-start"
      aria-label={t("incubators.tenants.add")}
    >
      <input type="hidden" name="incubatorId" value={incubatorId} />
      <FormField
        name="enterpriseId"
        label={t("incubators.picker.label")}
        required
        errors={fe?.enterpriseId}
        className="sm:col-span-2 lg:col-span-1"
      >
        {(p) => (
          <EnterpriseCombobox
            key={added}
            id={p.id}
            name={p.name}
            invalid={p["aria-invalid"]}
            describedBy={p["aria-describedby"]}
          />
        )}
      </FormField>
      <FormField name="moveInDate" label={t("incubators.tenants.moveInDate")} required errors={fe?.moveInDate}>
        {(p) => (
          <Input
            {...p}
            key={`in-${JSON.stringify(values)}`}
            type="date"
            max={todayIso()}
            defaultValue={values.moveInDate ?? ""}
          />
        )}
      </FormField>
      <FormField name="moveOutDate" label={t("incubators.tenants.moveOutDate")} errors={fe?.moveOutDate}>
        {(p) => (
          <Input {...p} key={`out-${JSON.stringify(values)}`} type="date" defaultValue={values.moveOutDate ?? ""} />
        )}
      </FormField>
      <Button type="submit" className="lg:mt-6" disabled={pending}>
        {pending ? t("common.saving") : t("incubators.tenants.add")}
      </Button>
      <div className="sm:col-span-2 lg:col-span-4" aria-live="polite">
        <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
      </div>
    </form>
  );
}
