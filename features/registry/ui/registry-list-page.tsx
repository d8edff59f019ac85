import { Plus } from "lucide-react";
import Link from "next/link";
import { DrillChip } from "@/components/registry/drill-chip";
import { ExportButtons } from "@/components/registry/export-buttons";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Drill } from "@/features/kpi/drill";
import { localiseDrill, localiser } from "@/features/kpi/localise";
import { SAVED_FILTER_LISTS, type SavedFilterList } from "@/features/saved-filters/keys";
import { listSavedFilters } from "@/features/saved-filters/queries";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import type { BatchActions } from "../batch-types";
import type { Column, Columns, RegistryDefinition } from "../define";
import { facetOptions } from "../facets";
import { type RegistryRow, sortKeys } from "../search";
import { RegistryTable } from "./registry-table";

/**
 * What the list's client components read of a definition: its list, filter and sortable columns with only what a
 * cell, a header, a filter or the batch bar uses (not the form, import, export and detail options of every field),
 * so each list response's RSC payload carries a few hundred bytes of definition instead of all of it.
 */
function listDefinition(def: RegistryDefinition, batchField?: string): RegistryDefinition {
  const keep = new Set([
    ...(def.list ?? []),
    ...(def.filters ?? []),
    ...sortKeys(def),
    ...(batchField ? [batchField] : []),
  ]);
  const slim = (cols: Columns) =>
    Object.fromEntries(
      Object.entries(cols).flatMap(([key, c]) => {
        if (!keep.has(key)) return [];
        const out: Record<string, unknown> = { kind: c.kind, label: c.label };
        for (const k of ["list", "filter", "values", "labels", "tones"] as const)
          if (k in c) out[k] = (c as Record<string, unknown>)[k];
        return [[key, out as Column]];
      }),
    );
  return {
    key: def.key,
    objectType: def.objectType,
    path: def.path,
    label: def.label,
    searchPlaceholder: def.searchPlaceholder,
    list: def.list,
    filters: def.filters,
    fields: slim(def.fields),
    columns: slim(def.columns ?? {}),
  } as RegistryDefinition;
}

/** A registry's list page: title, export and create buttons, the board-drill chip, and the table. */
export async function RegistryListPage({
  definition: def,
  params,
  data,
  drill = null,
  batch,
}: {
  definition: RegistryDefinition;
  /** The raw query string (the export buttons and the drill chip keep it). */
  params: Record<string, string>;
  data: { rows: RegistryRow[]; total: number; pageCount: number; sums?: Record<string, number | null> };
  drill?: Drill | null;
  /** The registry's batch actions; each is offered only with the permission its single action needs. */
  batch?: Omit<BatchActions, "export">;
}) {
  const user = await requirePermission("registry.read");
  const t = await getT();
  const locale = await getLocale();
  const canWrite = can(user.role, "registry.write");
  const allowed: BatchActions = {
    export: can(user.role, "report.export"),
    remove: canWrite ? batch?.remove : undefined,
    restore: can(user.role, "registry.restore") ? batch?.restore : undefined,
    status: canWrite ? batch?.status : undefined,
  };
  const list = def.path.slice(1) as SavedFilterList;
  const saved = SAVED_FILTER_LISTS.includes(list) ? { list, items: listSavedFilters(user, list) } : undefined;
  return (
    <>
      <PageHeader
        title={t(def.listTitle ?? def.label)}
        actions={
          <>
            {can(user.role, "report.export") ? <ExportButtons base={def.path} params={params} /> : null}
            {can(user.role, "registry.write") && def.createLabel ? (
              <Link href={`${def.path}/new`} className={buttonVariants()}>
                <Plus className="h-4 w-4" />
                {t(def.createLabel)}
              </Link>
            ) : null}
          </>
        }
      />
      <DrillChip drill={localiseDrill(drill, localiser(locale))} base={def.path} params={params} total={data.total} />
      <Card>
        <RegistryTable
          definition={listDefinition(def, allowed.status?.field)}
          rows={data.rows}
          total={data.total}
          pageCount={data.pageCount}
          options={facetOptions(def, t, locale)}
          canRestore={can(user.role, "registry.restore")}
          batch={allowed}
          sums={data.sums}
          savedFilters={saved}
        />
      </Card>
    </>
  );
}
