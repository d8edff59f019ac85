import { authorizeRoute } from "@/lib/dal";
import { searchLiveEnterprises } from "../_lib/queries";

// GET /incubators/enterprise-options?q=… → live enterprises for the tenant picker (name contains / credit code starts with).
export async function GET(request: Request) {
  const auth = await authorizeRoute("registry.write");
  if (!auth.ok) return auth.response;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(searchLiveEnterprises(q), { headers: { "Cache-Control": "no-store" } });
}
