"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { AmountCell } from "@/components/registry/cells";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { RecordActionButton } from "@/components/registry/record-actions";
import { useFormAction } from "@/components/registry/use-form-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { EnterpriseAnnualFigure } from "@/db/schema";
import { deleteAnnualFigures, upsertAnnualFigures } from "@/features/enterprises/actions";
import { useT } from "@/lib/i18n/client";

const FIELDS = ["revenue", "rdExpense", "employees", "rdStaff", "inventionPatents"] as const;

export function AnnualSection({
  enterpriseId,
  rows,
  canWrite,
}: {
  enterpriseId: number;
  rows: EnterpriseAnnualFigure[];
  canWrite: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  // Each year's row version as shown: the server refuses a save over figures someone entered meanwhile.
  const version = rows.find((r) => r.year === Number(year))?.version ?? 0;
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(upsertAnnualFigures, {
    onSuccess: (_d, form) => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("enterprises.annual.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("enterprises.annual.empty")}</p>
        ) : (
          <Table data-testid="annual-figures">
            <thead>
              <tr>
                <Th>{t("enterprises.annual.year")}</Th>
                {FIELDS.map((f) => (
                  <Th key={f} className="text-right">
                    {t(`enterprises.annual.${f}`)}
                  </Th>
                ))}
                {canWrite ? <Th>{t("common.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="tabular">{r.year}</Td>
                  {FIELDS.map((f) => (
                    <Td key={f}>
                      <AmountCell value={r[f]} />
                    </Td>
                  ))}
                  {canWrite ? (
                    <Td>
                      <RecordActionButton
                        action={deleteAnnualFigures}
                        input={{ id: r.id, version: r.version }}
                        message={t("enterprises.annual.confirmDelete", { year: r.year })}
                        label={t("registry.delete")}
                        variant="outline"
                      />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canWrite ? (
          <form
            onSubmit={onSubmit}
            className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-3 lg:grid-cols-7 lg:items-start"
            aria-label={t("enterprises.annual.save")}
          >
            <UnsavedGuard />
            <input type="hidden" name="enterpriseId" value={enterpriseId} />
            <input type="hidden" name="version" value={version} />
            <FormField name="year" label={t("enterprises.annual.year")} required errors={fe?.year}>
              {(p) => <Input {...p} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
            </FormField>
            {FIELDS.map((f) => (
              <FormField key={f} name={f} label={t(`enterprises.annual.${f}`)} errors={fe?.[f]}>
                {(p) => <Input {...p} inputMode="decimal" />}
              </FormField>
            ))}
            <Button type="submit" className="lg:mt-6" disabled={pending}>
              {t("enterprises.annual.save")}
            </Button>
            <div className="sm:col-span-3 lg:col-span-7" aria-live="polite">
              <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
