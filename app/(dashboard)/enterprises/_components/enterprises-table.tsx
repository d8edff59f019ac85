"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DeletedToggle, type FacetOption, FacetSelect, SearchBox } from "@/components/data-table/toolbar";
import { AmountCell, SampleBadge } from "@/components/registry/cells";
import { Badge } from "@/components/ui/badge";
import { ENTERPRISE_FACETS } from "@/features/enterprises/facets";
import type { EnterpriseListRow } from "@/features/enterprises/list-query";
import { useT } from "@/lib/i18n/client";

const STATUS_TONE = { active: "ok", deregistered: "bad", moved_out: "warn" } as const;

export function EnterprisesTable({
  rows,
  total,
  pageCount,
  facets,
  canRestore,
}: {
  rows: EnterpriseListRow[];
  total: number;
  pageCount: number;
  facets: Record<"street" | "park" | "chain" | "qual" | "status", FacetOption[]>;
  canRestore: boolean;
}) {
  const t = useT();
  const columns = useMemo<ColumnDef<EnterpriseListRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        header: t("enterprises.fields.name"),
        enableHiding: false,
        cell: ({ row }) => (
          <span className="min-w-48 block">
            <Link href={`/enterprises/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
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
        id: "creditCode",
        header: t("enterprises.fields.creditCode"),
        enableSorting: false,
        cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.creditCode}</span>,
      },
      {
        id: "street",
        header: t("enterprises.fields.street"),
        enableSorting: false,
        cell: ({ row }) => <span className="whitespace-nowrap">{row.original.street}</span>,
      },
      {
        id: "park",
        header: t("enterprises.fields.park"),
        enableSorting: false,
        cell: ({ row }) => row.original.park ?? "",
      },
      {
        id: "industryChain",
        header: t("enterprises.fields.industryChain"),
        enableSorting: false,
        cell: ({ row }) => <span className="whitespace-nowrap">{row.original.industryChain ?? ""}</span>,
      },
      {
        id: "foundedDate",
        accessorKey: "foundedDate",
        header: t("enterprises.fields.foundedDate"),
        cell: ({ row }) => <span className="tabular whitespace-nowrap">{row.original.foundedDate}</span>,
      },
      {
        id: "registeredCapital",
        accessorKey: "registeredCapital",
        header: t("enterprises.fields.registeredCapital"),
        cell: ({ row }) => <AmountCell value={row.original.registeredCapital} />,
      },
      {
        id: "latestRdExpense",
        accessorKey: "latestRdExpense",
        header: t("enterprises.fields.latestRdExpense"),
        cell: ({ row }) => <AmountCell value={row.original.latestRdExpense} />,
      },
      {
        id: "status",
        header: t("enterprises.fields.status"),
        enableSorting: false,
        cell: ({ row }) => (
          <Badge tone={STATUS_TONE[row.original.status]}>{t(`enterprises.status.${row.original.status}`)}</Badge>
        ),
      },
    ],
    [t],
  );
  const keys = ENTERPRISE_FACETS;
  return (
    <DataTable
      tableId="enterprises"
      columns={columns}
      data={rows}
      total={total}
      pageCount={pageCount}
      rowHref={(r) => `/enterprises/${r.id}`}
      facetKeys={keys}
      toolbar={
        <>
          <SearchBox placeholder={t("enterprises.searchPlaceholder")} facetKeys={keys} />
          <FacetSelect name="street" label={t("enterprises.fields.street")} options={facets.street} facetKeys={keys} />
          <FacetSelect name="park" label={t("enterprises.fields.park")} options={facets.park} facetKeys={keys} />
          <FacetSelect
            name="chain"
            label={t("enterprises.fields.industryChain")}
            options={facets.chain}
            facetKeys={keys}
          />
          <FacetSelect
            name="qual"
            label={t("enterprises.filters.qualification")}
            options={facets.qual}
            facetKeys={keys}
          />
          <FacetSelect name="status" label={t("enterprises.fields.status")} options={facets.status} facetKeys={keys} />
          <FacetSelect
            name="scale"
            label={t("enterprises.filters.aboveScale")}
            options={[
              { value: "yes", label: t("common.yes") },
              { value: "no", label: t("common.no") },
            ]}
            facetKeys={keys}
          />
          {canRestore ? <DeletedToggle facetKeys={keys} /> : null}
        </>
      }
    />
  );
}
