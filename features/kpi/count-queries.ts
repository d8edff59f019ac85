import type Database from "better-sqlite3";
import { periodEnd, periodStart, yearOf } from "@/lib/kpi/period";

/**
 * The registry-count indicators: each counts live records of the registries as of the end of a period
 * (stocks) or within the period (flows). Soft-deleted rows, inactive status and validity dates all count, and only approved rows count (录入 → 审核: a
 * record entered by a scoped user counts once a reviewer approves it; an edit awaiting review leaves the approved
 * values in place).
 */
type Rule =
  | { kind: "qualification"; code: string; flow?: boolean }
  | { kind: "institution"; code: string; level?: "national" | "municipal" | "district"; flow?: boolean }
  | { kind: "talent"; codes: string[]; personOnly?: boolean; teamOnly?: boolean };

export const REGISTRY_RULES: Record<string, Rule> = {
  municipal_tech_enterprises: { kind: "qualification", code: "municipal_tech_enterprise" },
  new_municipal_tech_enterprises: { kind: "qualification", code: "municipal_tech_enterprise", flow: true },
  new_rd_institutions: { kind: "institution", code: "new_rd_institution", level: "municipal" },
  new_rd_institutions_recognised: { kind: "institution", code: "new_rd_institution", level: "municipal", flow: true },
  new_hightech_rd_institutions: { kind: "institution", code: "new_high_end_rd_institution", level: "municipal" },
  new_hightech_rd_institutions_recognised: {
    kind: "institution",
    code: "new_high_end_rd_institution",
    level: "municipal",
    flow: true,
  },
  industrial_internal_rd_orgs: { kind: "institution", code: "industrial_internal_rd" },
  municipal_enterprise_tech_centers: { kind: "institution", code: "enterprise_tech_center", level: "municipal" },
  academician_workstations: { kind: "institution", code: "academician_workstation" },
  postdoc_workstations: { kind: "institution", code: "postdoc_workstation" },
  postdoc_workstations_national: { kind: "institution", code: "postdoc_workstation", level: "national" },
  high_level_talents: { kind: "talent", codes: ["high_level", "leading_talent"], personOnly: true },
  leading_talents: { kind: "talent", codes: ["leading_talent"], personOnly: true },
  startup_demo_teams: { kind: "talent", codes: ["startup_demo_team"], teamOnly: true },
};

/** The registry a rule counts, and the table its records live in. */
export type RuleRegistry = "enterprises" | "institutions" | "talents";

export function ruleRegistry(rule: string): RuleRegistry | null {
  const r = REGISTRY_RULES[rule];
  if (!r) return null;
  return r.kind === "qualification" ? "enterprises" : r.kind === "institution" ? "institutions" : "talents";
}

/** SQL text and bound values, kept apart so both raw better-sqlite3 and drizzle can bind them. */
export type SqlChunk = string | { value: string | number | null };

/**
 * THE definition of a registry-count rule: the condition a row of its registry table (referred to by the table's
 * own name) must meet to be counted for a period. The board's count and the drilled-through list (and its
 * exports) both use this condition, so a list always holds exactly the records behind a figure.
 */
export function ruleMembership(
  rule: string,
  period: string,
  /** Read a qualification rule's certificates from another table of the same columns (the counts' before-images). */
  from: { qualifications?: string } = {},
): { table: RuleRegistry; where: SqlChunk[] } {
  const r = REGISTRY_RULES[rule];
  if (!r) throw new Error(`unknown registry rule ${rule}`);
  const end = periodEnd(period);
  const start = periodStart(period);
  const v = (value: string | number | null) => ({ value });
  if (r.kind === "qualification") {
    return {
      table: "enterprises",
      where: [
        `"enterprises"."deleted_at" IS NULL AND "enterprises"."status" = 'active' AND "enterprises"."review_state" = 'approved' AND "enterprises"."id" IN (
          SELECT q.enterprise_id FROM ${from.qualifications ?? "enterprise_qualifications"} q
          WHERE q.type_id = (SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = `,
        v(r.code),
        `) AND q.deleted_at IS NULL AND q.review_state = 'approved' AND `,
        ...(r.flow
          ? ["q.awarded_date BETWEEN ", v(start), " AND ", v(end)]
          : ["q.awarded_date <= ", v(end), " AND (q.expiry_date IS NULL OR q.expiry_date >= ", v(end), ")"]),
        ")",
      ],
    };
  }
  if (r.kind === "institution") {
    return {
      table: "institutions",
      where: [
        `"institutions"."deleted_at" IS NULL AND "institutions"."status" = 'active' AND "institutions"."review_state" = 'approved'
          AND "institutions"."type_id" = (SELECT id FROM dictionary_items WHERE kind = 'institution_type' AND code = `,
        v(r.code),
        ")",
        ...(r.level ? [` AND "institutions"."level" = `, v(r.level)] : []),
        ...(r.flow
          ? [` AND "institutions"."recognised_date" BETWEEN `, v(start), " AND ", v(end)]
          : [` AND "institutions"."recognised_date" <= `, v(end)]),
      ],
    };
  }
  return {
    table: "talents",
    where: [
      `"talents"."deleted_at" IS NULL AND "talents"."review_state" = 'approved' AND "talents"."category_id" IN (SELECT id FROM dictionary_items WHERE kind = 'talent_category' AND code IN (SELECT value FROM json_each(`,
      v(JSON.stringify(r.codes)),
      `))) AND "talents"."recognised_year" <= `,
      v(yearOf(period)),
      ...(r.personOnly ? [` AND "talents"."kind" = 'person'`] : r.teamOnly ? [` AND "talents"."kind" = 'team'`] : []),
    ],
  };
}

/** Chunks → one SQL string with ? placeholders and its values, for better-sqlite3. */
export function toRawSql(chunks: SqlChunk[]): { sql: string; params: (string | number | null)[] } {
  const params: (string | number | null)[] = [];
  const sql = chunks
    .map((c) => {
      if (typeof c === "string") return c;
      params.push(c.value);
      return "?";
    })
    .join("");
  return { sql, params };
}

/** A fresh count of a registry-count indicator for a period, straight from the registries. */
export function countRegistry(sqlite: Database.Database, rule: string, period: string): number {
  const m = ruleMembership(rule, period);
  const { sql, params } = toRawSql(m.where);
  return sqlite
    .prepare(`SELECT count(*) FROM "${m.table}" WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
}

/**
 * The same counts for many periods in one pass over the registry (one scan instead of one per period): what the
 * board needs for a card's trend, previous period and same period last year. An optimisation of ruleMembership
 * for many periods at once; a unit test holds it equal to countRegistry per period.
 */
export function countRegistryMany(sqlite: Database.Database, rule: string, periods: string[]): Map<string, number> {
  const r = REGISTRY_RULES[rule];
  if (!r) throw new Error(`unknown registry rule ${rule}`);
  const out = new Map<string, number>();
  if (periods.length === 0) return out;
  const params: Record<string, unknown> = {};
  periods.forEach((p, i) => {
    params[`s${i}`] = periodStart(p);
    params[`e${i}`] = periodEnd(p);
    params[`y${i}`] = yearOf(p);
  });
  const cols = (f: (i: number) => string) => periods.map((_, i) => f(i)).join(", ");
  let sql: string;
  if (r.kind === "qualification") {
    params.code = r.code;
    const cond = (i: number) =>
      r.flow
        ? `max(q.awarded_date BETWEEN @s${i} AND @e${i})`
        : `max(q.awarded_date <= @e${i} AND (q.expiry_date IS NULL OR q.expiry_date >= @e${i}))`;
    sql = `SELECT ${cols((i) => `coalesce(sum(v${i}), 0)`)} FROM (
      SELECT ${cols((i) => `${cond(i)} AS v${i}`)} FROM enterprise_qualifications q
      JOIN enterprises e ON e.id = q.enterprise_id
      WHERE q.type_id = (SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = @code)
        AND q.deleted_at IS NULL AND q.review_state = 'approved'
        AND e.deleted_at IS NULL AND e.status = 'active' AND e.review_state = 'approved'
      GROUP BY q.enterprise_id)`;
  } else if (r.kind === "institution") {
    params.code = r.code;
    params.level = r.level ?? null;
    const cond = (i: number) =>
      r.flow ? `i.recognised_date BETWEEN @s${i} AND @e${i}` : `i.recognised_date <= @e${i}`;
    sql = `SELECT ${cols((i) => `coalesce(sum(${cond(i)}), 0)`)} FROM institutions i
      WHERE i.type_id = (SELECT id FROM dictionary_items WHERE kind = 'institution_type' AND code = @code)
        AND (@level IS NULL OR i.level = @level) AND i.deleted_at IS NULL AND i.status = 'active'
        AND i.review_state = 'approved'`;
  } else {
    params.codes = JSON.stringify(r.codes);
    params.kind = r.personOnly ? "person" : r.teamOnly ? "team" : null;
    sql = `SELECT ${cols((i) => `coalesce(sum(t.recognised_year <= @y${i}), 0)`)} FROM talents t
      WHERE t.category_id IN (SELECT id FROM dictionary_items WHERE kind = 'talent_category' AND code IN (SELECT value FROM json_each(@codes)))
        AND t.deleted_at IS NULL AND t.review_state = 'approved' AND (@kind IS NULL OR t.kind = @kind)`;
  }
  // Unused named parameters are an error in better-sqlite3: pass only those the statement mentions.
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`@${k}\\b`).test(sql)));
  const row = sqlite.prepare(sql).raw(true).get(used) as number[];
  periods.forEach((p, i) => {
    out.set(p, row[i] ?? 0);
  });
  return out;
}

// ───────────── breakdown by 镇街 / 园区 ─────────────

/** The two ways a registry count is split: by 镇街 (street/town) and by 园区 (park). */
export const BREAKDOWN_DIMS = ["street", "park"] as const;
export type BreakdownDim = (typeof BREAKDOWN_DIMS)[number];

/**
 * One row of a breakdown: a dictionary item's id, "none" (未入园 / no street recorded) or "unlinked" (an
 * institution or talent with no linked enterprise: 未关联企业).
 */
export type AreaKey = number | "none" | "unlinked";
export type Area = { dim: BreakdownDim; key: AreaKey };

/**
 * Where a record of a registry lies. Enterprises by their own 所属镇街 / 所属园区 (no park, or 不在园区: 未入园). Institutions and talents have no
 * street or park of their own: they lie where their linked enterprise (host / employer) is registered — its
 * current street and park, whatever its status — and a record with no linked enterprise is 未关联企业.
 * Written against the table's own name (no join), so the same text serves the board's GROUP BY and the list's WHERE.
 */
function areaParts(table: RuleRegistry, dim: BreakdownDim): { link: string | null; id: string } {
  // 不在园区 (the park dictionary's item `none`) says the same as an empty park: both are 未入园.
  const of = (col: string) =>
    dim === "street"
      ? `${col}.street_id`
      : `nullif(${col}.park_id, (SELECT id FROM dictionary_items WHERE kind = 'park' AND code = 'none'))`;
  if (table === "enterprises") return { link: null, id: of(`"enterprises"`) };
  const fk = table === "institutions" ? "host_enterprise_id" : "employer_enterprise_id";
  return {
    link: `"${table}"."${fk}"`,
    id: `(SELECT ${of("area_e")} FROM enterprises area_e WHERE area_e.id = "${table}"."${fk}")`,
  };
}

/** The condition "this record lies in that area" (the list filter behind one breakdown row). */
export function areaCondition(table: RuleRegistry, area: Area): SqlChunk[] {
  const { link, id } = areaParts(table, area.dim);
  if (area.key === "unlinked") return [link ? `${link} IS NULL` : "0"];
  const linked = link ? `${link} IS NOT NULL AND ` : "";
  if (area.key === "none") return [`(${linked}${id} IS NULL)`];
  return [`(${linked}${id} = `, { value: area.key }, ")"];
}

export type BreakdownRow = { key: AreaKey; current: number; previous: number };

/**
 * A registry count split by street or park, for a period and the period before, in ONE grouped statement: each
 * record is placed by areaParts and counted under ruleMembership at each period, so the rows add up exactly to
 * countRegistry(rule, period) and countRegistry(rule, previous).
 */
export function countBreakdown(
  sqlite: Database.Database,
  rule: string,
  period: string,
  previous: string,
  dim: BreakdownDim,
): BreakdownRow[] {
  const cur = ruleMembership(rule, period);
  const prev = ruleMembership(rule, previous);
  const { link, id } = areaParts(cur.table, dim);
  const chunks: SqlChunk[] = [
    `SELECT ${link ? `${link} IS NULL` : "0"} AS unlinked, ${id} AS area,
      coalesce(sum(CASE WHEN (`,
    ...cur.where,
    `) THEN 1 ELSE 0 END), 0) AS current, coalesce(sum(CASE WHEN (`,
    ...prev.where,
    `) THEN 1 ELSE 0 END), 0) AS previous FROM "${cur.table}" WHERE (`,
    ...cur.where,
    ") OR (",
    ...prev.where,
    ") GROUP BY 1, 2",
  ];
  const { sql, params } = toRawSql(chunks);
  const rows = sqlite.prepare(sql).all(...params) as {
    unlinked: number;
    area: number | null;
    current: number;
    previous: number;
  }[];
  return rows.map((r) => ({
    key: r.unlinked ? "unlinked" : r.area === null ? "none" : r.area,
    current: r.current,
    previous: r.previous,
  }));
}

/** `street:12`, `park:none`, `street:unlinked` ⇄ an Area (the `?area=` of a drilled list). */
export function parseArea(s: string | null | undefined): Area | null {
  const m = /^(street|park):(\d{1,12}|none|unlinked)$/.exec(s ?? "");
  if (!m) return null;
  const key = m[2] === "none" || m[2] === "unlinked" ? m[2] : Number(m[2]);
  return { dim: m[1] as BreakdownDim, key };
}
export function formatArea(a: Area): string {
  return `${a.dim}:${a.key}`;
}
