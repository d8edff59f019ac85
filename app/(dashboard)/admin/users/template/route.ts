import { getDb } from "@/db";
import { XLSX_MIME } from "@/features/import/template";
import { buildUserTemplate } from "@/features/setup/template";
import { unitChoices } from "@/features/setup/units";
import { authorizeRoute } from "@/lib/dal";

// GET /admin/users/template → the 用户导入模板 (.xlsx) with the live, enabled units (admin only).
export async function GET() {
  const auth = await authorizeRoute("user.manage");
  if (!auth.ok) return auth.response;
  const body = await buildUserTemplate(unitChoices(getDb()));
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": XLSX_MIME,
      "content-disposition": `attachment; filename="template-users.xlsx"; filename*=UTF-8''${encodeURIComponent("用户导入模板.xlsx")}`,
      "cache-control": "no-store",
    },
  });
}
