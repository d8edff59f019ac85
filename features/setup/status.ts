import "server-only";
import { getDb } from "@/db";
import { IMPORT_REGISTRIES, type ImportRegistry } from "@/features/import/registries";
import { OUR_DISTRICT } from "@/features/kpi/board";
import { anyDataVersion } from "@/features/kpi/registry-counts";
import { type Period, previousPeriod, quarterOfDate, yearOf } from "@/lib/kpi/period";
import { todayIso } from "@/lib/time";

// 开始使用: the first-day checklist. Every step's state is computed from the data (nothing is ticked by hand), so
// the page, the home page's choice between setup and board, and the leader's progress banner always agree.

export type StepKey = "accounts" | "registries" | "indicators" | "values" | "quarter";
export type Step = { key: StepKey; done: boolean };

export type SetupStatus = {
  steps: Step[];
  /** Every required step done. */
  complete: boolean;
  /**
   * The home page guides (shows the checklist to staff and admin, the progress to everyone else on the board):
   * a real installation whose setup is not complete. A demo database (its demo accounts) is a finished sample.
   */
  guiding: boolean;
  doneCount: number;
  accounts: {
    admin: number;
    staff: number;
    leader: number;
    scoped: number;
    units: { department: number; street: number; park: number };
  };
  registries: { key: ImportRegistry; live: number; imported: number; problems: number; lastFile: string | null }[];
  indicators: {
    total: number;
    reviewed: number;
    currentYear: number;
    nextYear: number;
    targetsCurrent: number;
    targetsNext: number;
  };
  values: {
    /** Indicators whose values are entered by staff (reported, or ranked among the districts). */
    total: number;
    entered: number;
    lastQuarter: Period;
    lastYear: Period;
    /** Indicators with any value before the last complete period (history), and from 2016. */
    withHistory: number;
    from2016: number;
    firstEntered: { key: string; name: string; nameEn: string | null } | null;
  };
  quarter: { closed: number; lastComplete: Period };
};

const TABLES: Record<ImportRegistry, string> = {
  enterprise: "enterprises",
  institution: "institutions",
  incubator: "incubators",
  talent: "talents",
};

const cache = globalThis as unknown as { __setupStatus?: { version: string; status: SetupStatus } };

/**
 * The checklist as it stands, computed once per state of the data (the board's cache key: any committed action or
 * another connection's write moves it) and per day (the last complete period moves with the date).
 */
export function getSetupStatus(): SetupStatus {
  const version = `${anyDataVersion()}:${todayIso()}`;
  const hit = cache.__setupStatus;
  if (hit && hit.version === version) return hit.status;
  const status = computeSetupStatus();
  cache.__setupStatus = { version, status };
  return status;
}

/** What the home page needs: the status while a real installation is being set up, else null (no work for a demo). */
export function setupInProgress(): SetupStatus | null {
  const demo = getDb().$client.prepare("SELECT 1 FROM users WHERE is_demo = 1 LIMIT 1").get();
  if (demo) return null;
  const status = getSetupStatus();
  return status.guiding ? status : null;
}

export function computeSetupStatus(): SetupStatus {
  const sqlite = getDb().$client;
  const one = <T = number>(sql: string, ...p: unknown[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...p) as T;
  const today = todayIso();
  const currentQuarter = quarterOfDate(today);
  const lastQuarter = previousPeriod(currentQuarter);
  const year = yearOf(currentQuarter);
  const lastYear = String(year - 1);

  // 1 · accounts (active) and the units they can belong to.
  const byRole = new Map(
    (
      sqlite.prepare("SELECT role, count(*) AS n FROM users WHERE disabled = 0 GROUP BY role").all() as {
        role: string;
        n: number;
      }[]
    ).map((r) => [r.role, r.n]),
  );
  const scoped = one("SELECT count(*) FROM users WHERE disabled = 0 AND data_scope <> 'all'");
  const unitCount = (kind: string) =>
    one(
      "SELECT count(*) FROM dictionary_items WHERE kind = ? AND enabled = 1 AND NOT (kind = 'park' AND code = 'none')",
      kind,
    );
  const accounts = {
    admin: byRole.get("admin") ?? 0,
    staff: byRole.get("staff") ?? 0,
    leader: byRole.get("leader") ?? 0,
    scoped,
    units: { department: unitCount("department"), street: unitCount("street"), park: unitCount("park") },
  };

  // 2 · registries: live records, rows written by imports, and the problem rows of the latest import attempt.
  const registries = IMPORT_REGISTRIES.map((key) => {
    const live = one(`SELECT count(*) FROM ${TABLES[key]} WHERE deleted_at IS NULL`);
    const imported =
      one<number | null>(
        `SELECT sum(coalesce(json_extract(detail, '$.counts.new'), 0) + coalesce(json_extract(detail, '$.counts.updated'), 0))
           FROM operation_logs WHERE action = 'import.commit' AND result = 'ok' AND json_extract(detail, '$.registry') = ?`,
        key,
      ) ?? 0;
    const last = sqlite
      .prepare(
        `SELECT json_extract(detail, '$.counts.invalid') AS invalid, json_extract(detail, '$.file') AS file
           FROM operation_logs WHERE action IN ('import.preview', 'import.commit') AND result = 'ok'
            AND json_extract(detail, '$.registry') = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(key) as { invalid: number | null; file: string | null } | undefined;
    return { key, live, imported, problems: last?.invalid ?? 0, lastFile: last?.file ?? null };
  });

  // 3 · indicators: 口径 saved by a person since installation, targets for this year and next.
  const indicators = {
    total: one("SELECT count(*) FROM indicators WHERE on_board = 1"),
    reviewed: one("SELECT count(*) FROM indicators WHERE on_board = 1 AND updated_by IS NOT NULL"),
    currentYear: year,
    nextYear: year + 1,
    targetsCurrent: one(
      "SELECT count(DISTINCT t.indicator_id) FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.on_board = 1 AND t.year = ? AND (t.target_rank IS NOT NULL OR t.target_value IS NOT NULL)",
      year,
    ),
    targetsNext: one(
      "SELECT count(DISTINCT t.indicator_id) FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.on_board = 1 AND t.year = ? AND (t.target_rank IS NOT NULL OR t.target_value IS NOT NULL)",
      year + 1,
    ),
  };

  // 4 · district values for each entered indicator's last complete period (a quarter, or the previous year).
  const us = one<number | undefined>(
    "SELECT id FROM dictionary_items WHERE kind = 'district' AND label = ?",
    OUR_DISTRICT,
  );
  const entered = sqlite
    .prepare(
      `SELECT key, name, name_en AS nameEn, period_type AS periodType, source, value_kind AS valueKind, compare_districts AS compare
         FROM indicators WHERE on_board = 1 AND (source = 'reported' OR compare_districts = 1) ORDER BY sort_order, id`,
    )
    .all() as {
    key: string;
    name: string;
    nameEn: string | null;
    periodType: string;
    source: string;
    valueKind: string;
    compare: number;
  }[];
  const hasOurs = sqlite.prepare(
    "SELECT 1 FROM district_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.key = ? AND v.period = ? AND v.district_id = ?",
  );
  const hasOthers = sqlite.prepare(
    "SELECT 1 FROM district_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.key = ? AND v.period = ? AND v.district_id <> ?",
  );
  const earliest = sqlite.prepare(
    "SELECT min(v.period) FROM district_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.key = ?",
  );
  let enteredCount = 0;
  let withHistory = 0;
  let from2016 = 0;
  let firstEntered: { key: string; name: string; nameEn: string | null } | null = null;
  for (const ind of entered) {
    const period = ind.periodType === "quarter" ? lastQuarter : lastYear;
    const ours = ind.source === "reported" ? !!hasOurs.get(ind.key, period, us ?? -1) : true;
    const ranked = ind.compare && ind.valueKind === "value" ? !!hasOthers.get(ind.key, period, us ?? -1) : true;
    if (ours && ranked) {
      enteredCount++;
      firstEntered ??= { key: ind.key, name: ind.name, nameEn: ind.nameEn };
    }
    const first = earliest.pluck().get(ind.key) as string | null;
    if (first && first < period) withHistory++;
    if (first && first <= "2016Q4" && first.startsWith("2016")) from2016++;
  }
  const values = {
    total: entered.length,
    entered: enteredCount,
    lastQuarter,
    lastYear,
    withHistory,
    from2016,
    firstEntered,
  };

  // 5 · the first quarter closed (a snapshot exists: reopening keeps it).
  const quarter = { closed: one("SELECT count(DISTINCT quarter) FROM report_snapshots"), lastComplete: lastQuarter };

  const steps: Step[] = [
    { key: "accounts", done: accounts.staff > 0 && accounts.leader > 0 },
    { key: "registries", done: registries.some((r) => r.live > 0) },
    { key: "indicators", done: indicators.targetsCurrent > 0 && indicators.targetsNext > 0 },
    { key: "values", done: values.entered > 0 },
    { key: "quarter", done: quarter.closed > 0 },
  ];
  const doneCount = steps.filter((s) => s.done).length;
  const demo = one("SELECT count(*) FROM users WHERE is_demo = 1") > 0;
  return {
    steps,
    complete: doneCount === steps.length,
    guiding: doneCount < steps.length && !demo,
    doneCount,
    accounts,
    registries,
    indicators,
    values,
    quarter,
  };
}
