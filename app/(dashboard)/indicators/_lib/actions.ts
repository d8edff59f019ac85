"use server";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { cityTotals, dictionaryItems, districtValues, indicators, indicatorTargets } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/action";
import { OUR_DISTRICT } from "@/lib/kpi/board";
import { isQuarter, isYear } from "@/lib/kpi/period";
import { nowIso } from "@/lib/time";
import { districtValuesSchema, indicatorDefinitionSchema, parseCell, targetSchema } from "./validations";

function loadIndicator(tx: Tx, key: string) {
  const ind = tx.select().from(indicators).where(eq(indicators.key, key)).get();
  if (!ind) throw new ActionError("registry.notFound");
  return ind;
}

/** Enters (or corrects) every district's value of one indicator for one period, plus the city total. */
export const saveDistrictValues = defineAction({
  name: "indicator.saveDistrictValues",
  permission: "indicator.write",
  schema: districtValuesSchema,
  handler: (input, { tx, user, audit }) => {
    const ind = loadIndicator(tx, input.indicatorKey);
    const okPeriod = ind.periodType === "quarter" ? isQuarter(input.period) : isYear(input.period);
    if (!okPeriod) {
      throw new ActionError(
        `kpi.indicators.periodMismatch|type=${encodeURIComponent(ind.periodType === "quarter" ? "季度" : "年度")},example=${ind.periodType === "quarter" ? "2021Q1" : "2020"}`,
      );
    }
    const districts = new Map(
      tx
        .select({ id: dictionaryItems.id, label: dictionaryItems.label })
        .from(dictionaryItems)
        .where(eq(dictionaryItems.kind, "district"))
        .all()
        .map((d) => [d.id, d.label]),
    );
    const fieldErrors: Record<string, string[]> = {};
    const parsed = new Map<number, number | null>();
    for (const [idStr, raw] of Object.entries(input.values)) {
      const id = Number(idStr);
      const label = districts.get(id);
      if (!label) {
        fieldErrors[`v_${idStr}`] = ["kpi.indicators.unknownDistrict"];
        continue;
      }
      // Our registry-count value is the live registry, never typed in.
      if (ind.source === "registry_count" && label === OUR_DISTRICT) continue;
      const v = parseCell(raw);
      if (v === "invalid") fieldErrors[`v_${idStr}`] = ["kpi.indicators.invalidValue"];
      else parsed.set(id, v);
    }
    const totalCell = parseCell(input.cityTotal);
    if (totalCell === "invalid") fieldErrors.cityTotal = ["kpi.indicators.invalidValue"];
    if (Object.keys(fieldErrors).length) throw new ActionError("errors.invalidInput", fieldErrors);
    const total = totalCell === "invalid" ? null : totalCell;

    const existing = new Map(
      tx
        .select()
        .from(districtValues)
        .where(and(eq(districtValues.indicatorId, ind.id), eq(districtValues.period, input.period)))
        .all()
        .map((r) => [r.districtId, r]),
    );
    const before: Record<string, number | null> = {};
    const after: Record<string, number | null> = {};
    const at = nowIso();
    for (const [id, v] of parsed) {
      const cur = existing.get(id);
      if ((cur?.value ?? null) === v) continue;
      const label = districts.get(id) as string;
      before[label] = cur?.value ?? null;
      after[label] = v;
      if (v === null)
        tx.delete(districtValues)
          .where(eq(districtValues.id, (cur as { id: number }).id))
          .run();
      else if (cur)
        tx.update(districtValues)
          .set({ value: v, isSample: false, updatedAt: at, updatedBy: user.id })
          .where(eq(districtValues.id, cur.id))
          .run();
      else
        tx.insert(districtValues)
          .values({ indicatorId: ind.id, period: input.period, districtId: id, value: v, updatedBy: user.id })
          .run();
    }
    const curTotal = tx
      .select()
      .from(cityTotals)
      .where(and(eq(cityTotals.indicatorId, ind.id), eq(cityTotals.period, input.period)))
      .get();
    if ((curTotal?.value ?? null) !== total) {
      before.cityTotal = curTotal?.value ?? null;
      after.cityTotal = total;
      if (total === null && curTotal) tx.delete(cityTotals).where(eq(cityTotals.id, curTotal.id)).run();
      else if (total !== null && curTotal)
        tx.update(cityTotals)
          .set({ value: total, isSample: false, updatedAt: at, updatedBy: user.id })
          .where(eq(cityTotals.id, curTotal.id))
          .run();
      else if (total !== null)
        tx.insert(cityTotals)
          .values({ indicatorId: ind.id, period: input.period, value: total, updatedBy: user.id })
          .run();
    }
    audit({ objectType: "indicator", objectId: ind.id, before, after, detail: { period: input.period } });
    return { changed: Object.keys(after).length };
  },
  revalidate: (i) => ["/", `/indicators/${i.indicatorKey}`, "/indicators"],
});

/** Sets an indicator's target for one year (rank and/or value). */
export const saveTarget = defineAction({
  name: "indicator.saveTarget",
  permission: "indicator.write",
  schema: targetSchema,
  handler: (input, { tx, user, audit }) => {
    const ind = loadIndicator(tx, input.indicatorKey);
    const cur = tx
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, ind.id), eq(indicatorTargets.year, input.year)))
      .get();
    const values = { targetRank: input.targetRank, targetValue: input.targetValue };
    if (cur)
      tx.update(indicatorTargets)
        .set({ ...values, updatedAt: nowIso(), updatedBy: user.id })
        .where(eq(indicatorTargets.id, cur.id))
        .run();
    else
      tx.insert(indicatorTargets)
        .values({ indicatorId: ind.id, year: input.year, ...values, updatedBy: user.id })
        .run();
    audit({
      objectType: "indicator",
      objectId: ind.id,
      before: cur ? { year: cur.year, targetRank: cur.targetRank, targetValue: cur.targetValue } : null,
      after: { year: input.year, ...values },
    });
    return { year: input.year };
  },
  revalidate: (i) => ["/", `/indicators/${i.indicatorKey}`],
});

/** Edits an indicator's 口径 (definition), data source and release lag. */
export const updateIndicatorDefinition = defineAction({
  name: "indicator.update",
  permission: "indicator.write",
  schema: indicatorDefinitionSchema,
  handler: ({ indicatorKey, version, ...fields }, { tx, user, audit }) => {
    const ind = loadIndicator(tx, indicatorKey);
    if (ind.version !== version) throw new ActionError("errors.conflict", undefined, "conflict");
    tx.update(indicators)
      .set({ ...fields, version: ind.version + 1, updatedAt: nowIso(), updatedBy: user.id })
      .where(eq(indicators.id, ind.id))
      .run();
    audit({
      objectType: "indicator",
      objectId: ind.id,
      before: { definition: ind.definition, dataSource: ind.dataSource, releaseLag: ind.releaseLag },
      after: fields,
    });
    return { key: indicatorKey };
  },
  revalidate: (i) => ["/indicators", `/indicators/${i.indicatorKey}`],
});
