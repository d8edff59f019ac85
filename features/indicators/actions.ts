"use server";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { cityTotals, dictionaryItems, districtValues, indicators, indicatorTargets, operationLogs } from "@/db/schema";
import { MAX_UPLOAD_INPUT_BYTES, readUpload } from "@/features/import/service";
import { OUR_DISTRICT } from "@/features/kpi/board";
import { FIRST_HISTORY_YEAR, parseDistrictPeriods } from "@/features/kpi/district-periods";
import { ActionError, defineAction, staleWrite } from "@/lib/action";
import { displayValue } from "@/lib/import/cells";
import { comparePeriods, isQuarter, isYear, type Period, quarterOfDate, yearOf } from "@/lib/kpi/period";
import { nowIso, todayIso } from "@/lib/time";
import {
  districtPeriodsSchema,
  districtValuesSchema,
  districtXlsxSchema,
  indicatorDefinitionSchema,
  parseCell,
  targetSchema,
} from "./validations";

function loadIndicator(tx: Tx, key: string) {
  const ind = tx.select().from(indicators).where(eq(indicators.key, key)).get();
  if (!ind) throw new ActionError("registry.notFound");
  return ind;
}

/** Values of one indicator and period as stored now: district id → value, plus the city total. */
function currentValues(tx: Tx, indicatorId: number, period: string) {
  const rows = tx
    .select()
    .from(districtValues)
    .where(and(eq(districtValues.indicatorId, indicatorId), eq(districtValues.period, period)))
    .all();
  const total = tx
    .select()
    .from(cityTotals)
    .where(and(eq(cityTotals.indicatorId, indicatorId), eq(cityTotals.period, period)))
    .get();
  return { byDistrict: new Map(rows.map((r) => [r.districtId, r])), total };
}

/** Who last saved this indicator's district values for the period (from the operation log). */
function lastDistrictSave(tx: Tx, indicatorId: number, period: string) {
  return tx
    .select({ userId: operationLogs.userId, at: operationLogs.createdAt })
    .from(operationLogs)
    .where(
      and(
        eq(operationLogs.action, "indicator.saveDistrictValues"),
        eq(operationLogs.objectType, "indicator"),
        eq(operationLogs.objectId, String(indicatorId)),
        eq(operationLogs.result, "ok"),
        sql`json_extract(${operationLogs.detail}, '$.period') = ${period}`,
      ),
    )
    .orderBy(desc(operationLogs.id))
    .limit(1)
    .get();
}

/**
 * Saves the districts whose value changed (and the city total), in one transaction with one log row carrying
 * before/after. The form sends what it was opened with; if anything changed since, nothing is written.
 */
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
    const loaded = new Map<number, number | null>();
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
    for (const [idStr, raw] of Object.entries(input.loaded)) {
      const v = parseCell(raw);
      if (v !== "invalid") loaded.set(Number(idStr), v);
    }
    const totalCell = parseCell(input.cityTotal);
    if (totalCell === "invalid") fieldErrors.cityTotal = ["kpi.indicators.invalidValue"];
    if (Object.keys(fieldErrors).length) throw new ActionError("errors.invalidInput", fieldErrors);
    const total = totalCell === "invalid" ? null : totalCell;
    const loadedTotalCell = parseCell(input.loadedCityTotal);
    const loadedTotal = loadedTotalCell === "invalid" ? null : loadedTotalCell;

    const { byDistrict: existing, total: curTotal } = currentValues(tx, ind.id, input.period);

    // Optimistic concurrency: every value the form showed must still be what is stored.
    const stale: { label: string; value: number | null }[] = [];
    for (const id of parsed.keys()) {
      const now = existing.get(id)?.value ?? null;
      if ((loaded.has(id) ? loaded.get(id) : null) !== now)
        stale.push({ label: districts.get(id) as string, value: now });
    }
    if ((curTotal?.value ?? null) !== loadedTotal)
      stale.push({ label: "kpi.indicators.cityTotalLabel", value: curTotal?.value ?? null });
    if (stale.length) {
      const last = lastDistrictSave(tx, ind.id, input.period);
      throw staleWrite({ updatedBy: last?.userId ?? null, updatedAt: last?.at ?? null, current: stale });
    }

    const before: Record<string, number | null> = {};
    const after: Record<string, number | null> = {};
    const at = nowIso();
    const sourceDoc = input.sourceDoc || null;
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
          .set({ value: v, sourceDoc, isSample: false, updatedAt: at, updatedBy: user.id })
          .where(eq(districtValues.id, cur.id))
          .run();
      else
        tx.insert(districtValues)
          .values({
            indicatorId: ind.id,
            period: input.period,
            districtId: id,
            value: v,
            sourceDoc,
            updatedBy: user.id,
          })
          .run();
    }
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
    if (Object.keys(after).length === 0) throw new ActionError("kpi.indicators.noChanges");
    audit({
      objectType: "indicator",
      objectId: ind.id,
      before,
      after,
      detail: { period: input.period, sourceDoc },
    });
    return { changed: Object.keys(after).length };
  },
  revalidate: (i) => ["/", `/indicators/${i.indicatorKey}`, "/indicators"],
});

/** Reads an uploaded .xlsx of district values (checked like an import) into tab-separated text for the preview. */
export const readDistrictXlsx = defineAction({
  name: "indicator.readDistrictXlsx",
  readOnly: true,
  permission: "indicator.write",
  schema: districtXlsxSchema,
  prepare: async ({ file }) => readUpload(file),
  handler: ({ indicatorKey, file }, { tx, prepared, audit }) => {
    const ind = loadIndicator(tx, indicatorKey);
    const sheet = prepared.find((s) => s.rows.length > 0 || s.headers.some((h) => h));
    if (!sheet) throw new ActionError("import.refuse.empty");
    const line = (cells: unknown[]) =>
      cells
        .map((c) =>
          displayValue(c)
            .replace(/[\t\n\r]/g, " ")
            .trim(),
        )
        .join("\t");
    const text = [line(sheet.headers), ...sheet.rows.map((r) => line(r.cells))].join("\n");
    audit({ objectType: "indicator", objectId: ind.id, message: file.name });
    return { text, file: file.name };
  },
});

/** Sets an indicator's target for one year (rank and/or value). */
export const saveTarget = defineAction({
  name: "indicator.saveTarget",
  permission: "indicator.write",
  schema: targetSchema,
  handler: ({ version, ...input }, { tx, user, audit }) => {
    const ind = loadIndicator(tx, input.indicatorKey);
    const cur = tx
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, ind.id), eq(indicatorTargets.year, input.year)))
      .get();
    if ((cur?.version ?? 0) !== version)
      throw staleWrite({
        updatedBy: cur?.updatedBy,
        updatedAt: cur?.updatedAt,
        current: [
          { label: "kpi.indicators.year", value: input.year },
          { label: "kpi.indicators.targetRank", value: cur?.targetRank ?? null },
          { label: "kpi.indicators.targetValue", value: cur?.targetValue ?? null },
        ],
      });
    const values = { targetRank: input.targetRank, targetValue: input.targetValue };
    if (cur)
      tx.update(indicatorTargets)
        .set({ ...values, version: cur.version + 1, updatedAt: nowIso(), updatedBy: user.id })
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
    if (ind.version !== version)
      throw staleWrite({
        updatedBy: ind.updatedBy,
        updatedAt: ind.updatedAt,
        current: [
          { label: "kpi.indicators.definition", value: ind.definition },
          { label: "kpi.indicators.dataSource", value: ind.dataSource },
          { label: "kpi.indicators.releaseLag", value: ind.releaseLag },
        ],
      });
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

/** The latest period an indicator's values may be entered for: the current quarter or year (never the future). */
function latestEnterable(periodType: "quarter" | "year"): Period {
  const q = quarterOfDate(todayIso());
  return periodType === "quarter" ? q : String(yearOf(q));
}

function districtList(tx: Tx) {
  return tx
    .select({ id: dictionaryItems.id, label: dictionaryItems.label })
    .from(dictionaryItems)
    .where(eq(dictionaryItems.kind, "district"))
    .orderBy(dictionaryItems.sortOrder, dictionaryItems.id)
    .all();
}

/** Stored values of one indicator for several periods: period → district id → value. */
function storedValues(tx: Tx, indicatorId: number, periods: Period[]) {
  const out = new Map<Period, Map<number, { id: number; value: number }>>(periods.map((p) => [p, new Map()]));
  for (const p of periods) {
    for (const r of tx
      .select({ id: districtValues.id, districtId: districtValues.districtId, value: districtValues.value })
      .from(districtValues)
      .where(and(eq(districtValues.indicatorId, indicatorId), eq(districtValues.period, p)))
      .all())
      out.get(p)?.set(r.districtId, { id: r.id, value: r.value });
  }
  return out;
}

/**
 * Reads a many-period workbook (districts × periods) and returns its preview: every district and period of the
 * file with the stored value before and the file's value after. Writes nothing but its log row.
 */
export const previewDistrictPeriods = defineAction({
  name: "indicator.previewDistrictPeriods",
  readOnly: true,
  permission: "indicator.write",
  schema: districtXlsxSchema,
  maxInputBytes: MAX_UPLOAD_INPUT_BYTES,
  prepare: async ({ file }) => readUpload(file),
  handler: ({ indicatorKey, file }, { tx, prepared, audit }) => {
    const ind = loadIndicator(tx, indicatorKey);
    const sheet = prepared.find((s) => s.rows.length > 0 || s.headers.some((h) => h));
    if (!sheet) throw new ActionError("import.refuse.empty");
    const text = (c: unknown) =>
      displayValue(c)
        .replace(/[\t\n\r]/g, " ")
        .trim();
    const all = districtList(tx);
    const computedUs = ind.source === "registry_count";
    const editable = all.filter((d) => !(computedUs && d.label === OUR_DISTRICT));
    const parsed = parseDistrictPeriods(
      sheet.headers.map(text),
      sheet.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(text) })),
      { periodType: ind.periodType, latest: latestEnterable(ind.periodType), editable, all },
    );
    audit({
      objectType: "indicator",
      objectId: ind.id,
      message: file.name,
      detail: { periods: parsed.periods, errors: parsed.errors.length },
    });
    if (parsed.errors.length)
      return { file: file.name, errors: parsed.errors, periods: [], rows: [], ignored: parsed.ignored };
    const stored = storedValues(tx, ind.id, parsed.periods);
    const rows = editable
      .filter((d) => parsed.periods.some((p) => parsed.values.get(p)?.has(d.id)))
      .map((d) => ({
        id: d.id,
        label: d.label,
        cells: parsed.periods.map((p) => {
          const raw = parsed.values.get(p)?.get(d.id);
          const before = stored.get(p)?.get(d.id)?.value ?? null;
          const after = raw === undefined ? before : (parseCell(raw) as number | null);
          return { period: p, raw: raw ?? null, before, after, changed: raw !== undefined && after !== before };
        }),
      }));
    return { file: file.name, errors: [], periods: parsed.periods, rows, ignored: parsed.ignored };
  },
});

/**
 * Saves many periods of district values at once (the preview's file): only changed values are written, in one
 * transaction with one operation-log row (before/after by period and district). The request carries the values
 * the preview showed as stored; if any changed since, nothing is written.
 */
export const saveDistrictPeriods = defineAction({
  name: "indicator.saveDistrictPeriods",
  permission: "indicator.write",
  schema: districtPeriodsSchema,
  maxInputBytes: 512 * 1024,
  handler: (input, { tx, user, audit }) => {
    const ind = loadIndicator(tx, input.indicatorKey);
    const latest = latestEnterable(ind.periodType);
    const periods = Object.keys(input.values).sort(comparePeriods);
    if (periods.length === 0) throw new ActionError("kpi.indicators.noChanges");
    for (const p of periods) {
      const ok = ind.periodType === "quarter" ? isQuarter(p) : isYear(p);
      if (!ok || Number(p.slice(0, 4)) < FIRST_HISTORY_YEAR || comparePeriods(p, latest) > 0)
        throw new ActionError(`kpi.periods.periodRefused|value=${encodeURIComponent(p)}`);
    }
    const districts = new Map(districtList(tx).map((d) => [d.id, d.label]));
    const stored = storedValues(tx, ind.id, periods);
    const stale: { label: string; value: number | null }[] = [];
    const changes: { period: Period; id: number; label: string; before: number | null; after: number | null }[] = [];
    for (const p of periods) {
      for (const [idStr, raw] of Object.entries(input.values[p])) {
        const id = Number(idStr);
        const label = districts.get(id);
        if (!label || (ind.source === "registry_count" && label === OUR_DISTRICT))
          throw new ActionError("kpi.indicators.unknownDistrict");
        const v = parseCell(raw);
        if (v === "invalid")
          throw new ActionError(
            `kpi.periods.invalidValue|name=${encodeURIComponent(label)},period=${p},value=${encodeURIComponent(raw)}`,
          );
        const shownRaw = input.loaded[p]?.[idStr];
        const shown = shownRaw === undefined ? null : parseCell(shownRaw);
        const now = stored.get(p)?.get(id)?.value ?? null;
        if ((shown === "invalid" ? null : shown) !== now) stale.push({ label: `${p} ${label}`, value: now });
        if (now !== v) changes.push({ period: p, id, label, before: now, after: v });
      }
    }
    if (stale.length) {
      const last = tx
        .select({ userId: operationLogs.userId, at: operationLogs.createdAt })
        .from(operationLogs)
        .where(
          and(
            sql`${operationLogs.action} IN ('indicator.saveDistrictValues', 'indicator.saveDistrictPeriods')`,
            eq(operationLogs.objectId, String(ind.id)),
            eq(operationLogs.result, "ok"),
          ),
        )
        .orderBy(desc(operationLogs.id))
        .limit(1)
        .get();
      throw staleWrite({ updatedBy: last?.userId ?? null, updatedAt: last?.at ?? null, current: stale });
    }
    if (changes.length === 0) throw new ActionError("kpi.indicators.noChanges");
    const at = nowIso();
    const sourceDoc = input.sourceDoc || null;
    const before: Record<string, Record<string, number | null>> = {};
    const after: Record<string, Record<string, number | null>> = {};
    for (const c of changes) {
      before[c.period] = { ...before[c.period], [c.label]: c.before };
      after[c.period] = { ...after[c.period], [c.label]: c.after };
      const cur = stored.get(c.period)?.get(c.id);
      if (c.after === null) {
        if (cur) tx.delete(districtValues).where(eq(districtValues.id, cur.id)).run();
      } else if (cur)
        tx.update(districtValues)
          .set({ value: c.after, sourceDoc, isSample: false, updatedAt: at, updatedBy: user.id })
          .where(eq(districtValues.id, cur.id))
          .run();
      else
        tx.insert(districtValues)
          .values({
            indicatorId: ind.id,
            period: c.period,
            districtId: c.id,
            value: c.after,
            sourceDoc,
            updatedBy: user.id,
          })
          .run();
    }
    const changedPeriods = [...new Set(changes.map((c) => c.period))];
    audit({
      objectType: "indicator",
      objectId: ind.id,
      before,
      after,
      detail: { periods: changedPeriods, sourceDoc, file: input.file || null, changed: changes.length },
    });
    return { changed: changes.length, periods: changedPeriods };
  },
  revalidate: (i) => ["/", `/indicators/${i.indicatorKey}`, "/indicators", "/setup"],
});
