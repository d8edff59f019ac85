"use client";
import { AlertTriangle, CheckCircle2, Download, FileSpreadsheet, Loader2, Upload } from "lucide-react";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Label, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { commitImport, previewImport } from "@/features/import/actions";
import type { ImportRegistry } from "@/features/import/registries";
import type { ImportPreview } from "@/features/import/service";
import type { ImportMode } from "@/features/import/validations";
import { useT } from "@/lib/i18n/client";
import { MAX_FILE_BYTES } from "@/lib/import/limits";
import { cn } from "@/lib/utils";

type RegistryOption = { key: ImportRegistry; label: string; list: string; listLabel: string };
type Counts = { new: number; updated: number; unchanged: number; invalid: number; skipped: number };

/** Choose registry → template → file → 预览 → 确认导入 (or 仅导入有效行). Every check runs on the server. */
export function ImportWorkbench({ registries }: { registries: RegistryOption[] }) {
  const t = useT();
  const [registry, setRegistry] = useState<ImportRegistry>(registries[0].key);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<{ counts: Counts; list: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [previewing, startPreview] = useTransition();
  const [committing, startCommit] = useTransition();
  const [reporting, setReporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const current = registries.find((r) => r.key === registry) ?? registries[0];

  const formData = (extra: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.set("registry", registry);
    if (file) fd.set("file", file);
    for (const [k, v] of Object.entries(extra)) fd.set(k, v);
    return fd;
  };

  const reset = (opts: { keepFile?: boolean } = {}) => {
    setPreview(null);
    setResult(null);
    setMessage(null);
    if (!opts.keepFile) {
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  const runPreview = () => {
    reset({ keepFile: true });
    if (!file) {
      setMessage(t("import.form.chooseFile"));
      return;
    }
    // Refused here as well as on the server: a body over the framework's limit would never reach our check.
    if (file.size > MAX_FILE_BYTES) {
      setMessage(t("import.refuse.tooLarge"));
      return;
    }
    startPreview(async () => {
      try {
        const res = await previewImport(null, formData());
        if (res.ok) setPreview(res.data);
        else setMessage(res.fieldErrors?.file?.[0] ?? res.message);
      } catch {
        setMessage(failure());
      }
    });
  };

  /** A request the framework refused (body too large, network): a message on the page, never a crash. */
  const failure = () => (file && file.size > MAX_FILE_BYTES ? t("import.refuse.tooLarge") : t("errors.unknown"));

  const runCommit = (mode: ImportMode) => {
    setMessage(null);
    startCommit(async () => {
      try {
        const res = await commitImport(null, formData({ mode }));
        if (res.ok) {
          setResult({ counts: res.data.counts, list: res.data.list });
          setPreview(null);
        } else setMessage(res.message);
      } catch {
        setMessage(failure());
      }
    });
  };

  const downloadReport = async () => {
    setReporting(true);
    try {
      const res = await fetch("/import/error-report", { method: "POST", body: formData() });
      if (!res.ok) {
        setMessage(await res.text());
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = t("import.preview.reportFile", { name: (file?.name ?? "import").replace(/\.xlsx$/i, "") });
      a.click();
      URL.revokeObjectURL(url);
    } finally {
      setReporting(false);
    }
  };

  const totals = preview?.totals;
  const validRows = totals ? totals.new + totals.updated + totals.unchanged : 0;
  const busy = previewing || committing;

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardContent className="flex flex-col gap-4">
          <div className="grid gap-4 md:grid-cols-[minmax(0,18rem)_auto_minmax(0,1fr)] md:items-end">
            <div className="flex flex-col gap-1">
              <Label htmlFor="import-registry">{t("import.form.registry")}</Label>
              <Select
                id="import-registry"
                value={registry}
                disabled={busy}
                onChange={(e) => {
                  setRegistry(e.target.value as ImportRegistry);
                  reset({ keepFile: true });
                }}
              >
                {registries.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.label}
                  </option>
                ))}
              </Select>
            </div>
            <a
              href={`/import/template/${registry}`}
              download
              className={buttonVariants({ variant: "outline" })}
              data-testid="template-download"
            >
              <Download className="h-4 w-4" aria-hidden />
              {t("import.form.template")}
            </a>
            <div className="flex flex-col gap-1">
              <Label htmlFor="import-file">{t("import.form.file")}</Label>
              <div className="flex flex-wrap items-center gap-2">
                {/* The native picker's button text follows the browser's language; ours is Chinese-first. */}
                <input
                  ref={fileInput}
                  id="import-file"
                  name="file"
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  disabled={busy}
                  aria-describedby="import-file-hint"
                  className="peer sr-only"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    reset({ keepFile: true });
                  }}
                />
                <label
                  htmlFor="import-file"
                  className={cn(
                    buttonVariants({ variant: "outline" }),
                    "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-50",
                  )}
                >
                  <FileSpreadsheet className="h-4 w-4" aria-hidden />
                  {t("import.form.browse")}
                </label>
                <span className="min-w-0 flex-1 truncate text-sm text-slate-700" data-testid="import-file-name">
                  {file?.name ?? <span className="text-slate-500">{t("import.form.noFile")}</span>}
                </span>
                <Button onClick={runPreview} disabled={busy || !file}>
                  {previewing ? (
                    <Loader2 className="h-4 w-4 animate-spin" aria-hidden />
                  ) : (
                    <Upload className="h-4 w-4" aria-hidden />
                  )}
                  {previewing ? t("import.form.previewing") : t("import.form.preview")}
                </Button>
              </div>
              <p id="import-file-hint" className="text-xs text-slate-500">
                {t("import.form.fileHint")}
              </p>
            </div>
          </div>
          <div aria-live="polite" aria-atomic="true">
            {message ? (
              <p
                role="alert"
                data-testid="import-message"
                className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
              >
                <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                {message}
              </p>
            ) : null}
          </div>
        </CardContent>
      </Card>

      {result ? (
        <Card data-testid="import-result">
          <CardContent className="flex flex-col gap-3">
            <p className="flex items-start gap-2 text-sm font-medium text-emerald-800" role="status">
              <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              {t("import.result.done", result.counts)}
              {result.counts.skipped ? t("import.result.skipped", result.counts) : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              <Link href={result.list} className={buttonVariants({ variant: "default", size: "sm" })}>
                {t("import.result.viewList", { name: current.listLabel })}
              </Link>
              <Button variant="outline" size="sm" onClick={() => reset()}>
                {t("import.result.again")}
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : preview && totals ? (
        <Card data-testid="import-preview">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <FileSpreadsheet className="h-4 w-4 text-slate-500" aria-hidden />
              <span className="truncate">{t("import.preview.title", { file: preview.file })}</span>
            </CardTitle>
            <p className="text-xs text-slate-500">{t("import.preview.total", { count: validRows + totals.invalid })}</p>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <CountCard
                testId="count-new"
                label={t("import.preview.new")}
                value={totals.new}
                tone="text-emerald-700"
              />
              <CountCard
                testId="count-updated"
                label={t("import.preview.updated")}
                value={totals.updated}
                tone="text-brand-700"
              />
              <CountCard
                testId="count-unchanged"
                label={t("import.preview.unchanged")}
                value={totals.unchanged}
                tone="text-slate-700"
              />
              <CountCard
                testId="count-invalid"
                label={t("import.preview.invalid")}
                value={totals.invalid}
                tone={totals.invalid ? "text-red-700" : "text-slate-700"}
              />
            </div>

            {preview.sheets.length > 1 ? (
              <Table aria-label={t("import.preview.bySheet")}>
                <thead>
                  <tr>
                    <Th>{t("import.preview.sheet")}</Th>
                    <Th className="text-right">{t("import.preview.new")}</Th>
                    <Th className="text-right">{t("import.preview.updated")}</Th>
                    <Th className="text-right">{t("import.preview.unchanged")}</Th>
                    <Th className="text-right">{t("import.preview.invalid")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sheets.map((s) => (
                    <tr key={s.name}>
                      <Td>{s.name}</Td>
                      <Td className="tabular text-right">{s.counts.new}</Td>
                      <Td className="tabular text-right">{s.counts.updated}</Td>
                      <Td className="tabular text-right">{s.counts.unchanged}</Td>
                      <Td className={cn("tabular text-right", s.counts.invalid ? "text-red-700" : "")}>
                        {s.counts.invalid}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}

            {preview.updates.length ? (
              <section className="flex flex-col gap-2" aria-labelledby="import-updates-title">
                <h3 id="import-updates-title" className="text-sm font-semibold text-slate-800">
                  {t("import.preview.updates", { count: preview.updateCount })}
                </h3>
                {preview.updateCount > preview.updates.length ? (
                  <p className="text-xs text-slate-500">
                    {t("import.preview.updatesTruncated", { shown: preview.updates.length })}
                  </p>
                ) : null}
                <section
                  className="max-h-96 overflow-auto rounded-md border border-slate-200"
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be reachable by keyboard
                  tabIndex={0}
                  aria-labelledby="import-updates-title"
                >
                  <table className="w-full border-collapse text-sm" data-testid="import-updates">
                    <thead className="sticky top-0 z-10">
                      <tr>
                        {preview.sheets.length > 1 ? <Th>{t("import.preview.sheet")}</Th> : null}
                        <Th className="text-right">{t("import.preview.row")}</Th>
                        <Th>{t("import.preview.record")}</Th>
                        <Th>{t("import.preview.changes")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.updates.map((u) => (
                        <tr key={`${u.sheet}-${u.row}`} data-testid="import-update">
                          {preview.sheets.length > 1 ? <Td className="whitespace-nowrap">{u.sheet}</Td> : null}
                          <Td className="tabular text-right" data-testid="import-update-row">
                            {u.row}
                          </Td>
                          <Td className="min-w-40">{u.record}</Td>
                          <Td className="min-w-64">
                            <ul className="flex flex-col gap-0.5 text-xs">
                              {u.changes.map((c) => (
                                <li key={c.field} data-testid="import-update-change">
                                  <span className="text-slate-600">{c.label}：</span>
                                  <span className="text-slate-600 line-through decoration-slate-400">{c.before}</span>
                                  <span aria-hidden="true"> → </span>
                                  <span className="font-medium text-slate-900">{c.after}</span>
                                </li>
                              ))}
                            </ul>
                          </Td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </section>
            ) : null}

            {preview.errorCount ? (
              <section className="flex flex-col gap-2" aria-labelledby="import-errors-title">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 id="import-errors-title" className="text-sm font-semibold text-red-800">
                    {t("import.preview.errors", { count: preview.errorCount })}
                  </h3>
                  <Button variant="outline" size="sm" onClick={downloadReport} disabled={reporting}>
                    {reporting ? (
                      <Loader2 className="h-4 w-4 animate-spin" aria-hidden />
                    ) : (
                      <Download className="h-4 w-4" aria-hidden />
                    )}
                    {reporting ? t("import.preview.downloading") : t("import.preview.downloadReport")}
                  </Button>
                </div>
                {preview.errorCount > preview.errors.length ? (
                  <p className="text-xs text-slate-500">
                    {t("import.preview.errorsTruncated", { shown: preview.errors.length })}
                  </p>
                ) : null}
                <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
                  <table className="w-full border-collapse text-sm" data-testid="import-errors">
                    <thead className="sticky top-0 z-10">
                      <tr>
                        {preview.sheets.length > 1 ? <Th>{t("import.preview.sheet")}</Th> : null}
                        <Th className="text-right">{t("import.preview.row")}</Th>
                        <Th>{t("import.preview.column")}</Th>
                        <Th>{t("import.preview.value")}</Th>
                        <Th>{t("import.preview.reason")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.errors.map((e, i) => (
                        <tr key={`${e.sheet}-${e.row}-${e.column}-${i}`} data-testid="import-error">
                          {preview.sheets.length > 1 ? <Td className="whitespace-nowrap">{e.sheet}</Td> : null}
                          <Td className="tabular text-right" data-testid="import-error-row">
                            {e.row}
                          </Td>
                          <Td className="whitespace-nowrap" data-testid="import-error-column">
                            {e.column || "—"}
                          </Td>
                          <Td className="max-w-56 break-all font-mono text-xs">{e.value || "—"}</Td>
                          <Td className="min-w-64 text-red-800">{e.reason}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ) : (
              <p className="flex items-center gap-2 text-sm text-emerald-800">
                <CheckCircle2 className="h-4 w-4" aria-hidden />
                {totals.new + totals.updated ? t("import.preview.noErrors") : t("import.preview.nothingToWrite")}
              </p>
            )}

            <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4">
              <Button
                onClick={() => runCommit("all")}
                disabled={busy || totals.invalid > 0 || validRows === 0}
                title={totals.invalid > 0 ? t("import.preview.commitDisabled") : undefined}
              >
                {committing ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : null}
                {committing ? t("import.preview.committing") : t("import.preview.commit")}
              </Button>
              {totals.invalid > 0 && validRows > 0 ? (
                <ConfirmButton
                  variant="outline"
                  pending={busy}
                  message={t("import.preview.validOnlyConfirm", {
                    skipped: totals.invalid,
                    valid: validRows,
                    new: totals.new,
                    updated: totals.updated,
                  })}
                  onConfirm={() => runCommit("validOnly")}
                >
                  {t("import.preview.validOnly")}
                </ConfirmButton>
              ) : null}
              {totals.invalid > 0 ? (
                <span className="text-xs text-slate-500">{t("import.preview.commitDisabled")}</span>
              ) : null}
            </div>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>{t("import.steps.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="ml-5 flex list-decimal flex-col gap-1.5 text-sm text-slate-700" data-testid="import-steps">
              <li>{t("import.steps.one")}</li>
              <li>{t("import.steps.two")}</li>
              <li>{t("import.steps.three")}</li>
              <li>{t("import.steps.four")}</li>
            </ol>
            <p className="mt-3 text-xs text-slate-500">{t("import.steps.rules")}</p>
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function CountCard({ label, value, tone, testId }: { label: string; value: number; tone: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={cn("tabular text-2xl font-semibold", tone)} data-testid={testId}>
        {value.toLocaleString("zh-CN")}
      </div>
    </div>
  );
}
