import "server-only";
import { talents } from "@/db/schema";
import type { RegistryWrites } from "@/features/registry/write";
import { RuleError } from "@/features/registry/write";
import { talentRegistry } from "@/features/talents/registry";

// The talent registry's write rules, used by its form actions and by the Excel import alike.

export const talentWrites: RegistryWrites = {
  objectType: talentRegistry.objectType,
  fields: talentRegistry.fields,
  scope: talentRegistry.scope,
  table: talents,
  actions: { create: "talent.create", update: "talent.update" },
  // Personal data is write-only: an empty phone / ID number keeps the stored one (removing the ID is explicit).
  keepIfEmpty: ["phone", "idNumber"],
  linkMessages: { employerEnterpriseId: "talents.employer.notLive" },
  // A linked employer replaces the free-text name (the enterprise's own name is shown).
  normalise: (v) => (v.employerEnterpriseId != null ? { ...v, employerName: null } : v),
  rules: [
    (_w, v) => {
      if (v.phone == null) throw new RuleError("phone", "registry.required");
    },
  ],
};
