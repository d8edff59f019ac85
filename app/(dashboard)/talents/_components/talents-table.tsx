"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DeletedToggle, type FacetOption, FacetSelect, SearchBox } from "@/components/data-table/toolbar";
import { SampleBadge } from "@/components/registry/cells";
import { Badge } from "@/components/ui/badge";
import { TALENT_FACETS, TALENT_SORTS } from "@/features/talents/facets";
import type { TalentListRow } from "@/features/talents/queries";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/time";

export function TalentsTable({
  rows,
  total,
  pageCount,
  facets,
  canRestore,
}: {
  rows: TalentListRow[];
  total: number;
  pageCount: number;
  facets: Record<"category" | "kind" | "year", FacetOption[]>;
  canRestore: boolean;
}) {
  const t = useT();
  const columns = useMemo<ColumnDef<TalentListRow>[]>(
    () => [
      {
        id: "name",
        header: t("talents.fields.name"),
        enableHiding: false,
        cell: ({ row }) => (
          <span className="block min-w-40">
            <Link href={`/talents/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
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
        id: "kind",
        header: t("talents.fields.kind"),
        enableSorting: false,
        cell: ({ row }) => (
          <Badge tone={row.original.kind === "team" ? "brand" : "neutral"}>
            {t(`talents.kinds.${row.original.kind}`)}
          </Badge>
        ),
      },
      {
        id: "category",
        header: t("talents.fields.category"),
        enableSorting: false,
        cell: ({ row }) => <span className="block min-w-32">{row.original.category}</span>,
      },
      {
        id: "employer",
        header: t("talents.fields.employer"),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.employerEnterpriseId ? (
            <Link
              href={`/enterprises/${row.original.employerEnterpriseId}`}
              className="block min-w-40 text-brand-700 hover:underline"
            >
              {row.original.employer}
            </Link>
          ) : (
            <span className="block min-w-40">{row.original.employer ?? ""}</span>
          ),
      },
      {
        id: "field",
        header: t("talents.fields.field"),
        enableSorting: false,
        cell: ({ row }) => <span className="block min-w-24">{row.original.field ?? ""}</span>,
      },
      {
        id: "recognisedYear",
        header: t("talents.fields.recognisedYear"),
        cell: ({ row }) => <span className="tabular">{row.original.recognisedYear}</span>,
      },
      {
        id: "programme",
        header: t("talents.fields.programme"),
        enableSorting: false,
        cell: ({ row }) => <span className="block min-w-24">{row.original.programme ?? ""}</span>,
      },
      {
        id: "phone",
        header: t("talents.fields.phone"),
        enableSorting: false,
        cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.phoneMasked}</span>,
      },
      {
        id: "idNumber",
        header: t("talents.fields.idNumber"),
        enableSorting: false,
        cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.idNumberMasked}</span>,
      },
      {
        id: "createdAt",
        header: t("talents.fields.createdAt"),
        cell: ({ row }) => (
          <span className="tabular whitespace-nowrap text-slate-500">
            {formatDateTime(row.original.createdAt).slice(0, 10)}
          </span>
        ),
      },
    ],
    [t],
  );
  const keys = TALENT_FACETS;
  return (
    <DataTable
      tableId="talents"
      sortable={TALENT_SORTS}
      columns={columns}
      data={rows}
      total={total}
      pageCount={pageCount}
      rowHref={(r) => `/talents/${r.id}`}
      facetKeys={keys}
      toolbar={
        <>
          <SearchBox placeholder={t("talents.searchPlaceholder")} facetKeys={keys} />
          <FacetSelect
            name="category"
            label={t("talents.fields.category")}
            options={facets.category}
            facetKeys={keys}
          />
          <FacetSelect name="kind" label={t("talents.fields.kind")} options={facets.kind} facetKeys={keys} />
          <FacetSelect name="yearFrom" label={t("talents.filters.yearFrom")} options={facets.year} facetKeys={keys} />
          <FacetSelect name="yearTo" label={t("talents.filters.yearTo")} options={facets.year} facetKeys={keys} />
          {canRestore ? <DeletedToggle facetKeys={keys} /> : null}
        </>
      }
    />
  );
}
