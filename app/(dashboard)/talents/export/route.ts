import { iterateQuery } from "@/db/export-reader";
import { talentExportQuery } from "@/features/talents/queries";
import { loadTalentSearch, type TalentKind } from "@/features/talents/validations";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { exportFormat, registryExportResponse } from "@/lib/registry/export";
import { todayIso } from "@/lib/time";

// GET /talents/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed; personal data masked.
export async function GET(request: Request) {
  const auth = await authorizeRoute("report.export");
  if (!auth.ok) return auth.response;
  const t = makeT(await getLocale());
  const search = loadTalentSearch(new URL(request.url).searchParams);
  const showDeleted = search.deleted && can(auth.user.role, "registry.restore");
  const query = talentExportQuery(search, showDeleted);
  const header = [
    t("talents.fields.name"),
    t("talents.fields.kind"),
    t("talents.fields.category"),
    t("talents.fields.employer"),
    t("talents.fields.field"),
    t("talents.fields.recognisedYear"),
    t("talents.fields.programme"),
    t("talents.fields.phone"),
    t("talents.fields.idNumber"),
    t("app.sample"),
  ];
  const rows = iterateQuery(query, (r) => {
    const out = [...r];
    out[1] = t(`talents.kinds.${r[1] as TalentKind}`);
    out[7] = maskPhone(r[7] as string | null);
    out[8] = maskIdNumber(r[8] as string | null);
    out[9] = r[9] === 1;
    return out;
  });
  return registryExportResponse({
    format: exportFormat(request),
    user: auth.user,
    sheet: t("talents.title"),
    types: ["text", "text", "text", "text", "text", "year", "text", "code", "code", "bool"],
    filename: `渝北区科技局_人才_${todayIso()}`,
    header,
    rows,
    objectType: "talent",
    filter: search,
  });
}
