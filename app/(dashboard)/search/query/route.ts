import { getDb } from "@/db";
import { formatWan } from "@/features/awards/rules";
import { globalSearch } from "@/features/search/global";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";

// GET /search/query?q=<text>[&deleted=1] → 全局搜索's groups for the header's search box. A route, not a server
// action: a search per keystroke must not fill the operation log. The user's role and data scope come from the
// DAL (never from the request); `deleted` is honoured only for those who may restore records.
export async function GET(request: Request) {
  const auth = await authorizeRoute("registry.read");
  if (!auth.ok) return auth.response;
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 1000);
  const user = auth.user;
  const deleted = params.get("deleted") === "1" && can(user.role, "registry.restore");
  const res = globalSearch(
    getDb(),
    { scope: user.scope, canEdit: can(user.role, "registry.write"), awards: can(user.role, "award.read") },
    q,
    { deleted },
  );
  const locale = await getLocale();
  const t = makeT(locale);
  const headers = { "Cache-Control": "no-store" };
  if (!res.ok) return Response.json({ ok: false, message: t("search.tooShort") }, { headers });
  const labels = getDictionaryLabels(locale);
  return Response.json(
    {
      ok: true,
      query: res.query,
      groups: res.groups.map((g) => ({
        registry: g.registry,
        title: t(g.title),
        listHref: g.listHref,
        total: g.total,
        countLabel: t(g.capped ? "search.countCapped" : "search.count", { count: g.total }),
        hits: g.hits.map(({ streetId, status, award, other, ...h }) => ({
          ...h,
          matchedLabel: t(`search.matched.${h.matched}`),
          street: streetId != null ? (labels.get(streetId) ?? null) : null,
          status: award?.excluded ? t("search.awardExcluded") : status ? t(status.key as "search.label") : null,
          other: award
            ? t("search.awardLine", { year: award.year, policy: other ?? "", amount: formatWan(award.amountYuan) })
            : other,
        })),
      })),
    },
    { headers },
  );
}
