import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The board's 镇街/园区 breakdown: for every registry-count indicator, at several periods, the rows add up exactly
// to the card's figure (and to the previous period's), and each row equals the total of the list it links to.

const dir = vi.hoisted(() => {
  const d = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "bureau-bd-"));
  process.env.DATABASE_URL = require("node:path").join(d, "breakdown.db");
  return d as string;
});
vi.mock("@/lib/request-info", () => ({ getRequestInfo: async () => ({ ip: "127.0.0.1", userAgent: "vitest" }) }));

import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { enterpriseBinding } from "@/features/enterprises/list-query";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { loadEnterpriseSearch } from "@/features/enterprises/validations";
import { institutionBinding } from "@/features/institutions/queries";
import { institutionRegistry } from "@/features/institutions/registry";
import { loadInstitutionSearch } from "@/features/institutions/validations";
import { getBreakdown } from "@/features/kpi/breakdown";
import { BREAKDOWN_DIMS, countRegistry, formatArea, ruleRegistry } from "@/features/kpi/count-queries";
import { registryBreakdown } from "@/features/kpi/registry-counts";
import type { RegistryDefinition } from "@/features/registry/define";
import { type RegistryBinding, registryCountQuery } from "@/features/registry/query";
import { seedDictionaries } from "@/features/seed";
import { seedIndicators } from "@/features/seed/indicators";
import { seedRegistries } from "@/features/seed/registries";
import { talentBinding } from "@/features/talents/queries";
import { talentRegistry } from "@/features/talents/registry";
import { loadTalentSearch } from "@/features/talents/validations";
import { emitCommittedWrite } from "@/lib/committed-writes";
import { previousPeriod } from "@/lib/kpi/period";
import { FULL_SCOPE } from "@/lib/scope";

const LISTS: Record<
  "enterprises" | "institutions" | "talents",
  { def: RegistryDefinition; binding: RegistryBinding; load: (p: URLSearchParams) => Record<string, unknown> }
> = {
  enterprises: { def: enterpriseRegistry, binding: enterpriseBinding, load: loadEnterpriseSearch },
  institutions: { def: institutionRegistry, binding: institutionBinding, load: loadInstitutionSearch },
  talents: { def: talentRegistry, binding: talentBinding, load: loadTalentSearch },
};

type Ind = { key: string; registryRule: string; periodType: "quarter" | "year" };
let indicators: Ind[] = [];

beforeAll(() => {
  const db = getDb();
  runMigrations(db);
  seedDictionaries(db);
  seedRegistries(db);
  seedIndicators(db, { demo: false, ourRegistryValue: (rule, p) => countRegistry(db.$client, rule, p) });
  indicators = db.$client
    .prepare(
      "SELECT key, registry_rule AS registryRule, period_type AS periodType FROM indicators WHERE source = 'registry_count'",
    )
    .all() as Ind[];
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The total of a registry list opened from a link (the same count the list page shows). */
function listTotal(href: string): number {
  const url = new URL(href, "http://x");
  const registry = url.pathname.slice(1) as keyof typeof LISTS;
  const { def, binding, load } = LISTS[registry];
  return registryCountQuery(getDb(), def, binding, load(url.searchParams) as never, false, FULL_SCOPE).all()[0].n;
}

const PERIODS = { quarter: ["2019Q4", "2020Q2", "2021Q1", "2021Q2"], year: ["2018", "2020", "2021"] };

describe("registry-count breakdown by 镇街 / 园区", () => {
  it("covers every registry-count indicator of the seeded catalogue", () => {
    expect(indicators.length).toBeGreaterThanOrEqual(10);
    expect(new Set(indicators.map((i) => ruleRegistry(i.registryRule)))).toEqual(
      new Set(["enterprises", "institutions", "talents"]),
    );
  });

  it("sums exactly to the figure and to the previous period's figure, for every indicator, period and dimension", () => {
    const sqlite = getDb().$client;
    let checked = 0;
    for (const ind of indicators) {
      for (const p of PERIODS[ind.periodType]) {
        const figure = countRegistry(sqlite, ind.registryRule, p);
        const before = countRegistry(sqlite, ind.registryRule, previousPeriod(p));
        for (const dim of BREAKDOWN_DIMS) {
          const b = getBreakdown(ind, p, dim);
          const tag = `${ind.key}@${p} by ${dim}`;
          expect(b, tag).not.toBeNull();
          if (!b) continue;
          expect(
            b.rows.reduce((s, r) => s + r.current, 0),
            tag,
          ).toBe(figure);
          expect(
            b.rows.reduce((s, r) => s + r.previous, 0),
            tag,
          ).toBe(before);
          expect(b.total, tag).toBe(figure);
          expect(b.previousTotal, tag).toBe(before);
          for (const r of b.rows) expect(r.change, tag).toBe(r.current - r.previous);
          // Each area appears once.
          expect(new Set(b.rows.map((r) => String(r.key))).size, tag).toBe(b.rows.length);
          checked++;
        }
      }
    }
    expect(checked).toBe(indicators.reduce((n, i) => n + PERIODS[i.periodType].length * 2, 0));
  });

  it("each row's link opens a list whose total equals the row, now and at the previous period", () => {
    for (const ind of indicators) {
      const p = ind.periodType === "quarter" ? "2021Q1" : "2020";
      for (const dim of BREAKDOWN_DIMS) {
        const b = getBreakdown(ind, p, dim);
        if (!b) throw new Error(ind.key);
        for (const r of b.rows) {
          const tag = `${ind.key}@${p} ${formatArea({ dim, key: r.key })}`;
          expect(new URL(r.href, "http://x").searchParams.get("area"), tag).toBe(formatArea({ dim, key: r.key }));
          expect(listTotal(r.href), tag).toBe(r.current);
          const prev = new URL(r.href, "http://x");
          prev.searchParams.set("period", b.previous);
          expect(listTotal(`${prev.pathname}?${prev.searchParams}`), `${tag} (previous)`).toBe(r.previous);
        }
      }
    }
  });

  it("places institutions and talent through their linked enterprise, with a 未关联企业 row", () => {
    const talents = getBreakdown({ key: "high_level_talents", registryRule: "high_level_talents" }, "2021Q1", "street");
    expect(talents?.viaEnterprise).toBe(true);
    const unlinked = talents?.rows.find((r) => r.key === "unlinked");
    expect(unlinked?.current).toBe(
      getDb()
        .$client.prepare(
          `SELECT count(*) FROM talents t JOIN dictionary_items d ON d.id = t.category_id
           WHERE t.deleted_at IS NULL AND t.kind = 'person' AND d.code IN ('high_level', 'leading_talent')
             AND t.recognised_year <= 2021 AND t.employer_enterprise_id IS NULL`,
        )
        .pluck()
        .get(),
    );
    expect(unlinked?.current).toBeGreaterThan(0);
    const enterprisesByPark = getBreakdown(
      { key: "municipal_tech_enterprises", registryRule: "municipal_tech_enterprises" },
      "2021Q1",
      "park",
    );
    expect(enterprisesByPark?.viaEnterprise).toBe(false);
    expect(enterprisesByPark?.rows.some((r) => r.key === "none")).toBe(true);
    expect(enterprisesByPark?.rows.some((r) => r.key === "unlinked")).toBe(false);
  });

  it("is cached, and an enterprise write drops the breakdowns that place records through enterprises", () => {
    const sqlite = getDb().$client;
    const rule = "municipal_enterprise_tech_centers";
    const first = registryBreakdown(rule, "2021Q1", "2020Q4", "street");
    expect(registryBreakdown(rule, "2021Q1", "2020Q4", "street")).toBe(first);
    // Move one counted institution's host enterprise to another street (as an enterprise edit would).
    const host = sqlite
      .prepare(
        `SELECT e.id, e.street_id FROM institutions i JOIN enterprises e ON e.id = i.host_enterprise_id
         WHERE i.deleted_at IS NULL AND i.status = 'active' AND i.level = 'municipal' AND i.recognised_date <= '2021-03-31'
           AND i.type_id = (SELECT id FROM dictionary_items WHERE kind = 'institution_type' AND code = 'enterprise_tech_center')
         LIMIT 1`,
      )
      .get() as { id: number; street_id: number };
    const other = sqlite
      .prepare("SELECT id FROM dictionary_items WHERE kind = 'street' AND id <> ? ORDER BY id LIMIT 1")
      .pluck()
      .get(host.street_id) as number;
    sqlite.prepare("UPDATE enterprises SET street_id = ? WHERE id = ?").run(other, host.id);
    // An unrelated write (a talent) keeps the cached rows; the enterprise write drops them.
    emitCommittedWrite({ action: "talent.update", registries: ["talent"] });
    expect(registryBreakdown(rule, "2021Q1", "2020Q4", "street")).toBe(first);
    emitCommittedWrite({ action: "enterprise.update", registries: ["enterprise"] });
    const after = registryBreakdown(rule, "2021Q1", "2020Q4", "street");
    expect(after).not.toBe(first);
    expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ key: other })]));
    const sum = (rows: typeof first) => rows.reduce((s, r) => s + r.current, 0);
    expect(sum(after)).toBe(sum(first));
    sqlite.prepare("UPDATE enterprises SET street_id = ? WHERE id = ?").run(host.street_id, host.id);
    emitCommittedWrite({ action: "enterprise.update", registries: ["enterprise"] });
  });
});

describe("未入园", () => {
  it("holds enterprises with no park and those recorded as 不在园区, and no park row is 不在园区", () => {
    const b = getBreakdown(
      { key: "municipal_tech_enterprises", registryRule: "municipal_tech_enterprises" },
      "2021Q1",
      "park",
    );
    const noneId = getDb()
      .$client.prepare("SELECT id FROM dictionary_items WHERE kind = 'park' AND code = 'none'")
      .pluck()
      .get() as number;
    expect(b?.rows.some((r) => r.key === noneId)).toBe(false);
    const outside = b?.rows.find((r) => r.key === "none")?.current;
    expect(outside).toBe(
      getDb()
        .$client.prepare(
          `SELECT count(*) FROM enterprises e WHERE e.deleted_at IS NULL AND e.status = 'active'
             AND (e.park_id IS NULL OR e.park_id = ?)
             AND EXISTS (SELECT 1 FROM enterprise_qualifications q
               JOIN dictionary_items d ON d.id = q.type_id AND d.code = 'municipal_tech_enterprise'
               WHERE q.enterprise_id = e.id AND q.deleted_at IS NULL AND q.awarded_date <= '2021-03-31'
                 AND (q.expiry_date IS NULL OR q.expiry_date >= '2021-03-31'))`,
        )
        .pluck()
        .get(noneId),
    );
  });
});
