import { createLoader } from "nuqs/server";
import { incubatorRegistry } from "@/features/incubators/registry";
import { fieldsShape } from "@/features/registry/schema";
import { listParsers } from "@/features/registry/search";
import { dateStr, optDate, recordId, version } from "@/lib/registry/fields";
import { z } from "@/lib/zod";

/** The list's URL: the definition's filters. */
export const incubatorSearchParsers = listParsers(incubatorRegistry);
export const loadIncubatorSearch = createLoader(incubatorSearchParsers);
export type IncubatorSearch = Awaited<ReturnType<typeof loadIncubatorSearch>>;

/** The one incubator schema: form, server action and the Excel import all validate with it (built from the definition). */
export const incubatorFields = fieldsShape(incubatorRegistry.fields);

const graduatedWithinIncubated = {
  check: (v: { incubatedTotal: number; graduatedTotal: number }) => v.graduatedTotal <= v.incubatedTotal,
  params: { path: ["graduatedTotal"], message: "incubators.graduatedTooMany" },
};

export const createIncubatorSchema = z
  .strictObject(incubatorFields)
  .refine(graduatedWithinIncubated.check, graduatedWithinIncubated.params);
export type CreateIncubatorInput = z.infer<typeof createIncubatorSchema>;

export const updateIncubatorSchema = z
  .strictObject({ ...incubatorFields, id: recordId(), version: version() })
  .refine(graduatedWithinIncubated.check, graduatedWithinIncubated.params);
export const incubatorRefSchema = z.strictObject({ id: recordId(), version: version() });

/** A tenant (在孵企业): a live enterprise in an incubator from its move-in date until its move-out date. */
export const addTenantSchema = z
  .strictObject({
    incubatorId: recordId(),
    enterpriseId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce
        .number("incubators.tenants.chooseEnterprise")
        .int("incubators.tenants.chooseEnterprise")
        .positive("incubators.tenants.chooseEnterprise")
        .nullable()
        .refine((v) => v !== null, "incubators.tenants.chooseEnterprise"),
    ) as unknown as z.ZodType<number>,
    moveInDate: dateStr({ notFuture: true }),
    moveOutDate: optDate(),
  })
  .refine((t) => !t.moveOutDate || t.moveOutDate >= t.moveInDate, {
    path: ["moveOutDate"],
    message: "incubators.tenants.moveOutBeforeMoveIn",
  });
export type AddTenantInput = z.infer<typeof addTenantSchema>;

export const updateTenantSchema = z.strictObject({ id: recordId(), version: version(), moveOutDate: optDate() });
export const tenantRefSchema = z.strictObject({ id: recordId(), version: version() });
