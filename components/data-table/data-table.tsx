"use client";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowData,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Columns3 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/kpi/format";
import { PAGE_SIZES } from "@/lib/registry/search-params";
import { cn } from "@/lib/utils";
import { Pager } from "./pager";
import { TableUrlContext, useTableUrl } from "./use-table-url";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Kept in view while the table scrolls sideways (the record's name). */
    sticky?: boolean;
    /** Hidden until ticked under 显示列 (the user's choice is remembered). */
    secondary?: boolean;
  }
}

export type DataTableProps<Row> = {
  /** Stable id, used to remember which columns a user hid. */
  tableId: string;
  columns: ColumnDef<Row>[];
  data: Row[];
  total: number;
  pageCount: number;
  rowHref: (row: Row) => string;
  facetKeys?: string[];
  toolbar?: React.ReactNode;
  /** The column ids the server sorts by (its whitelist); their headers are sort buttons. */
  sortable?: readonly string[];
  /** Rows can be ticked (a checkbox column and a batch bar); absent = no selection. */
  selection?: TableSelection<Row>;
  /** A 合计 row under the rows: its label, and the cell of each summed column (computed over the whole filter). */
  footer?: { label: string; cells: Record<string, React.ReactNode> };
};

/** What is selected: the ticked rows of this page, or (all) every row of the current filter. */
export type SelectionState<Row> = { rows: Row[]; all: boolean; count: number; clear: () => void };

export type TableSelection<Row> = {
  rowId: (row: Row) => number;
  /** The record's name, for the checkbox's label (选择 <名称>). */
  rowLabel: (row: Row) => string;
  /** The batch actions for the selection (rendered at all times, so a result outlives the selection). */
  bar: (s: SelectionState<Row>) => React.ReactNode;
};

function columnLabel<Row>(c: ColumnDef<Row>): string {
  const h = c.header;
  return typeof h === "string" ? h : (c.id ?? "");
}

const TAP = "-m-1 inline-flex h-6 w-6 cursor-pointer items-center justify-center align-middle";

/** Server-driven table: TanStack Table renders, the URL holds page/sort, SQL does the work. */
export function DataTable<Row>({
  tableId,
  columns,
  data,
  total,
  pageCount,
  rowHref,
  facetKeys,
  toolbar,
  sortable: sortKeys,
  selection,
  footer,
}: DataTableProps<Row>) {
  const t = useT();
  const router = useRouter();
  const url = useTableUrl(facetKeys);
  const { state, setState, pending } = url;
  const page = Number(state.page) || 1;
  const perPage = Number(state.perPage) || 20;
  const [sortCol, sortDir] = String(state.sort || "").split(".");
  const sorting: SortingState = sortCol ? [{ id: sortCol, desc: sortDir === "desc" }] : [];
  // Secondary columns start hidden; what the user ticks or unticks under 显示列 is remembered per table.
  const defaultHidden = useMemo<VisibilityState>(
    () => Object.fromEntries(columns.filter((c) => c.meta?.secondary && c.id).map((c) => [c.id as string, false])),
    [columns],
  );
  const [visibility, setVisibility] = useState<VisibilityState>(defaultHidden);
  const [showColumns, setShowColumns] = useState(false);
  const columnsButton = useRef<HTMLButtonElement>(null);
  const columnsPanel = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    try {
      const saved = localStorage.getItem(`columns:${tableId}`);
      if (saved) setVisibility({ ...defaultHidden, ...JSON.parse(saved) });
    } catch {
      // a corrupt preference is simply ignored
    }
  }, [tableId, defaultHidden]);

  // 显示列 closes with Escape (focus back on its button) or a click elsewhere.
  useEffect(() => {
    if (!showColumns) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setShowColumns(false);
      columnsButton.current?.focus();
    };
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!columnsPanel.current?.contains(target) && !columnsButton.current?.contains(target)) setShowColumns(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [showColumns]);

  // Selection: ticked ids of this page, or every row of the filter (resolved by the server from the URL).
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  // A new page, sort or filter (or the data after a write) starts from an empty selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the rows change
  useEffect(() => {
    setPicked(new Set());
    setAllMatching(false);
  }, [data]);
  const pageIds = useMemo(() => (selection ? data.map(selection.rowId) : []), [data, selection]);
  const pageAll = pageIds.length > 0 && pageIds.every((id) => picked.has(id));
  const pageSome = pageIds.some((id) => picked.has(id));
  const allColumns = useMemo<ColumnDef<Row>[]>(() => {
    if (!selection) return columns;
    const select: ColumnDef<Row> = {
      id: "_select",
      enableHiding: false,
      // Each checkbox sits in a 24 px label: the whole square toggles it (the tap-target minimum).
      header: () => (
        <label className={TAP}>
          <input
            type="checkbox"
            className="h-4 w-4"
            aria-label={t("registry.batch.selectPage")}
            checked={pageAll}
            ref={(el) => {
              if (el) el.indeterminate = pageSome && !pageAll;
            }}
            onChange={(e) => {
              setAllMatching(false);
              setPicked(e.target.checked ? new Set(pageIds) : new Set());
            }}
          />
        </label>
      ),
      cell: ({ row }) => {
        const id = selection.rowId(row.original);
        return (
          <label className={TAP}>
            <input
              type="checkbox"
              className="h-4 w-4"
              aria-label={t("registry.batch.selectRow", { name: selection.rowLabel(row.original) })}
              checked={picked.has(id)}
              onChange={(e) => {
                const on = e.target.checked;
                setAllMatching(false);
                setPicked((old) => {
                  const next = new Set(old);
                  if (on) next.add(id);
                  else next.delete(id);
                  return next;
                });
              }}
            />
          </label>
        );
      },
    };
    return [select, ...columns];
  }, [columns, selection, picked, pageAll, pageSome, pageIds, t]);
  const selectedRows = selection ? data.filter((r) => picked.has(selection.rowId(r))) : [];
  const selectedCount = allMatching ? total : selectedRows.length;
  const clear = () => {
    setPicked(new Set());
    setAllMatching(false);
  };

  const table = useReactTable({
    data,
    columns: allColumns,
    pageCount,
    state: { sorting, columnVisibility: visibility, pagination: { pageIndex: page - 1, pageSize: perPage } },
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    onColumnVisibilityChange: (updater) => {
      setVisibility((old) => {
        const next = typeof updater === "function" ? updater(old) : updater;
        localStorage.setItem(`columns:${tableId}`, JSON.stringify(next));
        return next;
      });
    },
    getCoreRowModel: getCoreRowModel(),
  });

  const toggleSort = (id: string) => {
    const next = sortCol !== id ? `${id}.asc` : sortDir === "asc" ? `${id}.desc` : "";
    setState({ sort: next || null, page: 1 });
  };

  return (
    <TableUrlContext.Provider value={url}>
      <div className="flex flex-col">
        <div className="flex flex-wrap items-end gap-2 border-b border-slate-100 p-3">
          <div className="flex min-w-0 flex-1 flex-wrap items-end gap-2">{toolbar}</div>
          <div className="relative">
            <button
              ref={columnsButton}
              type="button"
              className="inline-flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100"
              aria-expanded={showColumns}
              aria-controls={`columns-${tableId}`}
              onClick={() => setShowColumns((v) => !v)}
            >
              <Columns3 className="h-4 w-4" />
              {t("registry.columns")}
            </button>
            {showColumns ? (
              <fieldset
                ref={columnsPanel}
                id={`columns-${tableId}`}
                className="absolute right-0 z-30 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
              >
                <legend className="sr-only">{t("registry.columns")}</legend>
                {table
                  .getAllLeafColumns()
                  .filter((c) => c.getCanHide())
                  .map((c) => (
                    <label key={c.id} className="flex items-center gap-2 px-1 py-1 text-sm">
                      <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />
                      {columnLabel(c.columnDef)}
                    </label>
                  ))}
              </fieldset>
            ) : null}
          </div>
        </div>
        {selection ? (
          <section
            aria-label={t("registry.batch.bar")}
            className={
              selectedCount > 0
                ? "flex flex-wrap items-center gap-2 border-b border-brand-100 bg-brand-50 px-3 py-2 text-sm"
                : "flex flex-wrap items-center gap-2 px-3 empty:hidden"
            }
          >
            <span aria-live="polite" data-testid="selection-count" className="font-medium text-slate-800">
              {selectedCount > 0
                ? allMatching
                  ? t("registry.batch.selectedAll", { count: formatNumber(total) })
                  : t("registry.batch.selected", { count: selectedCount })
                : ""}
            </span>
            {selectedCount > 0 && pageAll && !allMatching && total > data.length ? (
              <button
                type="button"
                className="text-brand-700 underline-offset-2 hover:underline"
                onClick={() => setAllMatching(true)}
              >
                {t("registry.batch.selectAll", { count: formatNumber(total) })}
              </button>
            ) : null}
            {selectedCount > 0 ? (
              <button type="button" className="text-slate-600 underline-offset-2 hover:underline" onClick={clear}>
                {t("registry.batch.clear")}
              </button>
            ) : null}
            {selection.bar({ rows: selectedRows, all: allMatching, count: selectedCount, clear })}
          </section>
        ) : null}
        {/* Scrolls inside itself, so the header row stays on top and the name column on the left, as in a sheet. */}
        <div className="max-h-[calc(100dvh-11rem)] w-full overflow-auto" aria-busy={pending}>
          <table className="data-table w-full border-collapse text-sm" data-testid={`table-${tableId}`}>
            <thead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const sortable = sortKeys ? sortKeys.includes(h.column.id) : h.column.getCanSort();
                    const dir = sorting[0]?.id === h.column.id ? (sorting[0].desc ? "desc" : "asc") : null;
                    return (
                      <th
                        key={h.id}
                        className={cn(
                          "sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600",
                          h.column.columnDef.meta?.sticky && "left-0 z-20 shadow-[1px_0_0_var(--color-slate-200)]",
                        )}
                        aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : undefined}
                      >
                        {sortable ? (
                          <button
                            type="button"
                            className="inline-flex items-center gap-1 hover:text-slate-900"
                            onClick={() => toggleSort(h.column.id)}
                          >
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            {dir === "asc" ? (
                              <ArrowUp className="h-3.5 w-3.5" />
                            ) : dir === "desc" ? (
                              <ArrowDown className="h-3.5 w-3.5" />
                            ) : (
                              <ArrowUpDown className="h-3.5 w-3.5 text-slate-300" />
                            )}
                          </button>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {pending
                ? // Loading skeleton while the server runs the new page/sort/filter query.
                  Array.from({ length: Math.min(Math.max(data.length, 5), 20) }, (_, i) => (
                    <tr key={`skeleton-${i}`} aria-hidden>
                      {table.getVisibleLeafColumns().map((c) => (
                        <td key={c.id}>
                          <div className="h-4 animate-pulse rounded bg-slate-100" />
                        </td>
                      ))}
                    </tr>
                  ))
                : null}
              {!pending &&
                table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    className="cursor-pointer"
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest("a,button,input,label")) return;
                      router.push(rowHref(row.original));
                    }}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={
                          cell.column.columnDef.meta?.sticky
                            ? "sticky-cell sticky left-0 z-[1] shadow-[1px_0_0_var(--color-slate-200)]"
                            : undefined
                        }
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
            {footer && data.length > 0 ? (
              <tfoot data-testid="table-total">
                <tr className="bg-slate-50 font-medium">
                  {table.getVisibleLeafColumns().map((c, i, all) => {
                    const labelAt = all.findIndex((x) => x.id !== "_select");
                    return (
                      <td
                        key={c.id}
                        className={cn(
                          "sticky bottom-0 border-t border-slate-200 bg-slate-50",
                          c.columnDef.meta?.sticky && "left-0 z-[2]",
                        )}
                      >
                        {c.id in footer.cells ? footer.cells[c.id] : i === labelAt ? footer.label : null}
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            ) : null}
          </table>
          {data.length === 0 && !pending ? (
            <EmptyState title={t("common.empty")} hint={t("registry.emptyHint")} />
          ) : null}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-3 text-sm text-slate-600">
          <span data-testid="total-count">{t("common.total", { count: formatNumber(total) })}</span>
          <div className="flex flex-wrap items-center gap-2">
            <select
              aria-label={t("registry.pageSize")}
              className="h-8 rounded-md border border-slate-300 bg-white px-2"
              value={perPage}
              onChange={(e) => setState({ perPage: Number(e.target.value), page: 1 })}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {t("common.perPage", { n })}
                </option>
              ))}
            </select>
            <Pager page={page} pageCount={pageCount} pending={pending} go={(p) => setState({ page: p })} />
          </div>
        </div>
      </div>
    </TableUrlContext.Provider>
  );
}
