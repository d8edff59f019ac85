import type { DictionaryKind } from "@/db/schema";
import { IMPORT_REGISTRIES, type ImportRegistry, REGISTRY_SPECS } from "@/features/import/registries";
import { buildTemplate, XLSX_MIME } from "@/features/import/template";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";

// GET /import/template/<registry> → the .xlsx import template with the live, enabled dictionary labels.
export async function GET(_request: Request, { params }: { params: Promise<{ registry: string }> }) {
  const auth = await authorizeRoute("import.run");
  if (!auth.ok) return auth.response;
  const { registry } = await params;
  if (!(IMPORT_REGISTRIES as readonly string[]).includes(registry)) return new Response("Not found", { status: 404 });
  const spec = REGISTRY_SPECS[registry as ImportRegistry];
  const kinds = [
    ...new Set(spec.sheets.flatMap((s) => s.columns.map((c) => c.dict)).filter((d): d is DictionaryKind => !!d)),
  ];
  const options = getDictionaryOptions(kinds);
  const labels = Object.fromEntries(
    kinds.map((k) => [k, (options[k] ?? []).filter((o) => o.enabled).map((o) => o.label)]),
  );
  const body = await buildTemplate(registry as ImportRegistry, labels);
  const name = `${makeT("zh-CN")(spec.label).replace(/（.*）/, "")}导入模板.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": XLSX_MIME,
      "content-disposition": `attachment; filename="template-${registry}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
