import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { dictionaryItems, enterprises, talents } from "@/db/schema";
import { resolveDrill } from "@/features/kpi/drill";
import { getRegistryList } from "@/features/registry/list";
import { type RegistryBinding, scopeWhere } from "@/features/registry/query";
import { requirePermission } from "@/lib/dal";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { talentRegistry } from "./registry";
import type { TalentSearch } from "./validations";

// Personal data rule: the phone and ID number leave this module masked (the definition declares them `mask`; the
// list, its export and the detail mask by field). The unmasked values are read only by the logged `talent.reveal`
// action (actions.ts), never by a page, so they cannot reach HTML or an RSC payload.

/** The linked enterprise's name wins over the free-text employer (list and export). */
const employerExpr = sql<string | null>`coalesce(${enterprises.name}, ${talents.employerName})`;

export const talentBinding: RegistryBinding = {
  table: talents,
  join: (q) => q.leftJoin(enterprises, eq(enterprises.id, talents.employerEnterpriseId)),
  values: { employerEnterpriseId: employerExpr },
  // From a board figure: exactly the records it counts (the counting rule itself).
  where: (db, s) => [resolveDrill(db, "talents", s as TalentSearch)?.where],
};

/** One page and the total; the phone and ID number are masked by the definition before they leave the server. */
export function getTalents(s: TalentSearch) {
  return getRegistryList(talentRegistry, talentBinding, s);
}

/** One talent for the detail and edit pages, with the phone and ID number masked (raw values omitted). */
export async function getTalent(id: number) {
  const user = await requirePermission("registry.read");
  const row = getDb()
    .select({
      t: talents,
      category: dictionaryItems.label,
      employerEnterpriseName: enterprises.name,
      employerEnterpriseDeletedAt: enterprises.deletedAt,
    })
    .from(talents)
    .innerJoin(dictionaryItems, eq(dictionaryItems.id, talents.categoryId))
    .leftJoin(enterprises, eq(enterprises.id, talents.employerEnterpriseId))
    .where(and(eq(talents.id, id), scopeWhere(talentRegistry, talents, user.scope)))
    .get();
  if (!row) return null;
  if (row.t.deletedAt && !can(user.role, "registry.restore")) return null;
  const { phone, idNumber, ...talent } = row.t;
  return {
    talent: {
      ...talent,
      phoneMasked: maskPhone(phone),
      idNumberMasked: maskIdNumber(idNumber),
      hasIdNumber: idNumber != null,
    },
    category: row.category,
    employerEnterpriseName: row.employerEnterpriseName,
    employerEnterpriseLive: row.employerEnterpriseName != null && row.employerEnterpriseDeletedAt == null,
  };
}
export type TalentDetail = NonNullable<Awaited<ReturnType<typeof getTalent>>>;
export type MaskedTalent = TalentDetail["talent"];
