"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DeletedToggle, type FacetOption, FacetSelect, SearchBox } from "@/components/data-table/toolbar";
import { AmountCell, SampleBadge } from "@/components/registry/cells";
import { Badge } from "@/components/ui/badge";
import { INCUBATOR_FACETS } from "@/features/incubators/facets";
import type { IncubatorListRow } from "@/features/incubators/queries";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/time";

const STATUS_TONE = { active: "ok", revoked: "bad" } as const;
const LEVEL_TONE = { national: "brand", municipal: "neutral", district: "neutral" } as const;

export function IncubatorsTable({
  rows,
  total,
  pageCount,
  facets,
  canRestore,
}: {
  rows: IncubatorListRow[];
  total: number;
  pageCount: number;
  facets: Record<"type" | "level" | "street" | "status", FacetOption[]>;
  canRestore: boolean;
}) {
  const t = useT();
  const columns = useMemo<ColumnDef<IncubatorListRow>[]>(
    () => [
      {
        id: "name",
        accessorFn: (r) => r.name,
        header: t("incubators.fields.name"),
        enableHiding: false,
        cell: ({ row }) => (
          <span className="block min-w-48">
            <Link href={`/incubators/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
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
        header: t("incubators.fields.type"),
        enableSorting: false,
        cell: ({ row }) => <span className="whitespace-nowrap">{row.original.type}</span>,
      },
      {
        id: "level",
        header: t("incubators.fields.level"),
        enableSorting: false,
        cell: ({ row }) => (
          <Badge tone={LEVEL_TONE[row.original.level]}>{t(`registry.levels.${row.original.level}`)}</Badge>
        ),
      },
      {
        id: "operator",
        header: t("incubators.fields.operator"),
        enableSorting: false,
        cell: ({ row }) => <span className="block min-w-32">{row.original.operator}</span>,
      },
      {
        id: "street",
        header: t("incubators.fields.street"),
        enableSorting: false,
        cell: ({ row }) => <span className="whitespace-nowrap">{row.original.street ?? ""}</span>,
      },
      {
        id: "incubatedTotal",
        accessorFn: (r) => r.incubatedTotal,
        header: t("incubators.columns.incubatedTotal"),
        cell: ({ row }) => <AmountCell value={row.original.incubatedTotal} />,
      },
      {
        id: "graduatedTotal",
        header: t("incubators.columns.graduatedTotal"),
        enableSorting: false,
        cell: ({ row }) => <AmountCell value={row.original.graduatedTotal} />,
      },
      {
        id: "ipItems",
        accessorFn: (r) => r.ipItems,
        header: t("incubators.columns.ipItems"),
        cell: ({ row }) => <AmountCell value={row.original.ipItems} />,
      },
      {
        id: "highTechCultivated",
        accessorFn: (r) => r.highTechCultivated,
        header: t("incubators.columns.highTechCultivated"),
        cell: ({ row }) => <AmountCell value={row.original.highTechCultivated} />,
      },
      {
        id: "currentTenants",
        header: t("incubators.columns.currentTenants"),
        enableSorting: false,
        cell: ({ row }) => <AmountCell value={row.original.currentTenants} />,
      },
      {
        id: "createdAt",
        accessorFn: (r) => r.createdAt,
        header: t("incubators.fields.createdAt"),
        cell: ({ row }) => (
          <span className="tabular whitespace-nowrap">{formatDateTime(row.original.createdAt).slice(0, 10)}</span>
        ),
      },
      {
        id: "status",
        header: t("incubators.fields.status"),
        enableSorting: false,
        cell: ({ row }) => (
          <Badge tone={STATUS_TONE[row.original.status]}>{t(`registry.recordStatus.${row.original.status}`)}</Badge>
        ),
      },
    ],
    [t],
  );
  const keys = INCUBATOR_FACETS;
  return (
    <DataTable
      tableId="incubators"
      columns={columns}
      data={rows}
      total={total}
      pageCount={pageCount}
      rowHref={(r) => `/incubators/${r.id}`}
      facetKeys={keys}
      toolbar={
        <>
          <SearchBox placeholder={t("incubators.searchPlaceholder")} facetKeys={keys} />
          <FacetSelect name="type" label={t("incubators.fields.type")} options={facets.type} facetKeys={keys} />
          <FacetSelect name="level" label={t("incubators.fields.level")} options={facets.level} facetKeys={keys} />
          <FacetSelect name="street" label={t("incubators.fields.street")} options={facets.street} facetKeys={keys} />
          <FacetSelect name="status" label={t("incubators.fields.status")} options={facets.status} facetKeys={keys} />
          {canRestore ? <DeletedToggle facetKeys={keys} /> : null}
        </>
      }
    />
  );
}
