import { IMPORT_REGISTRIES, type ImportRegistry, REGISTRY_SPECS } from "@/features/import/registries";
import { buildTemplate, XLSX_MIME } from "@/features/import/template";
import { templateDictionaries } from "@/features/import/template-data";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";

// GET /import/template/<registry> → the .xlsx import template with the live, enabled dictionary labels.
export async function GET(_request: Request, { params }: { params: Promise<{ registry: string }> }) {
  const auth = await authorizeRoute("import.run");
  if (!auth.ok) return auth.response;
  const { registry } = await params;
  if (!(IMPORT_REGISTRIES as readonly string[]).includes(registry)) return new Response("Not found", { status: 404 });
  const spec = REGISTRY_SPECS[registry as ImportRegistry];
  const body = await buildTemplate(registry as ImportRegistry, templateDictionaries(registry as ImportRegistry));
  const name = `${makeT("zh-CN")(spec.label).replace(/（.*）/, "")}导入模板.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": XLSX_MIME,
      "content-disposition": `attachment; filename="template-${registry}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
