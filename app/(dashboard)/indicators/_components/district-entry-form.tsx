"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { ConflictValues } from "@/components/registry/form-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { readDistrictXlsx, saveDistrictValues } from "@/features/indicators/actions";
import { type PasteError, type PreviewRow, parseDistrictPaste, previewChanges } from "@/features/kpi/district-paste";
import type { ActionResult } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { formatNumber } from "@/lib/kpi/format";
import "@/lib/i18n/page-sections/kpi";

type Row = { id: number; district: string; value: number | null; isUs: boolean };

const asText = (v: number | null) => (v === null ? "" : String(v));

/**
 * All districts of one period at once. Values can be typed, pasted (by name or as one column) or uploaded;
 * every save is previewed first (before → after) and sends what the form was opened with, so a save over
 * someone else's change is refused instead of silently undoing it.
 */
export function DistrictEntryForm({
  indicatorKey,
  period,
  periodLabel,
  rows,
  cityTotal,
  ourComputed,
  decimals,
}: {
  indicatorKey: string;
  period: string;
  periodLabel: string;
  rows: Row[];
  cityTotal: number | null;
  ourComputed: boolean;
  decimals: number;
}) {
  const t = useT();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const editable = rows.filter((r) => !(r.isUs && ourComputed));
  // What the form was opened with (and, after a save, what it saved): the server refuses if the stored
  // values no longer match.
  const [loaded, setLoaded] = useState(() => ({
    values: new Map(editable.map((r) => [r.id, r.value])),
    cityTotal,
  }));
  const [values, setValues] = useState<Record<number, string>>(() =>
    Object.fromEntries(editable.map((r) => [r.id, asText(r.value)])),
  );
  const [total, setTotal] = useState(asText(cityTotal));
  const [sourceDoc, setSourceDoc] = useState("");
  const [paste, setPaste] = useState("");
  const [pasteErrors, setPasteErrors] = useState<string[] | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [state, setState] = useState<ActionResult<{ changed: number }> | null>(null);
  const [reading, setReading] = useState(false);
  const [pending, start] = useTransition();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const errorText = (e: PasteError) => {
    const message = t(e.key as MessageKey, e.params);
    return e.line === null ? message : t("kpi.paste.line", { line: e.line, message });
  };

  function openPreview(next: Record<number, string>, nextTotal: string) {
    const { rows: changes, invalid } = previewChanges(
      [
        ...editable.map((r) => ({ id: r.id, label: r.district, loaded: loaded.values.get(r.id) ?? null })),
        { id: 0, label: t("kpi.indicators.cityTotalLabel"), loaded: loaded.cityTotal },
      ],
      new Map([...Object.entries(next).map(([id, v]) => [Number(id), v] as const), [0, nextTotal]]),
    );
    if (invalid.length) {
      setPreview(null);
      setPasteErrors([
        t("kpi.paste.invalidInForm"),
        ...invalid.map((i) => t("kpi.paste.invalidValue", { name: i.label, value: i.value })),
      ]);
      return;
    }
    setPasteErrors(null);
    setState(null);
    // Changes first (in the order shown below), then the unchanged ones: nothing to scroll past to check them.
    setPreview([...changes.filter((c) => c.changed), ...changes.filter((c) => !c.changed)]);
  }

  function fillFrom(text: string) {
    const r = parseDistrictPaste(
      text,
      editable.map((e) => ({ id: e.id, label: e.district })),
      rows.map((e) => ({ id: e.id, label: e.district })),
    );
    if (r.errors.length) {
      setPreview(null);
      setNotes([]);
      setPasteErrors([t("kpi.paste.fixFirst"), ...r.errors.map(errorText)]);
      return;
    }
    const next = { ...values };
    for (const [id, v] of r.values) next[id] = v;
    setValues(next);
    setNotes([
      ...(r.headerSkipped ? [t("kpi.paste.headerSkipped")] : []),
      ...(r.ignored.length ? [t("kpi.paste.ignored", { names: r.ignored.join("、") })] : []),
    ]);
    openPreview(next, total);
  }

  function onUpload(file: File | undefined) {
    if (!file) return;
    const fd = new FormData();
    fd.set("indicatorKey", indicatorKey);
    fd.set("file", file);
    setReading(true);
    start(async () => {
      const res = await readDistrictXlsx(fd);
      setReading(false);
      if (fileRef.current) fileRef.current.value = "";
      if (!res.ok) {
        setPreview(null);
        setPasteErrors([res.message]);
        return;
      }
      setPaste(res.data.text);
      fillFrom(res.data.text);
    });
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    openPreview(values, total);
  }

  function save() {
    start(async () => {
      const res = await saveDistrictValues({
        indicatorKey,
        period,
        values: Object.fromEntries(editable.map((r) => [String(r.id), values[r.id] ?? ""])),
        loaded: Object.fromEntries(editable.map((r) => [String(r.id), asText(loaded.values.get(r.id) ?? null)])),
        cityTotal: total,
        loadedCityTotal: asText(loaded.cityTotal),
        sourceDoc,
      });
      setState(res);
      if (res.ok && preview) {
        setLoaded({
          values: new Map(preview.filter((p) => p.id !== 0).map((p) => [p.id, p.after])),
          cityTotal: preview.find((p) => p.id === 0)?.after ?? null,
        });
        setPreview(null);
        router.refresh();
      }
    });
  }

  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const changed = preview?.filter((p) => p.changed).length ?? 0;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t("kpi.indicators.save")}>
      <p className="text-sm text-slate-600">{t("kpi.indicators.entryHint", { n: editable.length })}</p>
      {ourComputed ? <p className="text-sm text-brand-700">{t("kpi.indicators.ourComputed")}</p> : null}
      <div className="flex flex-col gap-2 lg:flex-row lg:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="paste-column">{t("kpi.indicators.paste")}</Label>
          <Textarea id="paste-column" rows={3} value={paste} onChange={(e) => setPaste(e.target.value)} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => fillFrom(paste)} disabled={pending}>
            {t("kpi.indicators.fill")}
          </Button>
          <Button variant="outline" onClick={() => fileRef.current?.click()} disabled={pending}>
            {reading ? t("kpi.indicators.uploading") : t("kpi.indicators.upload")}
          </Button>
          <input
            ref={fileRef}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            aria-label={t("kpi.indicators.upload")}
            data-testid="district-xlsx"
            onChange={(e) => onUpload(e.target.files?.[0])}
          />
        </div>
      </div>
      {pasteErrors ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="paste-errors">
          <p>{pasteErrors[0]}</p>
          <ul className="mt-1 list-disc pl-5">
            {pasteErrors.slice(1).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notes.length ? (
        <p role="status" className="text-sm text-slate-600">
          {notes.join("；")}
        </p>
      ) : null}

      {preview ? (
        <section
          aria-label={t("kpi.paste.title", { period: periodLabel })}
          data-testid="district-preview"
          className="flex flex-col gap-3 rounded-md border border-brand-100 bg-brand-50 p-3"
        >
          <h3 ref={previewHeading} tabIndex={-1} className="font-medium text-slate-900 outline-none">
            {t("kpi.paste.title", { period: periodLabel })}
          </h3>
          <p className="text-sm text-slate-700">
            {t("kpi.paste.intro", { changed, unchanged: preview.length - changed })}
          </p>
          <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white">
            <Table>
              <thead>
                <tr>
                  <Th>{t("kpi.indicators.district")}</Th>
                  <Th className="text-right">{t("kpi.paste.before")}</Th>
                  <Th className="text-right">{t("kpi.paste.after")}</Th>
                  <Th>{t("common.status")}</Th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr
                    key={p.id}
                    data-testid={`preview-${p.label}`}
                    data-changed={p.changed}
                    className={p.changed ? "bg-amber-50 font-medium" : "text-slate-500"}
                  >
                    <Td>{p.label}</Td>
                    <Td className="text-right tabular">{formatNumber(p.before, Math.max(decimals, 6))}</Td>
                    <Td className="text-right tabular">
                      {p.changed ? <span aria-hidden>→ </span> : null}
                      {formatNumber(p.after, Math.max(decimals, 6))}
                    </Td>
                    <Td>
                      {p.changed ? (
                        <Badge tone="warn">{t("kpi.paste.changed")}</Badge>
                      ) : (
                        <Badge>{t("kpi.paste.unchanged")}</Badge>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={pending || changed === 0}>
              {pending ? t("common.saving") : t("kpi.paste.confirm", { n: changed })}
            </Button>
            <Button variant="outline" onClick={() => setPreview(null)} disabled={pending}>
              {t("kpi.paste.back")}
            </Button>
          </div>
        </section>
      ) : null}

      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {rows.map((r) => {
          const locked = r.isUs && ourComputed;
          return (
            <div key={r.id} className="flex items-start gap-2">
              <Label htmlFor={`v_${r.id}`} className="w-32 shrink-0 pt-2 text-xs">
                {r.district}
              </Label>
              <div className="flex-1">
                <Input
                  id={`v_${r.id}`}
                  name={`v_${r.id}`}
                  inputMode="decimal"
                  value={locked ? asText(r.value) : (values[r.id] ?? "")}
                  onChange={(e) => setValues((v) => ({ ...v, [r.id]: e.target.value }))}
                  disabled={locked}
                  aria-invalid={!!fe?.[`v_${r.id}`]}
                  aria-describedby={`v_${r.id}-error`}
                />
                <FieldError id={`v_${r.id}-error`} errors={fe?.[`v_${r.id}`]} />
              </div>
            </div>
          );
        })}
      </div>
      <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="cityTotal">{t("kpi.indicators.cityTotal")}</Label>
          <Input
            id="cityTotal"
            name="cityTotal"
            inputMode="decimal"
            value={total}
            onChange={(e) => setTotal(e.target.value)}
            aria-describedby="cityTotal-error"
          />
          <p className="text-xs text-slate-500">{t("kpi.indicators.cityTotalHint")}</p>
          <FieldError id="cityTotal-error" errors={fe?.cityTotal} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="sourceDoc">{t("kpi.indicators.sourceDoc")}</Label>
          <Input
            id="sourceDoc"
            name="sourceDoc"
            maxLength={200}
            value={sourceDoc}
            onChange={(e) => setSourceDoc(e.target.value)}
            aria-describedby="sourceDoc-error"
          />
          <p className="text-xs text-slate-500">{t("kpi.indicators.sourceDocHint")}</p>
          <FieldError id="sourceDoc-error" errors={fe?.sourceDoc} />
        </div>
      </div>
      <div aria-live="polite">
        {state?.ok ? (
          <p role="status" className="text-sm text-green-800">
            {t("kpi.indicators.saved", { n: state.data.changed })}
          </p>
        ) : null}
        {state && !state.ok ? (
          <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="save-error">
            <p>{state.message}</p>
            {state.conflict ? <ConflictValues conflict={state.conflict} /> : null}
          </div>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("kpi.indicators.previewSave")}
        </Button>
      </div>
    </form>
  );
}
