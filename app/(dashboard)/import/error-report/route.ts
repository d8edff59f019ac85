import { getConn } from "@/db";
import { IMPORT_REGISTRIES, type ImportRegistry } from "@/features/import/registries";
import { MAX_UPLOAD_INPUT_BYTES, plan, readUpload } from "@/features/import/service";
import { buildErrorReport, XLSX_MIME } from "@/features/import/template";
import { templateDictionaries } from "@/features/import/template-data";
import { ActionError, translate } from "@/lib/action";
import { authorizeRoute } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";

// POST /import/error-report (multipart: registry, file) → the uploaded rows with an 错误原因 column.
// Stateless like the preview: the browser sends the file again; nothing is written.
export async function POST(request: Request) {
  const auth = await authorizeRoute("import.run");
  if (!auth.ok) return auth.response;
  const t = await getT();
  const body = await readBounded(request, MAX_UPLOAD_INPUT_BYTES);
  if (!body) {
    return new Response(t("import.refuse.tooLarge"), {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const form = await new Request(request.url, { method: "POST", headers: request.headers, body })
    .formData()
    .catch(() => null);
  const registry = form?.get("registry");
  const file = form?.get("file");
  if (typeof registry !== "string" || !(IMPORT_REGISTRIES as readonly string[]).includes(registry)) {
    return new Response(t("registry.invalidOption"), { status: 400 });
  }
  if (!(file instanceof File)) return new Response(t("import.refuse.noFile"), { status: 400 });
  try {
    const p = plan(getConn().sqlite, registry as ImportRegistry, await readUpload(file), auth.user);
    const body = await buildErrorReport(p, t, (m) => translate(t, m), {
      registry: registry as ImportRegistry,
      dictionaries: templateDictionaries(registry as ImportRegistry),
    });
    const name = t("import.preview.reportFile", { name: file.name.replace(/\.xlsx$/i, "") });
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

/** The body, or null once it passes `max` bytes (stops reading there, whatever Content-Length claims). */
async function readBounded(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
