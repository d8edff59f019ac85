"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DeletedToggle, type FacetOption, FacetSelect, SearchBox, YearInput } from "@/components/data-table/toolbar";
import { AmountCell, SampleBadge, WebLink } from "@/components/registry/cells";
import { Badge } from "@/components/ui/badge";
import type { SavedFilterList } from "@/features/saved-filters/keys";
import { type SavedFilterItem, SavedFiltersMenu } from "@/features/saved-filters/menu";
import { useT } from "@/lib/i18n/client";
import type { T } from "@/lib/i18n/translate";
import { tDynamic } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/time";
import type { BatchActions } from "../batch-types";
import { type Column, columnOf, type RegistryDefinition } from "../define";
import { facetKeys, type RegistryRow, sortKeys } from "../search";
import { BatchBar } from "./batch-bar";

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** One list cell, by the column's kind and list options. */
function cell(def: RegistryDefinition, key: string, c: Column, row: RegistryRow, t: T): React.ReactNode {
  const v = row[key];
  const width = c.list?.width;
  if (c.list?.title) {
    return (
      <span className={`block ${width ?? ""}`}>
        <Link href={`${def.path}/${row.id}`} className="font-medium text-brand-700 hover:underline" translate="no">
          {str(v)}
        </Link>
        {row.isSample ? <SampleBadge label={t("registry.sampleBadge")} /> : null}
        {row.deletedAt ? (
          <Badge tone="bad" className="ml-1">
            {t("registry.deletedBadge")}
          </Badge>
        ) : null}
        {row.reviewState === "pending" || row.reviewState === "returned" ? (
          <Badge tone={row.reviewState === "returned" ? "bad" : "warn"} className="ml-1">
            {t(`review.badge.${row.reviewState}`)}
          </Badge>
        ) : row.pendingChange ? (
          <Badge tone="warn" className="ml-1">
            {t("review.badge.change")}
          </Badge>
        ) : null}
      </span>
    );
  }
  switch (c.kind) {
    case "creditCode":
    case "phone":
    case "idNumber":
      return <span className="font-mono text-xs whitespace-nowrap">{str(v)}</span>;
    case "date":
    case "datetime":
      return (
        <span className="tabular whitespace-nowrap">
          {c.kind === "datetime" ? formatDateTime(str(v)).slice(0, 10) : str(v)}
        </span>
      );
    case "year":
      return <span className="tabular">{str(v)}</span>;
    case "url":
      return v ? <WebLink href={str(v)} /> : null;
    case "number":
      return <AmountCell value={v as number | null} />;
    case "bool":
      return v ? t("common.yes") : t("common.no");
    case "enum": {
      const label = v ? tDynamic(t, `${c.labels}.${v}`, str(v)) : "";
      const tone = c.tones?.[str(v)];
      return tone ? <Badge tone={tone}>{label}</Badge> : label;
    }
    case "enterpriseRef": {
      const id = row[`${key}:id`];
      const also = c.list?.with ? str(row[c.list.with]) : "";
      return (
        <span className={`block ${width ?? ""}`}>
          {id && v ? (
            <Link href={`/enterprises/${id}`} className="text-brand-700 hover:underline" translate="no">
              {str(v)}
            </Link>
          ) : (
            <span translate="no">{str(v) || null}</span>
          )}
          {also ? (
            <span className={id && v ? "block text-xs text-slate-500" : undefined} translate="no">
              {also}
            </span>
          ) : null}
        </span>
      );
    }
    default:
      // A record's own text is data (never translated); a dictionary label is in the interface's language.
      return width ? (
        <span className={`block ${width}`} translate={c.kind === "text" ? "no" : undefined}>
          {str(v)}
        </span>
      ) : (
        <span
          className={c.kind === "dict" ? "whitespace-nowrap" : undefined}
          translate={c.kind === "text" ? "no" : undefined}
        >
          {str(v)}
        </span>
      );
  }
}

/**
 * A registry's list: columns, sortable headers and toolbar filters from its definition; paging, sort and
 * filters live in the URL and run in SQL. `options`: the filters' choices (dictionary items, enum labels, years).
 */
export function RegistryTable({
  definition: def,
  rows,
  total,
  pageCount,
  options,
  canRestore,
  batch,
  sums,
  savedFilters,
}: {
  definition: RegistryDefinition;
  rows: RegistryRow[];
  total: number;
  pageCount: number;
  options: Record<string, FacetOption[]>;
  canRestore: boolean;
  /** The batch actions this user may run; none → no selection column. */
  batch?: BatchActions;
  /** 合计 of the summed columns over the whole filter. */
  sums?: Record<string, number | null>;
  /** The user's saved filters of this list (已存筛选). */
  savedFilters?: { list: SavedFilterList; items: SavedFilterItem[] };
}) {
  const t = useT();
  const params = useSearchParams();
  const showingDeleted = canRestore && params.get("deleted") === "true";
  const titleKey = (def.list ?? []).find((k) => columnOf(def, k).list?.title) ?? "name";
  const hasBatch = !!batch && (batch.export || batch.remove || batch.status || (batch.restore && showingDeleted));
  const selection = useMemo(
    () =>
      hasBatch && batch
        ? {
            rowId: (r: RegistryRow) => r.id,
            rowLabel: (r: RegistryRow) => str(r[titleKey]),
            bar: (s: Parameters<typeof BatchBar>[0]["selection"]) => (
              <BatchBar definition={def} selection={s} actions={batch} showingDeleted={showingDeleted} />
            ),
          }
        : undefined,
    [hasBatch, batch, def, titleKey, showingDeleted],
  );
  const columns = useMemo<ColumnDef<RegistryRow>[]>(
    () =>
      (def.list ?? []).map((key) => {
        const c = columnOf(def, key);
        return {
          id: key,
          header: t(c.list?.header ?? c.label),
          enableHiding: !c.list?.title,
          meta: { sticky: !!c.list?.title, secondary: !!c.list?.secondary },
          cell: ({ row }) => cell(def, key, c, row.original, t),
        };
      }),
    [def, t],
  );
  const keys = useMemo(() => facetKeys(def), [def]);
  const filters = (def.filters ?? []).flatMap((key) => {
    const c = columnOf(def, key);
    const f = c.filter;
    if (!f || f.toolbar === false) return [];
    if ("param" in f)
      return [
        <FacetSelect key={f.param} name={f.param} label={t(f.label ?? c.label)} options={options[f.param] ?? []} />,
      ];
    return f.range.map((name, i) => {
      const label = t(f.labels?.[i] ?? c.label);
      return c.kind === "year" ? (
        <FacetSelect key={name} name={name} label={label} options={options[name] ?? []} />
      ) : (
        <YearInput key={name} name={name} label={label} />
      );
    });
  });
  return (
    <DataTable
      tableId={def.path.slice(1)}
      sortable={sortKeys(def)}
      columns={columns}
      data={rows}
      total={total}
      pageCount={pageCount}
      rowHref={(r) => `${def.path}/${r.id}`}
      facetKeys={keys}
      selection={selection}
      footer={
        sums
          ? {
              label: t("daily.sumRow"),
              cells: Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, <AmountCell key={k} value={v} />])),
            }
          : undefined
      }
      toolbar={
        <>
          <SearchBox placeholder={t(def.searchPlaceholder ?? "common.search")} />
          {filters}
          {canRestore ? <DeletedToggle /> : null}
          {savedFilters ? <SavedFiltersMenu list={savedFilters.list} items={savedFilters.items} /> : null}
        </>
      }
    />
  );
}
