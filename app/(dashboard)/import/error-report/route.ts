import { getConn } from "@/db";
import { ActionError, translate } from "@/lib/action";
import { authorizeRoute } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { IMPORT_REGISTRIES, type ImportRegistry } from "@/lib/import/registries";
import { plan, readUpload } from "@/lib/import/service";
import { buildErrorReport, XLSX_MIME } from "@/lib/import/template";

// POST /import/error-report (multipart: registry, file) → the uploaded rows with an 错误原因 column.
// Stateless like the preview: the browser sends the file again; nothing is written.
export async function POST(request: Request) {
  const auth = await authorizeRoute("import.run");
  if (!auth.ok) return auth.response;
  const t = await getT();
  const form = await request.formData().catch(() => null);
  const registry = form?.get("registry");
  const file = form?.get("file");
  if (typeof registry !== "string" || !(IMPORT_REGISTRIES as readonly string[]).includes(registry)) {
    return new Response(t("registry.invalidOption"), { status: 400 });
  }
  if (!(file instanceof File)) return new Response(t("import.refuse.noFile"), { status: 400 });
  try {
    const p = plan(getConn().sqlite, registry as ImportRegistry, await readUpload(file));
    const body = await buildErrorReport(p, t, (m) => translate(t, m));
    const name = `${file.name.replace(/\.xlsx$/i, "")}_错误报告.xlsx`;
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_MIME,
        "content-disposition": `attachment; filename="error-report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof ActionError) {
      return new Response(translate(t, err.message), {
        status: 422,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    throw err;
  }
}
