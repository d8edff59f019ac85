// The shape of a quarterly summary (季度汇总): what the page, the print view, the snapshot and the Excel
// workbook all read. Pure data, no database — a closed quarter's snapshot is exactly this object as JSON.

import type { TargetStatus } from "@/features/kpi/ranking";

export type IndicatorRow = {
  key: string;
  name: string;
  unit: string;
  decimals: number;
  valueKind: "value" | "rank";
  /** The period the figure is for (yearly indicators lag: a 2021Q1 summary shows 2020 or 2019). */
  dataPeriod: string;
  value: number | null;
  rank: number | null;
  /** Districts ranked (of `districtCount`). */
  ranked: number;
  districtCount: number;
  /** + lead over the second district when first, − gap to the first otherwise (indicator's unit). */
  leadOrGap: number | null;
  /** Share, %, rounded to 2 decimals: of the published city total, or of the districts' sum (shareBase). */
  sharePct: number | null;
  /** 占全市比重 (a published city total exists) or 占区县合计. Absent in snapshots closed before it was kept. */
  shareBase?: "published" | "sum" | null;
  /** Where the figure comes from: a registry count drills to its records, a reported one to its provenance. */
  source?: "registry_count" | "reported";
  registryRule?: string | null;
  targetRank: number | null;
  targetValue: number | null;
  status: TargetStatus | null;
  qoqAbs: number | null;
  qoqPct: number | null;
  yoyAbs: number | null;
  yoyPct: number | null;
  sampleBased: boolean;
};

export const MOVEMENT_KINDS = [
  "newEnterprises",
  "statusChanged",
  "deregistered",
  "newInstitutions",
  "newTalents",
  "qualificationsAwarded",
  "qualificationsExpiring",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type CellType = "text" | "number" | "date" | "datetime";
/** `labels`: the value is a code shown through this catalogue prefix (e.g. enterprises.status.active). */
export type MovementColumn = { key: string; type: CellType; width: number; labels?: string };
export type MovementRow = Record<string, string | number | null> & { id: number };

const STATUS_COLUMNS: MovementColumn[] = [
  { key: "enterpriseName", type: "text", width: 36 },
  { key: "creditCode", type: "text", width: 22 },
  { key: "status", type: "text", width: 10, labels: "enterprises.status" },
  { key: "statusChangedAt", type: "datetime", width: 18 },
];

const QUALIFICATION_COLUMNS: MovementColumn[] = [
  { key: "enterpriseName", type: "text", width: 36 },
  { key: "creditCode", type: "text", width: 22 },
  { key: "qualificationType", type: "text", width: 22 },
  { key: "certificateNo", type: "text", width: 18 },
  { key: "awardedDate", type: "date", width: 12 },
  { key: "expiryDate", type: "date", width: 12 },
];

/** Columns per movement list; headers are catalogue keys `reports.columns.<key>`. */
export const MOVEMENT_COLUMNS: Record<MovementKind, MovementColumn[]> = {
  newEnterprises: [
    { key: "enterpriseName", type: "text", width: 36 },
    { key: "creditCode", type: "text", width: 22 },
    { key: "street", type: "text", width: 14 },
    { key: "industryChain", type: "text", width: 16 },
    { key: "qualificationType", type: "text", width: 22 },
    { key: "awardedDate", type: "date", width: 12 },
  ],
  statusChanged: STATUS_COLUMNS,
  deregistered: STATUS_COLUMNS,
  newInstitutions: [
    { key: "institutionName", type: "text", width: 36 },
    { key: "institutionType", type: "text", width: 20 },
    { key: "level", type: "text", width: 8, labels: "registry.levels" },
    { key: "host", type: "text", width: 30 },
    { key: "recognisedDate", type: "date", width: 12 },
  ],
  newTalents: [
    { key: "talentName", type: "text", width: 20 },
    { key: "talentKind", type: "text", width: 8, labels: "talents.kinds" },
    { key: "talentCategory", type: "text", width: 22 },
    { key: "employer", type: "text", width: 32 },
    { key: "recognisedYear", type: "number", width: 10 },
    { key: "enteredAt", type: "datetime", width: 18 },
  ],
  qualificationsAwarded: QUALIFICATION_COLUMNS,
  qualificationsExpiring: QUALIFICATION_COLUMNS,
};

/** Where a movement row links to in the registries. */
export const MOVEMENT_HREF: Record<MovementKind, string> = {
  newEnterprises: "/enterprises",
  statusChanged: "/enterprises",
  deregistered: "/enterprises",
  newInstitutions: "/institutions",
  newTalents: "/talents",
  qualificationsAwarded: "/enterprises",
  qualificationsExpiring: "/enterprises",
};

export type SummaryData = {
  quarter: string;
  district: string;
  /** ISO timestamp: when the figures were read. */
  dataAsOf: string;
  indicators: IndicatorRow[];
  movements: Record<MovementKind, MovementRow[]>;
  /** Any figure or listed record is synthetic demo data (示例数据). */
  hasSample: boolean;
  summaryText: string;
  planText: string;
  /**
   * Each registry-count figure split by 镇街 (features/kpi/breakdown.ts: same rule, rows add up to the figure).
   * Absent in snapshots closed before it was kept.
   */
  byStreet?: StreetBreakdown[];
};

export type StreetBreakdown = {
  key: string;
  name: string;
  dataPeriod: string;
  previousPeriod: string;
  /** `label` null: `area` is "none" (no street) or "unlinked" (未关联企业). */
  rows: { area: string; label: string | null; current: number; previous: number }[];
};

export type SummaryMeta = {
  status: "draft" | "closed";
  /** The snapshot version shown (null = live draft). */
  snapshotVersion: number | null;
  latestVersion: number | null;
  closedAt: string | null;
  closedByName: string | null;
  reopenedAt: string | null;
  reopenedByName: string | null;
  reopenReason: string | null;
};

/** One thing still empty or not entered when a quarter is about to be closed (封账前检查). */
export type CloseGap =
  | { code: "summaryText" | "planText"; kind: "narrative" }
  | { code: `indicator:${string}`; kind: "indicator"; name: string; period: string };

/** What a quarter's summary is missing: an empty 工作总结 / 下季度计划, indicators without Yubei's value. */
export function closeGaps(data: Pick<SummaryData, "summaryText" | "planText" | "indicators">): CloseGap[] {
  const gaps: CloseGap[] = [];
  if (!data.summaryText.trim()) gaps.push({ code: "summaryText", kind: "narrative" });
  if (!data.planText.trim()) gaps.push({ code: "planText", kind: "narrative" });
  for (const r of data.indicators) {
    if (r.value === null)
      gaps.push({ code: `indicator:${r.key}`, kind: "indicator", name: r.name, period: r.dataPeriod });
  }
  return gaps;
}
