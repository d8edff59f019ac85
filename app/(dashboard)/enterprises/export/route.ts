import { getDb } from "@/db";
import { iterateQuery } from "@/db/export-reader";
import type { EnterpriseStatus } from "@/db/schema";
import { enterpriseExportQuery } from "@/features/enterprises/list-query";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { authorizeRoute } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { exportFormat, registryExportResponse } from "@/lib/registry/export";
import { todayIso } from "@/lib/time";

// GET /enterprises/export?<the list's filters> → every matching row as CSV (or .xlsx with ?format=xlsx), streamed.
export async function GET(request: Request) {
  const auth = await authorizeRoute("report.export");
  if (!auth.ok) return auth.response;
  const t = makeT(await getLocale());
  const search = loadEnterpriseSearch(new URL(request.url).searchParams);
  const showDeleted = search.deleted && can(auth.user.role, "registry.restore");
  const query = enterpriseExportQuery(getDb(), search, showDeleted);
  const header = [
    t("enterprises.fields.name"),
    t("enterprises.fields.creditCode"),
    t("enterprises.fields.legalRepresentative"),
    t("enterprises.fields.foundedDate"),
    t("enterprises.fields.registeredCapital"),
    t("enterprises.fields.street"),
    t("enterprises.fields.park"),
    t("enterprises.fields.industryChain"),
    t("enterprises.fields.isAboveScale"),
    t("enterprises.fields.status"),
    t("enterprises.fields.latestRevenue"),
    t("enterprises.fields.latestRdExpense"),
    t("enterprises.fields.contactName"),
    t("enterprises.fields.contactPhone"),
    t("app.sample"),
  ];
  // Personal data (the contact's phone) is exported masked.
  const rows = iterateQuery(query, (r) => {
    const out = [...r];
    out[8] = r[8] === 1;
    out[9] = t(`enterprises.status.${r[9] as EnterpriseStatus}`);
    out[13] = maskPhone(r[13] as string | null);
    out[14] = r[14] === 1;
    return out;
  });
  return registryExportResponse({
    format: exportFormat(request),
    user: auth.user,
    sheet: t("enterprises.title"),
    types: [
      "text",
      "code",
      "text",
      "date",
      "number",
      "text",
      "text",
      "text",
      "bool",
      "text",
      "number",
      "number",
      "text",
      "code",
      "bool",
    ],
    filename: `渝北区科技局_科技企业_${todayIso()}`,
    header,
    rows,
    objectType: "enterprise",
    filter: search,
  });
}
