import "server-only";
import { enterprises } from "@/db/schema";
import { scopeWhere } from "@/features/registry/query";
import type { CurrentUser } from "@/lib/dal";
import { type EnterpriseOption, searchLiveEnterprises } from "@/lib/registry/enterprise-lookup";
import { enterpriseRegistry } from "./registry";

/** The enterprise pickers' search (for writes): live enterprises within the user's data scope only. */
export function searchEnterprisesForPicker(user: CurrentUser, text: string): EnterpriseOption[] {
  return searchLiveEnterprises(text, scopeWhere(enterpriseRegistry, enterprises, user.scope));
}
