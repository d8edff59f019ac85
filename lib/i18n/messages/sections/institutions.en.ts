import type { Widen } from "../widen";
import type { institutionsZh } from "./institutions";

// English, a chunk of its own: the browser loads it only for an English page (lib/i18n/client.tsx).
export const institutionsEn: Widen<typeof institutionsZh> = {
  title: "R&D institutions",
  create: "New institution",
  editTitle: "Edit institution",
  searchPlaceholder: "Institution name",
  fields: {
    name: "Name",
    type: "Type",
    level: "Level",
    host: "Host",
    hostEnterprise: "Host enterprise",
    hostOrganisation: "Host organisation",
    hostCreditCode: "Host enterprise credit code",
    recognisedDate: "Recognised",
    field: "Research field",
    staffCount: "R&D staff",
    status: "Status",
    createdAt: "Entered",
  },
  filters: { yearFrom: "Recognised from (year)", yearTo: "Recognised to (year)" },
  hostHint:
    "Choose the host enterprise if it is a registered tech enterprise; otherwise enter the host organisation (university, research institute…). At least one is required.",
  hostRequired: "Choose a host enterprise or enter a host organisation (at least one)",
  hostEnterpriseInvalid: "The chosen enterprise does not exist or was deleted; choose again",
};
