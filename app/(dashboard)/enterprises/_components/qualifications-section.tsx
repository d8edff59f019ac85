"use client";
import { useRouter } from "next/navigation";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { FormField, FormMessage } from "@/components/registry/form-field";
import { RecordActionButton } from "@/components/registry/record-actions";
import { useFormAction } from "@/components/registry/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { EnterpriseQualification } from "@/db/schema";
import { createQualification, deleteQualification } from "@/features/enterprises/actions";
import { useT } from "@/lib/i18n/client";
import type { DictOption } from "@/lib/registry/dictionaries";
import { todayIso } from "@/lib/time";

type Row = EnterpriseQualification & { type: string; typeCode: string };

function expiryBadge(expiry: string | null, t: ReturnType<typeof useT>) {
  if (!expiry) return null;
  const today = todayIso();
  if (expiry < today) return <Badge tone="bad">{t("enterprises.quals.expired")}</Badge>;
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 90);
  if (expiry <= soon.toISOString().slice(0, 10))
    return <Badge tone="warn">{t("enterprises.quals.expiringSoon")}</Badge>;
  return null;
}

export function QualificationsSection({
  enterpriseId,
  rows,
  types,
  canWrite,
}: {
  enterpriseId: number;
  rows: Row[];
  types: DictOption[];
  canWrite: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(createQualification, {
    onSuccess: (_d, form) => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("enterprises.quals.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("enterprises.quals.empty")}</p>
        ) : (
          <Table data-testid="qualifications">
            <thead>
              <tr>
                <Th>{t("enterprises.quals.type")}</Th>
                <Th>{t("enterprises.quals.certificateNo")}</Th>
                <Th>{t("enterprises.quals.awardedDate")}</Th>
                <Th>{t("enterprises.quals.expiryDate")}</Th>
                {canWrite ? <Th>{t("common.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((q) => (
                <tr key={q.id} id={`qualification-${q.id}`} className="scroll-mt-24 target:bg-amber-50">
                  <Td>
                    {q.type}
                    {q.reviewState !== "approved" ? (
                      <Badge tone={q.reviewState === "returned" ? "bad" : "warn"} className="ml-1">
                        {t(`review.badge.${q.reviewState}`)}
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs">{q.certificateNo}</Td>
                  <Td className="tabular">{q.awardedDate}</Td>
                  <Td className="tabular">
                    {q.expiryDate ?? t("enterprises.quals.noExpiry")} {expiryBadge(q.expiryDate, t)}
                  </Td>
                  {canWrite ? (
                    <Td>
                      <RecordActionButton
                        action={deleteQualification}
                        input={{ id: q.id }}
                        message={t("enterprises.quals.confirmDelete")}
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
            className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start"
            aria-label={t("enterprises.quals.add")}
          >
            <UnsavedGuard />
            <input type="hidden" name="enterpriseId" value={enterpriseId} />
            <FormField name="typeId" label={t("enterprises.quals.type")} required errors={fe?.typeId}>
              {(p) => (
                <Select {...p} defaultValue="">
                  <option value="">—</option>
                  {types.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField name="certificateNo" label={t("enterprises.quals.certificateNo")} errors={fe?.certificateNo}>
              {(p) => <Input {...p} maxLength={50} />}
            </FormField>
            <FormField name="awardedDate" label={t("enterprises.quals.awardedDate")} required errors={fe?.awardedDate}>
              {(p) => <Input {...p} type="date" max={todayIso()} />}
            </FormField>
            <FormField name="expiryDate" label={t("enterprises.quals.expiryDate")} errors={fe?.expiryDate}>
              {(p) => <Input {...p} type="date" />}
            </FormField>
            <Button type="submit" className="lg:mt-6" disabled={pending}>
              {t("enterprises.quals.add")}
            </Button>
            <div className="sm:col-span-2 lg:col-span-5" aria-live="polite">
              <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
