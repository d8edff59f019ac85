import type { Widen } from "../widen";
import type { talentsZh } from "./talents";

// English, a chunk of its own: the browser loads it only for an English page (lib/i18n/client.tsx).
export const talentsEn: Widen<typeof talentsZh> = {
  title: "Talent",
  create: "New talent",
  editTitle: "Edit talent",
  searchPlaceholder: "Person or team name",
  fields: {
    kind: "Type",
    name: "Name / team name",
    category: "Category",
    categoryId: "Category",
    employer: "Employer",
    employerEnterpriseId: "Employer (registered enterprise)",
    employerName: "Employer",
    field: "Field",
    recognisedYear: "Year recognised",
    programme: "Programme",
    phone: "Phone",
    idNumber: "ID number",
    createdAt: "Entered",
    updatedAt: "Updated",
    deletedAt: "Deleted",
  },
  kinds: { person: "Person", team: "Team" },
  filters: { yearFrom: "Recognised from", yearTo: "Recognised to" },
  employer: {
    hint: "Choosing from the list links a registered enterprise; otherwise the typed name is saved.",
    notLive: "The chosen enterprise does not exist or was deleted; choose again",
    deletedEnterprise: "(enterprise deleted)",
  },
  personal: {
    title: "Personal data",
    idHint: "Optional. 18-character resident ID number; the last may be X.",
    clearIdNumber: "Remove the stored ID number",
    reveal: "Show full details",
    revealing: "Loading…",
    revealed: "Full details shown; this view has been written to the operation log",
    maskedNote: "Personal data is masked",
    revealConfirm: "Show the full phone and ID number of “{name}”? This view is written to the operation log.",
  },
};
