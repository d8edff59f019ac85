import "server-only";
import { institutions } from "@/db/schema";
import { institutionRegistry } from "@/features/institutions/registry";
import type { RegistryWrites } from "@/features/registry/write";

// The institution registry's write rules, used by its form actions and by the Excel import alike: the host
// enterprise link follows the shared rule (live, or the one the record already had).

export const institutionWrites: RegistryWrites = {
  objectType: institutionRegistry.objectType,
  fields: institutionRegistry.fields,
  scope: institutionRegistry.scope,
  table: institutions,
  actions: { create: "institution.create", update: "institution.update" },
  linkMessages: { hostEnterpriseId: "institutions.hostEnterpriseInvalid" },
};
