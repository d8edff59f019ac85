// Drill-through: from a registry-count figure to the registry list of exactly the records behind it. The list's
// filter is the counting rule itself (features/kpi/count-queries.ts ruleMembership), never a second copy of it.
import { type SQL, sql } from "drizzle-orm";
import { type DB, getDb } from "@/db";
import {
  type Area,
  areaCondition,
  formatArea,
  parseArea,
  REGISTRY_RULES,
  type RuleRegistry,
  ruleMembership,
  ruleRegistry,
  type SqlChunk,
} from "@/features/kpi/count-queries";
import { isPeriod, periodEnd, periodStart } from "@/lib/kpi/period";
import type { DrillSearch } from "./drill-params";

export type Drill = {
  key: string;
  name: string;
  rule: string;
  registry: RuleRegistry;
  period: string;
  start: string;
  end: string;
  /** What the filter reads as: a catalogue key under `drill.` and its values. */
  label: {
    kind: "qualification" | "qualificationFlow" | "institution" | "institutionFlow" | "talent";
    type: string;
    level: string | null;
    who: "person" | "team" | null;
    year: number;
  };
  /** One row of the figure's 镇街/园区 breakdown, when the list was opened from it; `label` is null for none/unlinked. */
  area: (Area & { label: string | null }) | null;
  where: SQL;
};

function toDrizzle(chunks: SqlChunk[]): SQL {
  return sql.join(chunks.map((c) => (typeof c === "string" ? sql.raw(c) : sql`${c.value}`)));
}

/** The drill filter a list URL asks for, or null when it names no registry-count indicator of this registry. */
export function resolveDrill(db: DB, registry: RuleRegistry, s: DrillSearch): Drill | null {
  if (!s.kpi || !s.period || !isPeriod(s.period)) return null;
  const ind = db.$client
    .prepare("SELECT key, name, registry_rule AS rule FROM indicators WHERE key = ? AND source = 'registry_count'")
    .get(s.kpi) as { key: string; name: string; rule: string | null } | undefined;
  if (!ind?.rule || ruleRegistry(ind.rule) !== registry) return null;
  const m = ruleMembership(ind.rule, s.period);
  const area = parseArea(s.area);
  const areaLabel =
    area && typeof area.key === "number"
      ? ((db.$client
          .prepare("SELECT label FROM dictionary_items WHERE id = ? AND kind = ?")
          .pluck()
          .get(area.key, area.dim) as string | undefined) ?? null)
      : null;
  const r = REGISTRY_RULES[ind.rule];
  const dictKind = { qualification: "qualification_type", institution: "institution_type", talent: "talent_category" }[
    r.kind
  ];
  const codes = r.kind === "talent" ? r.codes : [r.code];
  const labels = db.$client
    .prepare(
      `SELECT label FROM dictionary_items WHERE kind = ? AND code IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id`,
    )
    .pluck()
    .all(dictKind, JSON.stringify(codes)) as string[];
  return {
    key: ind.key,
    name: ind.name,
    rule: ind.rule,
    registry,
    period: s.period,
    start: periodStart(s.period),
    end: periodEnd(s.period),
    label: {
      kind: r.kind === "talent" ? "talent" : r.flow ? `${r.kind}Flow` : r.kind,
      type: labels.join("、") || ind.name,
      level: r.kind === "institution" ? (r.level ?? null) : null,
      who: r.kind === "talent" ? (r.personOnly ? "person" : r.teamOnly ? "team" : null) : null,
      year: Number(s.period.slice(0, 4)),
    },
    area: area ? { ...area, label: areaLabel } : null,
    // The figure's rule, and for a breakdown row the area condition the breakdown groups by.
    where: toDrizzle(area ? ["(", ...m.where, ") AND ", ...areaCondition(registry, area)] : m.where),
  };
}

/** Where a registry-count figure of an indicator for a period drills to. */
export function drillHref(rule: string | null | undefined, key: string, period: string, area?: Area): string | null {
  const registry = rule ? ruleRegistry(rule) : null;
  if (!registry) return null;
  const q = new URLSearchParams({ kpi: key, period });
  if (area) q.set("area", formatArea(area));
  return `/${registry}?${q.toString()}`;
}

/** The same, on the app's database (for list pages). */
export function drillFor(registry: RuleRegistry, s: DrillSearch): Drill | null {
  return resolveDrill(getDb(), registry, s);
}
