"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import { saveDistrictValues } from "../_lib/actions";

type Row = { id: number; district: string; value: number | null; isUs: boolean };

/** All districts of one period at once; a whole column can be pasted from Excel. */
export function DistrictEntryForm({
  indicatorKey,
  period,
  rows,
  cityTotal,
  ourComputed,
}: {
  indicatorKey: string;
  period: string;
  rows: Row[];
  cityTotal: number | null;
  ourComputed: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [paste, setPaste] = useState("");
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [state, setState] = useState<ActionResult<{ changed: number }> | null>(null);
  const [pending, start] = useTransition();
  const editable = rows.filter((r) => !(r.isUs && ourComputed));

  function fill() {
    const lines = paste.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    if (lines.length !== editable.length) {
      setPasteError(t("kpi.indicators.pasteMismatch", { got: lines.length, n: editable.length }));
      return;
    }
    setPasteError(null);
    editable.forEach((r, i) => {
      const input = formRef.current?.elements.namedItem(`v_${r.id}`) as HTMLInputElement | null;
      if (input) input.value = lines[i].split("\t").at(-1)?.trim() ?? "";
    });
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const values: Record<string, string> = {};
    for (const r of editable) values[String(r.id)] = String(fd.get(`v_${r.id}`) ?? "");
    start(async () => {
      const res = await saveDistrictValues({
        indicatorKey,
        period,
        values,
        cityTotal: String(fd.get("cityTotal") ?? ""),
      });
      setState(res);
      if (res.ok) router.refresh();
    });
  }
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t("kpi.indicators.save")}>
      <p className="text-sm text-slate-600">{t("kpi.indicators.entryHint", { n: editable.length })}</p>
      {ourComputed ? <p className="text-sm text-brand-700">{t("kpi.indicators.ourComputed")}</p> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="paste-column">{t("kpi.indicators.paste")}</Label>
          <Textarea id="paste-column" rows={3} value={paste} onChange={(e) => setPaste(e.target.value)} />
        </div>
        <Button variant="outline" onClick={fill}>
          {t("kpi.indicators.fill")}
        </Button>
      </div>
      {pasteError ? (
        <p role="alert" className="text-sm text-red-700">
          {pasteError}
        </p>
      ) : null}
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {rows.map((r) => (
          <div key={r.id} className="flex items-start gap-2">
            <Label htmlFor={`v_${r.id}`} className="w-32 shrink-0 pt-2 text-xs">
              {r.district}
            </Label>
            <div className="flex-1">
              <Input
                id={`v_${r.id}`}
                name={`v_${r.id}`}
                inputMode="decimal"
                defaultValue={r.value ?? ""}
                disabled={r.isUs && ourComputed}
                aria-invalid={!!fe?.[`v_${r.id}`]}
                aria-describedby={`v_${r.id}-error`}
              />
              <FieldError id={`v_${r.id}-error`} errors={fe?.[`v_${r.id}`]} />
            </div>
          </div>
        ))}
      </div>
      <div className="flex max-w-md flex-col gap-1">
        <Label htmlFor="cityTotal">{t("kpi.indicators.cityTotal")}</Label>
        <Input
          id="cityTotal"
          name="cityTotal"
          inputMode="decimal"
          defaultValue={cityTotal ?? ""}
          aria-describedby="cityTotal-error"
        />
        <p className="text-xs text-slate-500">{t("kpi.indicators.cityTotalHint")}</p>
        <FieldError id="cityTotal-error" errors={fe?.cityTotal} />
      </div>
      <div aria-live="polite">
        {state?.ok ? (
          <p role="status" className="text-sm text-green-800">
            {t("kpi.indicators.saved")}
          </p>
        ) : null}
        {state && !state.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("kpi.indicators.save")}
        </Button>
      </div>
    </form>
  );
}
