"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { ConflictValues } from "@/components/registry/form-field";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { previewDistrictPeriods, saveDistrictPeriods } from "@/features/indicators/actions";
import type { PasteError } from "@/features/kpi/district-paste";
import type { ActionResult } from "@/lib/action";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { formatNumber } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";
import "@/lib/i18n/page-sections/kpi";

type Cell = { period: string; raw: string | null; before: number | null; after: number | null; changed: boolean };
type Preview = { file: string; periods: string[]; rows: { id: number; label: string; cells: Cell[] }[] };

const asText = (v: number | null) => (v === null ? "" : String(v));

/**
 * 上传多期数值: one sheet of districts × periods → a preview of every district's before → after per period → one
 * save of the changed values (one transaction, one log row; refused whole if anything changed since the preview).
 */
export function DistrictPeriodsForm({ indicatorKey, decimals }: { indicatorKey: string; decimals: number }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<string[] | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const [sourceDoc, setSourceDoc] = useState("");
  const [state, setState] = useState<ActionResult<{ changed: number; periods: string[] }> | null>(null);
  const [pending, start] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview) heading.current?.focus();
  }, [preview]);

  const errorText = (e: PasteError) => {
    const message = t(e.key as MessageKey, e.params);
    return e.line === null ? message : t("kpi.paste.line", { line: e.line, message });
  };

  function onUpload(file: File | undefined) {
    if (!file) return;
    const fd = new FormData();
    fd.set("indicatorKey", indicatorKey);
    fd.set("file", file);
    setState(null);
    setNotes(null);
    start(async () => {
      const res = await previewDistrictPeriods(fd);
      if (fileRef.current) fileRef.current.value = "";
      if (!res.ok) {
        setPreview(null);
        setErrors([res.message]);
        return;
      }
      if (res.data.errors.length) {
        setPreview(null);
        setErrors([t("kpi.periods.fixFirst"), ...res.data.errors.map(errorText)]);
        return;
      }
      setErrors(null);
      if (res.data.ignored.length) setNotes(t("kpi.periods.ignored", { names: res.data.ignored.join("、") }));
      setPreview(res.data);
    });
  }

  function save() {
    if (!preview) return;
    const values: Record<string, Record<string, string>> = {};
    const loaded: Record<string, Record<string, string>> = {};
    for (const r of preview.rows)
      for (const c of r.cells) {
        if (c.raw === null) continue;
        values[c.period] = { ...values[c.period], [String(r.id)]: c.raw };
        loaded[c.period] = { ...loaded[c.period], [String(r.id)]: asText(c.before) };
      }
    start(async () => {
      const res = await saveDistrictPeriods({ indicatorKey, values, loaded, sourceDoc, file: preview.file });
      setState(res);
      if (res.ok) {
        setPreview(null);
        router.refresh();
      }
    });
  }

  const cells = preview?.rows.flatMap((r) => r.cells.filter((c) => c.raw !== null)) ?? [];
  const changed = cells.filter((c) => c.changed).length;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-slate-600">{t("kpi.periods.hint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-col gap-1">
          <Label htmlFor="periods-sourceDoc">{t("kpi.periods.sourceDoc")}</Label>
          <Input
            id="periods-sourceDoc"
            maxLength={200}
            value={sourceDoc}
            onChange={(e) => setSourceDoc(e.target.value)}
          />
        </div>
        <Button variant="outline" onClick={() => fileRef.current?.click()} disabled={pending}>
          {pending && !preview ? t("kpi.periods.reading") : t("kpi.periods.upload")}
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="sr-only"
          aria-label={t("kpi.periods.upload")}
          data-testid="district-periods-xlsx"
          onChange={(e) => onUpload(e.target.files?.[0])}
        />
      </div>
      {errors ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-700" data-testid="periods-errors">
          <p>{errors[0]}</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.slice(1).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notes ? (
        <p role="status" className="text-slate-600">
          {notes}
        </p>
      ) : null}
      {preview ? (
        <section
          aria-label={t("kpi.periods.previewTitle", { file: preview.file })}
          data-testid="periods-preview"
          className="flex flex-col gap-3 rounded-md border border-brand-100 bg-brand-50 p-3"
        >
          <h3 ref={heading} tabIndex={-1} className="font-medium text-slate-900 outline-none">
            {t("kpi.periods.previewTitle", { file: preview.file })}
          </h3>
          <p className="text-slate-700">
            {t("kpi.periods.intro", {
              periods: preview.periods.length,
              changed,
              unchanged: cells.length - changed,
            })}
          </p>
          <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white">
            <Table>
              <thead>
                <tr>
                  <Th>{t("kpi.periods.district")}</Th>
                  {preview.periods.map((p) => (
                    <Th key={p} className="text-right">
                      {formatPeriod(p, locale)}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.id} data-testid={`periods-row-${r.label}`}>
                    <Td>{r.label}</Td>
                    {r.cells.map((c) => (
                      <Td
                        key={c.period}
                        className={`text-right tabular whitespace-nowrap ${c.changed ? "bg-amber-50 font-medium" : "text-slate-500"}`}
                        data-changed={c.changed}
                        data-period={c.period}
                      >
                        {c.changed ? (
                          <>
                            <span className="text-slate-500">{formatNumber(c.before, Math.max(decimals, 6))}</span>
                            <span aria-hidden> → </span>
                            <span className="sr-only"> {t("kpi.paste.after")} </span>
                            {formatNumber(c.after, Math.max(decimals, 6))}
                          </>
                        ) : (
                          formatNumber(c.after, Math.max(decimals, 6))
                        )}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={pending || changed === 0}>
              {pending ? t("common.saving") : t("kpi.periods.confirm", { n: changed })}
            </Button>
            <Button variant="outline" onClick={() => setPreview(null)} disabled={pending}>
              {t("kpi.periods.back")}
            </Button>
          </div>
        </section>
      ) : null}
      <div aria-live="polite">
        {state?.ok ? (
          <p role="status" className="text-green-800" data-testid="periods-saved">
            {t("kpi.periods.saved", {
              n: state.data.changed,
              periods: state.data.periods.map((p) => formatPeriod(p, locale)).join("、"),
            })}
          </p>
        ) : null}
        {state && !state.ok ? (
          <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-700" data-testid="periods-save-error">
            <p>{state.message}</p>
            {state.conflict ? <ConflictValues conflict={state.conflict} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
