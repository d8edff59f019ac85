import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { type QuarterlyReport, quarterlyReports, type ReportSnapshotRow, reportSnapshots } from "@/db/schema";
import { enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { institutionRegistry } from "@/features/institutions/registry";
import { computeCard, getDistricts, getIndicatorList, OUR_DISTRICT } from "@/features/kpi/board";
import { getBreakdown } from "@/features/kpi/breakdown";
import { type Localiser, localiser } from "@/features/kpi/localise";
import { round } from "@/features/kpi/ranking";
import type { ScopeRule } from "@/features/registry/scope";
import { talentRegistry } from "@/features/talents/registry";
import { requireUser } from "@/lib/dal";
import { getLocale } from "@/lib/i18n/server";
import { periodEnd, periodStart, shiftPeriod } from "@/lib/kpi/period";
import { type DataScope, scopeSql } from "@/lib/scope";
import { beijingDayStartUtc, nowIso } from "@/lib/time";
import {
  type IndicatorRow,
  MOVEMENT_KINDS,
  type MovementKind,
  type MovementRow,
  type StreetBreakdown,
  type SummaryData,
  type SummaryMeta,
} from "./model";
import { isReportQuarter, parseVersion } from "./quarter";

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every indicator's standing for the quarter, as the board computes it (live registry counts included). */
export function indicatorRows(quarter: string): IndicatorRow[] {
  const districts = getDistricts();
  const us = districts.find((d) => d.label === OUR_DISTRICT);
  if (!us) throw new Error(`no district ${OUR_DISTRICT} in the dictionary`);
  return getIndicatorList().map((ind) => {
    const c = computeCard(ind, quarter, districts, us.id);
    const s = c.standing;
    const r2 = (v: number | null | undefined) => (v === null || v === undefined ? null : round(v, 2));
    return {
      key: ind.key,
      name: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      valueKind: ind.valueKind,
      dataPeriod: c.period,
      value: c.value,
      rank: s.rank,
      ranked: s.ranked,
      districtCount: c.districtCount,
      leadOrGap:
        ind.valueKind === "rank" || s.rank === null
          ? null
          : s.rank === 1
            ? r2(s.leadOverSecond)
            : s.gapToFirst === null
              ? null
              : -(r2(s.gapToFirst) as number),
      sharePct: r2(s.sharePct),
      shareBase: s.sharePct === null ? null : s.shareBase,
      source: ind.source,
      registryRule: ind.registryRule,
      targetRank: c.target?.rank ?? null,
      targetValue: c.target?.value ?? null,
      status: c.status,
      // For a yearly figure the previous period is last year: that is the YoY column, not a QoQ one.
      qoqAbs: ind.periodType === "year" ? null : r2(c.previous?.abs),
      qoqPct: ind.periodType === "year" ? null : r2(c.previous?.pct),
      yoyAbs: r2(c.yearOnYear?.abs),
      yoyPct: r2(c.yearOnYear?.pct),
      sampleBased: c.sampleBased,
    };
  });
}

const MOVEMENT_SQL: Record<MovementKind, string> = {
  // Enterprises whose first (live) qualification was awarded in the quarter: newly recognised tech enterprises.
  newEnterprises: `SELECT e.id, e.name AS enterpriseName, e.credit_code AS creditCode, st.label AS street,
      ch.label AS industryChain, qt.label AS qualificationType, q.awarded_date AS awardedDate, e.is_sample AS sample
    FROM enterprise_qualifications q
    JOIN enterprises e ON e.id = q.enterprise_id
    JOIN dictionary_items qt ON qt.id = q.type_id
    LEFT JOIN dictionary_items st ON st.id = e.street_id
    LEFT JOIN dictionary_items ch ON ch.id = e.industry_chain_id
    WHERE q.deleted_at IS NULL AND q.review_state = 'approved' AND e.deleted_at IS NULL AND e.review_state = 'approved' AND q.awarded_date BETWEEN @start AND @end
      AND NOT EXISTS (SELECT 1 FROM enterprise_qualifications p WHERE p.enterprise_id = q.enterprise_id
        AND p.deleted_at IS NULL AND p.review_state = 'approved' AND (p.awarded_date < q.awarded_date OR (p.awarded_date = q.awarded_date AND p.id < q.id)))
    ORDER BY q.awarded_date, e.name, e.id`,
  statusChanged: `SELECT e.id, e.name AS enterpriseName, e.credit_code AS creditCode, e.status AS status,
      e.status_changed_at AS statusChangedAt, e.is_sample AS sample
    FROM enterprises e
    WHERE e.deleted_at IS NULL AND e.review_state = 'approved' AND e.status <> 'deregistered' AND e.status_changed_at >= @startTs AND e.status_changed_at < @endTs
    ORDER BY e.status_changed_at, e.id`,
  deregistered: `SELECT e.id, e.name AS enterpriseName, e.credit_code AS creditCode, e.status AS status,
      e.status_changed_at AS statusChangedAt, e.is_sample AS sample
    FROM enterprises e
    WHERE e.deleted_at IS NULL AND e.review_state = 'approved' AND e.status = 'deregistered' AND e.status_changed_at >= @startTs AND e.status_changed_at < @endTs
    ORDER BY e.status_changed_at, e.id`,
  newInstitutions: `SELECT i.id, i.name AS institutionName, it.label AS institutionType, i.level AS level,
      coalesce(he.name, i.host_organisation) AS host, i.recognised_date AS recognisedDate, i.is_sample AS sample
    FROM institutions i
    JOIN dictionary_items it ON it.id = i.type_id
    LEFT JOIN enterprises he ON he.id = i.host_enterprise_id
    WHERE i.deleted_at IS NULL AND i.review_state = 'approved' AND i.status = 'active' AND i.recognised_date BETWEEN @start AND @end
    ORDER BY i.recognised_date, i.name, i.id`,
  // Talent has a recognition year, not a date: the quarter's new talent are the records entered in it.
  newTalents: `SELECT t.id, t.name AS talentName, t.kind AS talentKind, tc.label AS talentCategory,
      coalesce(te.name, t.employer_name) AS employer, t.recognised_year AS recognisedYear, t.created_at AS enteredAt,
      t.is_sample AS sample
    FROM talents t
    JOIN dictionary_items tc ON tc.id = t.category_id
    LEFT JOIN enterprises te ON te.id = t.employer_enterprise_id
    WHERE t.deleted_at IS NULL AND t.review_state = 'approved' AND t.created_at >= @startTs AND t.created_at < @endTs
    ORDER BY t.created_at, t.id`,
  qualificationsAwarded: `SELECT q.id, e.name AS enterpriseName, e.credit_code AS creditCode, qt.label AS qualificationType,
      q.certificate_no AS certificateNo, q.awarded_date AS awardedDate, q.expiry_date AS expiryDate, q.is_sample AS sample
    FROM enterprise_qualifications q
    JOIN enterprises e ON e.id = q.enterprise_id
    JOIN dictionary_items qt ON qt.id = q.type_id
    WHERE q.deleted_at IS NULL AND q.review_state = 'approved' AND e.deleted_at IS NULL AND e.review_state = 'approved' AND q.awarded_date BETWEEN @start AND @end
    ORDER BY q.awarded_date, e.name, q.id`,
  // Certificates running out in this quarter or the next one (what the bureau has to follow up).
  qualificationsExpiring: `SELECT q.id, e.name AS enterpriseName, e.credit_code AS creditCode, qt.label AS qualificationType,
      q.certificate_no AS certificateNo, q.awarded_date AS awardedDate, q.expiry_date AS expiryDate, q.is_sample AS sample
    FROM enterprise_qualifications q
    JOIN enterprises e ON e.id = q.enterprise_id
    JOIN dictionary_items qt ON qt.id = q.type_id
    WHERE q.deleted_at IS NULL AND q.review_state = 'approved' AND e.deleted_at IS NULL AND e.review_state = 'approved' AND e.status = 'active'
      AND q.expiry_date BETWEEN @start AND @nextEnd
    ORDER BY q.expiry_date, e.name, q.id`,
};

/** The quarter's registry movements, read live. */
export function movementRows(quarter: string): { movements: Record<MovementKind, MovementRow[]>; sample: boolean } {
  const sqlite = getDb().$client;
  const start = periodStart(quarter);
  const end = periodEnd(quarter);
  const params = {
    start,
    end,
    nextEnd: periodEnd(shiftPeriod(quarter, 1)),
    startTs: beijingDayStartUtc(start),
    endTs: beijingDayStartUtc(nextDay(end)),
  };
  let sample = false;
  const movements = {} as Record<MovementKind, MovementRow[]>;
  for (const kind of MOVEMENT_KINDS) {
    const rows = sqlite.prepare(MOVEMENT_SQL[kind]).all(params) as (MovementRow & { sample: number })[];
    movements[kind] = rows.map(({ sample: s, ...r }) => {
      if (s) sample = true;
      return r as MovementRow;
    });
  }
  return { movements, sample };
}

/** The live (draft) summary of a quarter. */
export function computeSummary(quarter: string, narrative: { summaryText: string; planText: string }): SummaryData {
  const dataAsOf = nowIso();
  const indicators = indicatorRows(quarter);
  const { movements, sample } = movementRows(quarter);
  return {
    quarter,
    district: OUR_DISTRICT,
    dataAsOf,
    indicators,
    movements,
    hasSample: sample || indicators.some((i) => i.sampleBased),
    summaryText: narrative.summaryText,
    planText: narrative.planText,
    byStreet: streetBreakdowns(indicators),
  };
}

/** Every registry-count figure of the summary split by 镇街 (one cached GROUP BY each). */
function streetBreakdowns(indicators: IndicatorRow[]): StreetBreakdown[] {
  return indicators.flatMap((r) => {
    if (r.source !== "registry_count" || !r.registryRule) return [];
    const b = getBreakdown({ key: r.key, registryRule: r.registryRule }, r.dataPeriod, "street");
    if (!b) return [];
    return [
      {
        key: r.key,
        name: r.name,
        dataPeriod: r.dataPeriod,
        previousPeriod: b.previous,
        rows: b.rows.map((x) => ({ area: String(x.key), label: x.label, current: x.current, previous: x.previous })),
      },
    ];
  });
}

export function getReportRow(quarter: string): QuarterlyReport | undefined {
  return getDb().select().from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();
}

export function listSnapshots(quarter: string): Omit<ReportSnapshotRow, "data">[] {
  return getDb()
    .select({
      id: reportSnapshots.id,
      reportId: reportSnapshots.reportId,
      quarter: reportSnapshots.quarter,
      snapshotVersion: reportSnapshots.snapshotVersion,
      dataAsOf: reportSnapshots.dataAsOf,
      closedAt: reportSnapshots.closedAt,
      closedBy: reportSnapshots.closedBy,
      closedByName: reportSnapshots.closedByName,
      reopenedAt: reportSnapshots.reopenedAt,
      reopenedBy: reportSnapshots.reopenedBy,
      reopenedByName: reportSnapshots.reopenedByName,
      reopenReason: reportSnapshots.reopenReason,
    })
    .from(reportSnapshots)
    .where(eq(reportSnapshots.quarter, quarter))
    .orderBy(desc(reportSnapshots.snapshotVersion))
    .all();
}

export type LoadedSummary = { data: SummaryData; meta: SummaryMeta };

/**
 * What a summary page or export shows: a requested snapshot version; else the current snapshot of a closed
 * quarter (frozen); else the live figures of a draft. Returns null for a version that does not exist.
 */
export function loadSummary(quarter: string, version?: number | null): LoadedSummary | null {
  const report = getReportRow(quarter);
  const versions = listSnapshots(quarter);
  const latestVersion = versions[0]?.snapshotVersion ?? null;
  const wanted =
    version != null
      ? versions.find((v) => v.snapshotVersion === version)
      : report?.status === "closed"
        ? versions.find((v) => v.id === report.currentSnapshotId)
        : undefined;
  if (version != null && !wanted) return null;
  if (wanted) {
    const row = getDb()
      .select({ data: reportSnapshots.data })
      .from(reportSnapshots)
      .where(and(eq(reportSnapshots.id, wanted.id)))
      .get();
    return {
      data: row?.data as SummaryData,
      meta: {
        status: "closed",
        snapshotVersion: wanted.snapshotVersion,
        latestVersion,
        closedAt: wanted.closedAt,
        closedByName: wanted.closedByName,
        reopenedAt: wanted.reopenedAt,
        reopenedByName: wanted.reopenedByName,
        reopenReason: wanted.reopenReason,
      },
    };
  }
  return {
    data: computeSummary(quarter, { summaryText: report?.summaryText ?? "", planText: report?.planText ?? "" }),
    meta: {
      status: "draft",
      snapshotVersion: null,
      latestVersion,
      closedAt: null,
      closedByName: null,
      reopenedAt: versions[0]?.reopenedAt ?? null,
      reopenedByName: versions[0]?.reopenedByName ?? null,
      reopenReason: versions[0]?.reopenReason ?? null,
    },
  };
}

/** Which registry table (and its scope) a movement list's row ids belong to. */
const MOVEMENT_TABLE: Record<MovementKind, { table: string; scope: ScopeRule }> = {
  newEnterprises: { table: "enterprises", scope: enterpriseRegistry.scope },
  statusChanged: { table: "enterprises", scope: enterpriseRegistry.scope },
  deregistered: { table: "enterprises", scope: enterpriseRegistry.scope },
  newInstitutions: { table: "institutions", scope: institutionRegistry.scope },
  newTalents: { table: "talents", scope: talentRegistry.scope },
  qualificationsAwarded: { table: "enterprise_qualifications", scope: qualificationRegistry.scope },
  qualificationsExpiring: { table: "enterprise_qualifications", scope: qualificationRegistry.scope },
};

/**
 * A summary as a scoped user sees it: the movement lists (live or frozen) hold only records within their data
 * scope, judged by each registry's own predicate on the records as they are now. The indicator figures are the
 * district's own published figures and stay whole.
 */
export function scopeSummary(data: SummaryData, scope: DataScope): SummaryData {
  if (scope.kind === "all") return data;
  const sqlite = getDb().$client;
  const movements = {} as Record<MovementKind, MovementRow[]>;
  for (const kind of MOVEMENT_KINDS) {
    const rows = data.movements[kind] ?? [];
    const { table, scope: rule } = MOVEMENT_TABLE[kind];
    const pred = scopeSql(rule.where, `"${table}"`, scope);
    const ids = new Set(
      sqlite
        .prepare(`SELECT id FROM "${table}" WHERE id IN (SELECT value FROM json_each(?)) AND ${pred}`)
        .pluck()
        .all(JSON.stringify(rows.map((r) => r.id))) as number[],
    );
    movements[kind] = rows.filter((r) => ids.has(r.id));
  }
  return { ...data, movements };
}

/** Row counts of a summary, for the operation log of an export. */
export function summaryRowCounts(data: SummaryData): Record<string, number> {
  return {
    indicators: data.indicators.length,
    ...Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, data.movements[k].length])),
  };
}

/** The current snapshot version of a closed quarter, or null while it is a draft (the board links to it). */
export function closedVersion(quarter: string): number | null {
  const v = getDb()
    .$client.prepare(
      `SELECT s.snapshot_version FROM quarterly_reports r JOIN report_snapshots s ON s.id = r.current_snapshot_id
       WHERE r.quarter = ? AND r.status = 'closed'`,
    )
    .pluck()
    .get(quarter) as number | undefined;
  return v ?? null;
}

/**
 * The summary a page shows for /reports/[quarter]?v=…: 404 for a quarter outside 2016Q1…now or a version that
 * does not exist. Shared by the summary page and its print view.
 */
export async function summaryForPage(
  params: Promise<{ quarter: string }>,
  searchParams: Promise<{ v?: string }>,
): Promise<LoadedSummary & { quarter: string; version: number | null }> {
  const { quarter } = await params;
  if (!isReportQuarter(quarter)) notFound();
  const version = parseVersion((await searchParams).v);
  const summary = loadSummary(quarter, version);
  if (!summary) notFound();
  const user = await requireUser();
  const L = localiser(await getLocale());
  return { ...summary, data: localiseSummary(scopeSummary(summary.data, user.scope), L), quarter, version };
}

/** Indicator texts and dictionary labels (district, streets, types) in the interface's language. */
const LABEL_COLUMNS = ["street", "industryChain", "qualificationType", "institutionType", "talentCategory"];
function localiseSummary(data: SummaryData, L: Localiser): SummaryData {
  if (L.locale !== "en") return data;
  return {
    ...data,
    district: L.label(data.district),
    indicators: data.indicators.map(L.indicator),
    movements: Object.fromEntries(
      Object.entries(data.movements).map(([k, rows]) => [
        k,
        rows.map((r) => {
          const out = { ...r };
          for (const c of LABEL_COLUMNS) if (typeof out[c] === "string") out[c] = L.label(out[c] as string);
          return out;
        }),
      ]),
    ) as SummaryData["movements"],
    byStreet: data.byStreet?.map((b) => ({
      ...L.indicator(b),
      rows: b.rows.map((r) => ({ ...r, label: L.maybe(r.label) })),
    })),
  };
}
