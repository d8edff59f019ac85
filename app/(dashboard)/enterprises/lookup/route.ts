import { searchEnterprisesForPicker } from "@/features/enterprises/lookup";
import { authorizeRoute } from "@/lib/dal";

// GET /enterprises/lookup?q=<name or credit code> → up to 20 live enterprises for the pickers (host enterprise,
// tenant, employer). A route, not a server action: a search per keystroke must not fill the operation log.
export async function GET(request: Request) {
  const auth = await authorizeRoute("registry.write");
  if (!auth.ok) return auth.response;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(searchEnterprisesForPicker(auth.user, q), { headers: { "Cache-Control": "no-store" } });
}
