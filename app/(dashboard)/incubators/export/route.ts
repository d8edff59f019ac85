import { iterateQuery } from "@/db/export-reader";
import type { Level } from "@/db/schema";
import { incubatorExportQuery } from "@/features/incubators/queries";
import { loadIncubatorSearch } from "@/features/incubators/validations";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { exportFormat, registryExportResponse } from "@/lib/registry/export";
import { todayIso } from "@/lib/time";

// GET /incubators/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed.
export async function GET(request: Request) {
  const auth = await authorizeRoute("report.export");
  if (!auth.ok) return auth.response;
  const t = makeT(await getLocale());
  const search = loadIncubatorSearch(new URL(request.url).searchParams);
  const showDeleted = search.deleted && can(auth.user.role, "registry.restore");
  const query = incubatorExportQuery(search, showDeleted);
  const header = [
    t("incubators.fields.name"),
    t("incubators.fields.type"),
    t("incubators.fields.level"),
    t("incubators.fields.operator"),
    t("incubators.fields.street"),
    t("incubators.fields.address"),
    t("incubators.fields.area"),
    t("incubators.fields.incubatedTotal"),
    t("incubators.fields.graduatedTotal"),
    t("incubators.fields.ipItems"),
    t("incubators.fields.highTechCultivated"),
    t("incubators.fields.recognisedDate"),
    t("incubators.fields.status"),
    t("incubators.fields.currentTenants"),
    t("app.sample"),
  ];
  // No personal data in this registry (operators are organisations), so nothing needs masking.
  const rows = iterateQuery(query, (r) => {
    const out = [...r];
    out[2] = t(`registry.levels.${r[2] as Level}`);
    out[12] = t(`registry.recordStatus.${r[12] as "active" | "revoked"}`);
    out[14] = r[14] === 1;
    return out;
  });
  return registryExportResponse({
    format: exportFormat(request),
    user: auth.user,
    sheet: t("incubators.title"),
    types: [
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "number",
      "integer",
      "integer",
      "integer",
      "integer",
      "date",
      "text",
      "integer",
      "bool",
    ],
    filename: `渝北区科技局_孵化载体_${todayIso()}`,
    header,
    rows,
    objectType: "incubator",
    filter: search,
  });
}
