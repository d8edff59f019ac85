"use client";
import { Download, FileSpreadsheet, RotateCcw, Trash2 } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import type { SelectionState } from "@/components/data-table/data-table";
import { buttonVariants } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { tDynamic } from "@/lib/i18n/translate";
import type { BatchActionResult, BatchActions, BatchResult, BatchSelectionInput } from "../batch-types";
import { columnOf, type RegistryDefinition } from "../define";
import type { RegistryRow } from "../search";

/**
 * The list's batch actions for a selection: 导出所选 (the export route narrowed to the ticked ids, or the filter
 * itself), 批量删除 / 批量恢复 / 批量修改状态 with a confirmation stating the count, and the result summary
 * (成功 n 条，失败 m 条 with each refused record's name and reason).
 */
export function BatchBar({
  definition: def,
  selection,
  actions,
  showingDeleted,
}: {
  definition: RegistryDefinition;
  selection: SelectionState<RegistryRow>;
  actions: BatchActions;
  showingDeleted: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ result?: BatchResult; error?: string } | null>(null);
  const statusColumn = actions.status ? columnOf(def, actions.status.field) : undefined;
  const statusValues = statusColumn?.kind === "enum" ? statusColumn.values : [];
  const [status, setStatus] = useState<string>(statusValues[0] ?? "");
  const { count } = selection;

  const query = new URLSearchParams(params.toString());
  for (const k of ["page", "perPage", "format", "ids"]) query.delete(k);
  const payload = (): BatchSelectionInput =>
    selection.all
      ? { mode: "filter", query: query.toString(), expected: count }
      : { mode: "ids", rows: selection.rows.map((r) => ({ id: r.id, version: r.version })) };
  const exportHref = (format: "csv" | "xlsx") => {
    const q = new URLSearchParams(query);
    if (!selection.all) q.set("ids", selection.rows.map((r) => r.id).join(","));
    if (format === "xlsx") q.set("format", "xlsx");
    return `${def.path}/export?${q.toString()}`;
  };
  const run = (action: (input: unknown) => Promise<BatchActionResult>, extra: Record<string, unknown> = {}) =>
    start(async () => {
      setOutcome(null);
      const res = await action({ selection: payload(), ...extra });
      if (res.ok) {
        setOutcome({ result: res.data });
        selection.clear();
        router.refresh();
      } else setOutcome({ error: res.message });
    });

  return (
    <>
      {count > 0 ? (
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          {actions.export ? (
            <>
              <a href={exportHref("csv")} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <Download className="h-4 w-4" />
                {t("registry.batch.exportCsv")}
              </a>
              <a href={exportHref("xlsx")} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <FileSpreadsheet className="h-4 w-4" />
                {t("registry.batch.exportXlsx")}
              </a>
            </>
          ) : null}
          {actions.status && !showingDeleted && statusColumn?.kind === "enum" ? (
            <span className="inline-flex items-center gap-1">
              <select
                aria-label={t("registry.batch.statusTo")}
                className="h-8 rounded-md border border-slate-300 bg-white px-2"
                value={status}
                onChange={(e) => setStatus(e.target.value)}
              >
                {statusValues.map((v) => (
                  <option key={v} value={v}>
                    {tDynamic(t, `${statusColumn.labels}.${v}`, v)}
                  </option>
                ))}
              </select>
              <ConfirmButton
                size="sm"
                variant="outline"
                pending={pending}
                message={t("registry.batch.confirmStatus", {
                  count,
                  status: tDynamic(t, `${statusColumn.labels}.${status}`, status),
                })}
                onConfirm={() => actions.status && run(actions.status.action, { status })}
              >
                {t("registry.batch.status")}
              </ConfirmButton>
            </span>
          ) : null}
          {actions.remove && !showingDeleted ? (
            <ConfirmButton
              size="sm"
              variant="destructive"
              pending={pending}
              message={t("registry.batch.confirmDelete", { count })}
              confirmLabel={t("registry.delete")}
              onConfirm={() => actions.remove && run(actions.remove)}
            >
              <Trash2 className="h-4 w-4" />
              {t("registry.batch.delete")}
            </ConfirmButton>
          ) : null}
          {actions.restore && showingDeleted ? (
            <ConfirmButton
              size="sm"
              variant="outline"
              pending={pending}
              message={t("registry.batch.confirmRestore", { count })}
              confirmLabel={t("registry.restore")}
              onConfirm={() => actions.restore && run(actions.restore)}
            >
              <RotateCcw className="h-4 w-4" />
              {t("registry.batch.restore")}
            </ConfirmButton>
          ) : null}
        </div>
      ) : null}
      {outcome ? (
        <div className="basis-full py-2" data-testid="batch-result">
          {outcome.error ? (
            <p role="alert" className="text-red-700">
              {outcome.error}
            </p>
          ) : outcome.result ? (
            <div role="status">
              <p className="font-medium">
                {t("registry.batch.result", { ok: outcome.result.ok, failed: outcome.result.failed.length })}
              </p>
              {outcome.result.failed.length ? (
                <details open className="mt-1">
                  <summary className="cursor-pointer text-slate-600">{t("registry.batch.failures")}</summary>
                  <ul className="mt-1 list-disc pl-5 text-slate-700">
                    {outcome.result.failed.map((f) => (
                      <li key={f.id}>
                        <span className="font-medium" translate="no">
                          {f.name}
                        </span>
                        {t("common.colon")}
                        {f.reason}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
