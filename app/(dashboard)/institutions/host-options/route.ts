import { authorizeRoute } from "@/lib/dal";
import { hostEnterpriseOptions } from "../_lib/queries";

// GET /institutions/host-options?q=<name or credit code> → up to 20 live enterprises for the host picker (JSON).
export async function GET(request: Request) {
  const auth = await authorizeRoute("registry.write");
  if (!auth.ok) return auth.response;
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return Response.json(hostEnterpriseOptions(q), { headers: { "Cache-Control": "no-store" } });
}
