import "server-only";
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { cityTotals, districtValues, indicatorTargets, operationLogs, users } from "@/db/schema";
import {
  type Card,
  computeCard,
  dataPeriodFor,
  getDistricts,
  getIndicatorByKey,
  getIndicatorList,
  latestDataQuarter,
  OUR_DISTRICT,
} from "@/features/kpi/board";
import { competitionRanks } from "@/features/kpi/ranking";
import { requirePermission } from "@/lib/dal";
import { isQuarter, isYear } from "@/lib/kpi/period";

export async function getIndicatorsOverview() {
  await requirePermission("indicator.read");
  const districts = getDistricts();
  const us = districts.find((d) => d.label === OUR_DISTRICT);
  const board = latestDataQuarter();
  return getIndicatorList().map((ind) => ({
    ind,
    card: us ? computeCard(ind, board, districts, us.id) : null,
  }));
}

export async function getIndicatorDetail(key: string, requested?: string) {
  await requirePermission("indicator.read");
  const ind = getIndicatorByKey(key);
  if (!ind) return null;
  const districts = getDistricts();
  const us = districts.find((d) => d.label === OUR_DISTRICT);
  if (!us) return null;
  const valid = requested && (ind.periodType === "quarter" ? isQuarter(requested) : isYear(requested));
  // A board quarter asked of a yearly indicator (a card's link) means the year that card shows for it.
  const fromBoard = !valid && requested && ind.periodType === "year" && isQuarter(requested);
  const period = valid
    ? (requested as string)
    : dataPeriodFor(ind, fromBoard ? (requested as string) : latestDataQuarter(), us.id);
  const card: Card = computeCard(ind, period, districts, us.id, period);
  const db = getDb();
  const raw = db
    .select({ districtId: districtValues.districtId, value: districtValues.value, isSample: districtValues.isSample })
    .from(districtValues)
    .where(and(eq(districtValues.indicatorId, ind.id), eq(districtValues.period, period)))
    .all();
  const byId = new Map(raw.map((r) => [r.districtId, r]));
  const ourValue = card.value;
  const rows = districts.map((d) => ({
    id: d.id,
    district: d.label,
    value: d.id === us.id && ind.source === "registry_count" ? ourValue : (byId.get(d.id)?.value ?? null),
    isSample: byId.get(d.id)?.isSample ?? false,
    isUs: d.id === us.id,
  }));
  const ranks =
    ind.valueKind === "rank"
      ? new Map(rows.map((r) => [r.district, r.value]))
      : competitionRanks(
          rows.map((r) => ({ district: r.district, value: r.value })),
          ind.direction,
        );
  const cityTotal =
    db
      .select({ value: cityTotals.value })
      .from(cityTotals)
      .where(and(eq(cityTotals.indicatorId, ind.id), eq(cityTotals.period, period)))
      .get()?.value ?? null;
  const targets = db
    .select()
    .from(indicatorTargets)
    .where(eq(indicatorTargets.indicatorId, ind.id))
    .orderBy(asc(indicatorTargets.year))
    .all();
  return {
    ind,
    period,
    card,
    rows: rows.map((r) => ({ ...r, rank: ranks.get(r.district) ?? null })),
    cityTotal,
    targets,
    usId: us.id,
    provenance: ind.source === "reported" ? getProvenance(ind.id, period, us.id) : null,
  };
}

/**
 * Where our reported figure comes from: the stored value with who entered it, when and from which document,
 * and every logged change to it (the district-values saves whose before/after name our district).
 */
function getProvenance(indicatorId: number, period: string, usId: number) {
  const db = getDb();
  const value = db
    .select({
      value: districtValues.value,
      sourceDoc: districtValues.sourceDoc,
      isSample: districtValues.isSample,
      updatedAt: districtValues.updatedAt,
      by: users.displayName,
    })
    .from(districtValues)
    .leftJoin(users, eq(users.id, districtValues.updatedBy))
    .where(
      and(
        eq(districtValues.indicatorId, indicatorId),
        eq(districtValues.period, period),
        eq(districtValues.districtId, usId),
      ),
    )
    .get();
  const key = `$."${OUR_DISTRICT}"`;
  const manyKey = `$."${period}"."${OUR_DISTRICT}"`;
  const history = db
    .select({
      id: operationLogs.id,
      at: operationLogs.createdAt,
      username: operationLogs.username,
      by: users.displayName,
      // A single-period save keys its before/after by district; a many-period upload by period, then district.
      before: sql<
        string | null
      >`CASE ${operationLogs.action} WHEN 'indicator.saveDistrictPeriods' THEN json_extract(${operationLogs.before}, ${manyKey}) ELSE json_extract(${operationLogs.before}, ${key}) END`,
      after: sql<
        string | null
      >`CASE ${operationLogs.action} WHEN 'indicator.saveDistrictPeriods' THEN json_extract(${operationLogs.after}, ${manyKey}) ELSE json_extract(${operationLogs.after}, ${key}) END`,
      sourceDoc: sql<string | null>`json_extract(${operationLogs.detail}, '$.sourceDoc')`,
    })
    .from(operationLogs)
    .leftJoin(users, eq(users.id, operationLogs.userId))
    .where(
      and(
        eq(operationLogs.objectType, "indicator"),
        eq(operationLogs.objectId, String(indicatorId)),
        eq(operationLogs.result, "ok"),
        or(
          and(
            eq(operationLogs.action, "indicator.saveDistrictValues"),
            sql`json_extract(${operationLogs.detail}, '$.period') = ${period}`,
            sql`json_type(${operationLogs.after}, ${key}) IS NOT NULL`,
          ),
          and(
            eq(operationLogs.action, "indicator.saveDistrictPeriods"),
            sql`json_type(${operationLogs.after}, ${manyKey}) IS NOT NULL`,
          ),
        ),
      ),
    )
    .orderBy(desc(operationLogs.id))
    .all();
  return {
    value: value ?? null,
    history: history.map((h) => ({
      id: h.id,
      at: h.at,
      by: h.by ?? h.username ?? null,
      before: h.before === null ? null : Number(h.before),
      after: h.after === null ? null : Number(h.after),
      sourceDoc: h.sourceDoc,
    })),
  };
}
export type IndicatorDetail = NonNullable<Awaited<ReturnType<typeof getIndicatorDetail>>>;
