import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { type T, tDynamic } from "@/lib/i18n/core";
import type { HistoryEntry } from "@/lib/registry/history";
import { formatDateTime } from "@/lib/time";

/** A value with no field to say how it reads (callers normally pass a formatter built from the definition). */
function show(t: T, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** "通过导入 xxx.xlsx 新增/修改" for rows an import wrote, else the action's name. */
function entryTitle(t: T, e: HistoryEntry): string {
  const file = e.detail && typeof e.detail.file === "string" && e.detail.importLogId != null ? e.detail.file : null;
  if (file) return t(e.before ? "import.history.updated" : "import.history.created", { file });
  return tDynamic(t, `actions.${e.action}`, e.action);
}

/** Every change to a record: who, when, and field by field before → after (from the operation log). */
export function HistoryList({
  t,
  entries,
  fieldLabel,
  formatValue,
}: {
  t: T;
  entries: HistoryEntry[];
  fieldLabel: (field: string, objectType: string | null) => string;
  formatValue?: (field: string, value: unknown, objectType: string | null) => string;
}) {
  if (entries.length === 0) return <EmptyState title={t("registry.history.empty")} />;
  const format = formatValue ?? ((_f: string, v: unknown) => show(t, v));
  return (
    <ol className="flex flex-col gap-4" data-testid="history">
      {entries.map((e) => {
        const fields = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
        return (
          <li key={e.id} className="rounded-md border border-slate-200" data-testid="history-entry">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 bg-slate-50 px-3 py-2 text-sm">
              <span className="font-medium">{entryTitle(t, e)}</span>
              <span className="tabular text-slate-500">{formatDateTime(e.createdAt)}</span>
              <span className="text-slate-500">
                {t("registry.history.by")}
                {t("common.colon")}
                <span translate="no">{e.userName ?? e.username ?? "—"}</span>
              </span>
            </div>
            {fields.length ? (
              <Table>
                <thead>
                  <tr>
                    <Th className="w-1/4 min-w-24">{t("registry.history.field")}</Th>
                    <Th>{t("registry.history.before")}</Th>
                    <Th>{t("registry.history.after")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((f) => (
                    <tr key={f}>
                      <Td>{fieldLabel(f, e.objectType)}</Td>
                      <Td className="break-all text-slate-500 line-through decoration-slate-300">
                        {e.before ? format(f, e.before[f], e.objectType) : ""}
                      </Td>
                      <Td className="break-all">{e.after ? format(f, e.after[f], e.objectType) : ""}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : e.before ? (
              // A save that changed nothing is still a save someone made: say so rather than show an empty box.
              <p className="px-3 py-2 text-sm text-slate-500">{t("registry.history.noChanges")}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
