import "server-only";
// A registry's CSV/xlsx export from its definition: the columns are the definition's `export` keys in order,
// each with its label as header, its cell type, and its value conversion — dictionary label, enum label, 是/否,
// and masking BY FIELD (`mask` on the field), so reordering the columns can never export personal data in full.

import { getTableColumns, inArray } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { iterateQuery } from "@/db/export-reader";
import { authorizeRoute } from "@/lib/dal";
import { makeT, type T, tDynamic } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { exportFormat, registryExportResponse } from "@/lib/registry/export";
import { todayIso } from "@/lib/time";
import type { XlsxCellType } from "@/lib/xlsx";
import { BATCH_MAX } from "./batch";
import { type Column, columnOf, type RegistryDefinition } from "./define";
import { type RegistryBinding, registryExportQuery } from "./query";
import type { ListSearch } from "./search";

export type ExportColumn = { key: string; header: string; type: XlsxCellType; cell: (raw: unknown) => unknown };

/** The cell type a column exports as when its declaration names none. */
export function exportType(c: Column): XlsxCellType {
  if (typeof c.export === "string") return c.export;
  switch (c.kind) {
    case "creditCode":
    case "phone":
    case "idNumber":
      return "code";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "number":
      return c.integer ? "integer" : "number";
    case "year":
      return "year";
    case "bool":
      return "bool";
    default:
      return "text";
  }
}

/** One value as exported: masked when the field is personal data, labels for dictionary and enum values. */
function converter(c: Column, t: T, dictLabels: ReadonlyMap<number, string>): (raw: unknown) => unknown {
  if (c.mask === "phone") return (v) => maskPhone(v as string | null);
  if (c.mask === "idNumber") return (v) => maskIdNumber(v as string | null);
  switch (c.kind) {
    case "bool":
      return (v) => v === 1 || v === true;
    case "enum":
      return (v) => (typeof v === "string" ? tDynamic(t, `${c.labels}.${v}`, v) : v);
    case "dict":
      return (v) => (typeof v === "number" ? (dictLabels.get(v) ?? String(v)) : v);
    default:
      return (v) => v;
  }
}

/** The export's columns, in the definition's order. */
export function exportColumns(def: RegistryDefinition, t: T, dictLabels: ReadonlyMap<number, string>): ExportColumn[] {
  return (def.export ?? []).map((key) => {
    const c = columnOf(def, key);
    return { key, header: t(c.label), type: exportType(c), cell: converter(c, t, dictLabels) };
  });
}

/** Maps a raw row of the export query (selected in the same key order) to its cells. */
export function exportRow(columns: ExportColumn[]): (raw: unknown[]) => unknown[] {
  return (raw) => columns.map((c, i) => c.cell(raw[i]));
}

/** `?ids=` as positive integers (at most BATCH_MAX), null when absent, "invalid" otherwise. */
function selectedIds(raw: string | null): number[] | null | "invalid" {
  if (raw == null) return null;
  const parts = raw.split(",");
  if (parts.length > BATCH_MAX || !parts.every((p) => /^[1-9][0-9]{0,9}$/.test(p))) return "invalid";
  return parts.map(Number);
}

/** The binding with one more condition: the row's id is one of `ids`. */
function onlyIds(b: RegistryBinding, ids: number[]): RegistryBinding {
  const id = (getTableColumns(b.table) as Record<string, SQLiteColumn>).id;
  return { ...b, where: (db, s) => [...(b.where?.(db, s) ?? []), inArray(id, ids)] };
}

/** GET <list>/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed. */
export async function registryExport<S extends ListSearch>(
  request: Request,
  opts: { definition: RegistryDefinition; binding: RegistryBinding; loadSearch: (p: URLSearchParams) => S },
): Promise<Response> {
  const auth = await authorizeRoute("report.export");
  if (!auth.ok) return auth.response;
  const { definition: def } = opts;
  const t = makeT(await getLocale());
  const params = new URL(request.url).searchParams;
  const search = opts.loadSearch(params);
  const showDeleted = search.deleted && can(auth.user.role, "registry.restore");
  const columns = exportColumns(def, t, getDictionaryLabels());
  // 导出所选: ?ids=1,2,3 narrows the list's own filter to the ticked rows (never widens it).
  const ids = selectedIds(params.get("ids"));
  if (ids === "invalid")
    return new Response(
      t("registry.batch.tooMany", { max: BATCH_MAX, count: params.get("ids")?.split(",").length ?? 0 }),
      {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      },
    );
  const binding = ids ? onlyIds(opts.binding, ids) : opts.binding;
  const query = registryExportQuery(
    getDb(),
    def,
    binding,
    search as S & Record<string, unknown>,
    showDeleted,
    auth.user.scope,
  );
  return registryExportResponse({
    format: exportFormat(request),
    user: auth.user,
    sheet: t(def.listTitle ?? def.label),
    // The file name stays Chinese whatever the interface language (it is filed and shared as such).
    filename: `${makeT("zh-CN")("app.short")}_${makeT("zh-CN")(def.label)}_${todayIso()}`,
    columns,
    rows: iterateQuery(query, exportRow(columns)),
    objectType: def.objectType,
    filter: ids ? { ...search, ids: ids.length } : search,
  });
}
