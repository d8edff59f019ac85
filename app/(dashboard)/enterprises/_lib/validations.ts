import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { ENTERPRISE_STATUSES } from "@/db/schema";
import {
  amount,
  checkbox,
  creditCode,
  dateStr,
  dictId,
  optAmount,
  optDate,
  optDictId,
  optText,
  phone,
  recordId,
  reqAmount,
  reqText,
  version,
  year,
} from "@/lib/registry/fields";
import { baseListParsers } from "@/lib/registry/search-params";
import { z } from "@/lib/zod";

export const ENTERPRISE_SORTS = ["name", "foundedDate", "registeredCapital", "latestRdExpense", "createdAt"] as const;
export { ENTERPRISE_FACETS } from "./facets";

export const enterpriseSearchParsers = {
  ...baseListParsers,
  street: parseAsInteger,
  park: parseAsInteger,
  chain: parseAsInteger,
  qual: parseAsInteger,
  status: parseAsStringLiteral(ENTERPRISE_STATUSES),
  scale: parseAsStringLiteral(["yes", "no"] as const),
  foundedFrom: parseAsInteger,
  foundedTo: parseAsInteger,
  expiring: parseAsString,
};
export const loadEnterpriseSearch = createLoader(enterpriseSearchParsers);
export type EnterpriseSearch = Awaited<ReturnType<typeof loadEnterpriseSearch>>;

/** The one enterprise schema: form, server action and Excel import all validate with it. */
export const enterpriseFields = {
  name: reqText(100),
  creditCode: creditCode(),
  legalRepresentative: reqText(50),
  foundedDate: dateStr({ notFuture: true }),
  registeredCapital: reqAmount(100_000_000),
  streetId: dictId(),
  parkId: optDictId(),
  industryChainId: optDictId(),
  isAboveScale: checkbox(),
  contactName: optText(50),
  contactPhone: phone(),
  status: z.enum(ENTERPRISE_STATUSES, "registry.invalidOption").default("active"),
};
export const createEnterpriseSchema = z.strictObject(enterpriseFields);
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;

/** On edit an empty phone keeps the stored one (the form never holds it); clearContactPhone removes it. */
export const updateEnterpriseSchema = z.strictObject({
  ...enterpriseFields,
  clearContactPhone: checkbox(),
  id: recordId(),
  version: version(),
});
export const enterpriseRevealSchema = z.strictObject({ id: recordId() });
export const enterpriseRefSchema = z.strictObject({ id: recordId(), version: version() });

export const qualificationSchema = z
  .strictObject({
    enterpriseId: recordId(),
    typeId: dictId(),
    certificateNo: optText(50),
    awardedDate: dateStr({ notFuture: true }),
    expiryDate: optDate(),
    note: optText(200),
  })
  .refine((q) => !q.expiryDate || q.expiryDate >= q.awardedDate, {
    path: ["expiryDate"],
    message: "enterprises.quals.expiryBeforeAward",
  });
export const qualificationRefSchema = z.strictObject({ id: recordId() });

export const annualFiguresSchema = z
  .strictObject({
    enterpriseId: recordId(),
    year: year(1990, new Date().getFullYear()),
    revenue: optAmount(1_000_000_000),
    rdExpense: optAmount(100_000_000),
    employees: optAmount(1_000_000, { integer: true }),
    rdStaff: optAmount(1_000_000, { integer: true }),
    inventionPatents: optAmount(1_000_000, { integer: true }),
  })
  .refine((a) => a.rdStaff == null || a.employees == null || a.rdStaff <= a.employees, {
    path: ["rdStaff"],
    message: "enterprises.annual.rdStaffTooMany",
  });
export const annualRefSchema = z.strictObject({ id: recordId() });

export { amount };
