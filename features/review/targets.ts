import "server-only";
import { annualWrites, enterpriseWrites, qualificationWrites } from "@/features/enterprises/writes";
import { incubatorWrites, tenancyWrites } from "@/features/incubators/writes";
import { institutionWrites } from "@/features/institutions/writes";
import type { RegistryWrites } from "@/features/registry/write";
import { talentWrites } from "@/features/talents/writes";
import type { RegistryKey } from "@/lib/committed-writes";

// Every writes binding a scoped user's write can submit for review, by its objectType (review_items.object_type).

const ALL: RegistryWrites[] = [
  enterpriseWrites,
  qualificationWrites,
  annualWrites,
  institutionWrites,
  incubatorWrites,
  tenancyWrites,
  talentWrites,
];
const BY_TYPE = new Map(ALL.map((b) => [b.objectType, b]));

export function reviewTarget(objectType: string): RegistryWrites {
  const b = BY_TYPE.get(objectType);
  if (!b) throw new Error(`no writes binding for ${objectType}`);
  return b;
}

/** The top record's table and detail page, per registry. */
export const REGISTRY_ROOTS: Record<RegistryKey, { table: string; path: string }> = {
  enterprise: { table: "enterprises", path: "/enterprises" },
  institution: { table: "institutions", path: "/institutions" },
  incubator: { table: "incubators", path: "/incubators" },
  talent: { table: "talents", path: "/talents" },
};
