import { iterateQuery } from "@/db/export-reader";
import type { Level } from "@/db/schema";
import { institutionExportQuery } from "@/features/institutions/queries";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { exportFormat, registryExportResponse } from "@/lib/registry/export";
import { todayIso } from "@/lib/time";

// GET /institutions/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed.
export async function GET(request: Request) {
  const auth = await authorizeRoute("report.export");
  if (!auth.ok) return auth.response;
  const t = makeT(await getLocale());
  const search = loadInstitutionSearch(new URL(request.url).searchParams);
  const showDeleted = search.deleted && can(auth.user.role, "registry.restore");
  const query = institutionExportQuery(search, showDeleted);
  const header = [
    t("institutions.fields.name"),
    t("institutions.fields.type"),
    t("institutions.fields.level"),
    t("institutions.fields.hostEnterprise"),
    t("institutions.fields.hostCreditCode"),
    t("institutions.fields.hostOrganisation"),
    t("institutions.fields.recognisedDate"),
    t("institutions.fields.field"),
    t("institutions.fields.staffCount"),
    t("institutions.fields.status"),
    t("app.sample"),
  ];
  // No personal data in this registry; user-entered text is neutralised by the CSV writer.
  const rows = iterateQuery(query, (r) => {
    const out = [...r];
    out[2] = t(`registry.levels.${r[2] as Level}`);
    out[9] = t(`registry.recordStatus.${r[9] as "active" | "revoked"}`);
    out[10] = r[10] === 1;
    return out;
  });
  return registryExportResponse({
    format: exportFormat(request),
    user: auth.user,
    sheet: t("institutions.title"),
    types: ["text", "text", "text", "text", "code", "text", "date", "text", "integer", "text", "bool"],
    filename: `渝北区科技局_研发机构_${todayIso()}`,
    header,
    rows,
    objectType: "institution",
    filter: search,
  });
}
