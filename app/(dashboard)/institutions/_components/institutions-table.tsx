"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DeletedToggle, type FacetOption, FacetSelect, SearchBox } from "@/components/data-table/toolbar";
import { useTableUrl } from "@/components/data-table/use-table-url";
import { SampleBadge } from "@/components/registry/cells";
import { Badge } from "@/components/ui/badge";
import { INSTITUTION_FACETS } from "@/features/institutions/facets";
import type { InstitutionListRow } from "@/features/institutions/queries";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/time";

const STATUS_TONE = { active: "ok", revoked: "bad" } as const;
const LEVEL_TONE = { national: "brand", municipal: "neutral", district: "neutral" } as const;

export function InstitutionsTable({
  rows,
  total,
  pageCount,
  facets,
  canRestore,
}: {
  rows: InstitutionListRow[];
  total: number;
  pageCount: number;
  facets: Record<"type" | "level" | "status", FacetOption[]>;
  canRestore: boolean;
}) {
  const t = useT();
  const columns = useMemo<ColumnDef<InstitutionListRow>[]>(
    () => [
      {
        id: "name",
        // an accessor makes the header a sort button (the sort itself runs in SQL)
        accessorKey: "name",
        header: t("institutions.fields.name"),
        enableHiding: false,
        cell: ({ row }) => (
          <span className="block min-w-48 wrap-anywhere">
            <Link href={`/institutions/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
              {row.original.name}
            </Link>
            {row.original.isSample ? <SampleBadge label={t("registry.sampleBadge")} /> : null}
            {row.original.deletedAt ? (
              <Badge tone="bad" className="ml-1">
                {t("registry.deletedBadge")}
              </Badge>
            ) : null}
          </span>
        ),
      },
      {
        id: "type",
        header: t("institutions.fields.type"),
        enableSorting: false,
        cell: ({ row }) => <span className="whitespace-nowrap">{row.original.type}</span>,
      },
      {
        id: "level",
        header: t("institutions.fields.level"),
        enableSorting: false,
        cell: ({ row }) => (
          <Badge tone={LEVEL_TONE[row.original.level]}>{t(`registry.levels.${row.original.level}`)}</Badge>
        ),
      },
      {
        id: "host",
        header: t("institutions.fields.host"),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="block min-w-40">
            {row.original.hostEnterpriseId && row.original.hostEnterprise ? (
              <Link href={`/enterprises/${row.original.hostEnterpriseId}`} className="text-brand-700 hover:underline">
                {row.original.hostEnterprise}
              </Link>
            ) : null}
            {row.original.hostOrganisation ? (
              <span className={row.original.hostEnterprise ? "block text-xs text-slate-500" : undefined}>
                {row.original.hostOrganisation}
              </span>
            ) : null}
          </span>
        ),
      },
      {
        id: "recognisedDate",
        accessorKey: "recognisedDate",
        header: t("institutions.fields.recognisedDate"),
        cell: ({ row }) => <span className="tabular whitespace-nowrap">{row.original.recognisedDate}</span>,
      },
      {
        id: "field",
        header: t("institutions.fields.field"),
        enableSorting: false,
        cell: ({ row }) => <span className="block min-w-28">{row.original.field ?? ""}</span>,
      },
      {
        id: "staffCount",
        accessorKey: "staffCount",
        header: t("institutions.fields.staffCount"),
        cell: ({ row }) => <span className="block text-right tabular">{row.original.staffCount ?? ""}</span>,
      },
      {
        id: "status",
        header: t("institutions.fields.status"),
        enableSorting: false,
        cell: ({ row }) => (
          <Badge tone={STATUS_TONE[row.original.status]}>{t(`registry.recordStatus.${row.original.status}`)}</Badge>
        ),
      },
      {
        id: "createdAt",
        accessorKey: "createdAt",
        header: t("institutions.fields.createdAt"),
        cell: ({ row }) => (
          <span className="tabular whitespace-nowrap">{formatDateTime(row.original.createdAt).slice(0, 10)}</span>
        ),
      },
    ],
    [t],
  );
  const keys = INSTITUTION_FACETS;
  return (
    <DataTable
      tableId="institutions"
      columns={columns}
      data={rows}
      total={total}
      pageCount={pageCount}
      rowHref={(r) => `/institutions/${r.id}`}
      facetKeys={keys}
      toolbar={
        <>
          <SearchBox placeholder={t("institutions.searchPlaceholder")} facetKeys={keys} />
          <FacetSelect name="type" label={t("institutions.fields.type")} options={facets.type} facetKeys={keys} />
          <FacetSelect name="level" label={t("institutions.fields.level")} options={facets.level} facetKeys={keys} />
          <FacetSelect name="status" label={t("institutions.fields.status")} options={facets.status} facetKeys={keys} />
          <YearInput name="yearFrom" label={t("institutions.filters.yearFrom")} facetKeys={keys} />
          <YearInput name="yearTo" label={t("institutions.filters.yearTo")} facetKeys={keys} />
          {canRestore ? <DeletedToggle facetKeys={keys} /> : null}
        </>
      }
    />
  );
}

/** A recognised-year bound bound to the URL (applied when a full four-digit year is typed, or cleared). */
function YearInput({ name, label, facetKeys }: { name: string; label: string; facetKeys: string[] }) {
  const { state, setState } = useTableUrl(facetKeys);
  const current = String(state[name] ?? "");
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  useEffect(() => {
    if (value === current || (value !== "" && !/^\d{4}$/.test(value))) return;
    const timer = setTimeout(() => setState({ [name]: value || null, page: 1 }), 350);
    return () => clearTimeout(timer);
  }, [value, current, name, setState]);
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-500">
      {label}
      <input
        type="text"
        inputMode="numeric"
        name={name}
        aria-label={label}
        maxLength={4}
        value={value}
        onChange={(e) => setValue(e.target.value.replace(/\D/g, ""))}
        className="h-9 w-24 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 tabular"
      />
    </label>
  );
}
