import { authorizeRoute } from "@/lib/dal";
import { searchLiveEnterprises } from "../_lib/queries";

// GET /talents/employers?q=<name or credit code> → up to 10 live enterprises for the form's employer picker.
export async function GET(request: Request) {
  const auth = await authorizeRoute("registry.write");
  if (!auth.ok) return auth.response;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(searchLiveEnterprises(q), { headers: { "Cache-Control": "no-store" } });
}
