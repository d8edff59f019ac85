import "server-only";
import { getDb } from "@/db";
import type { Locale } from "@/lib/i18n/core";

// The English interface's indicator texts and dictionary labels, applied where a page shows what was read in
// Chinese (the board's cards and charts, the indicator pages, the summaries). In Chinese everything is returned
// as it is. Labels are translated by the dictionary's own English labels (kind + label is unique), so a label an
// admin added without an English form stays as entered.

type IndicatorTexts = { name: string; unit: string; definition: string; dataSource: string; releaseLag: string };
type En = Partial<Record<keyof IndicatorTexts, string | null>>;

export type Localiser = {
  locale: Locale;
  /** An indicator (or any row with its key) with its texts in the interface's language. */
  indicator: <T extends { key: string } & Partial<IndicatorTexts>>(ind: T) => T;
  /** A dictionary label (a district, a street, a qualification type …) in the interface's language. */
  label: (label: string) => string;
  /** The same, keeping null and undefined. */
  maybe: <V extends string | null | undefined>(label: V) => V;
};

const identity: Localiser = {
  locale: "zh-CN",
  indicator: (ind) => ind,
  label: (l) => l,
  maybe: (l) => l,
};

export function localiser(locale: Locale): Localiser {
  if (locale !== "en") return identity;
  const sqlite = getDb().$client;
  const texts = new Map(
    (
      sqlite
        .prepare(
          `SELECT key, name_en AS name, unit_en AS unit, definition_en AS definition, data_source_en AS dataSource,
             release_lag_en AS releaseLag FROM indicators`,
        )
        .all() as ({ key: string } & En)[]
    ).map((r) => [r.key, r]),
  );
  const labels = new Map(
    (
      sqlite
        .prepare("SELECT label, label_en AS en FROM dictionary_items WHERE label_en IS NOT NULL AND label_en <> ''")
        .all() as {
        label: string;
        en: string;
      }[]
    ).map((r) => [r.label, r.en]),
  );
  const label = (l: string) => labels.get(l) ?? l;
  return {
    locale,
    indicator: (ind) => {
      const en = texts.get(ind.key);
      if (!en) return ind;
      const out: Record<string, unknown> = { ...ind };
      for (const k of ["name", "unit", "definition", "dataSource", "releaseLag"] as const)
        if (k in ind && en[k]) out[k] = en[k];
      return out as typeof ind;
    },
    label,
    maybe: (l) => (typeof l === "string" ? label(l) : l) as typeof l,
  };
}

/** The board with every indicator text and district name in the interface's language. */
export function localiseBoard<
  B extends {
    ourDistrict: string;
    cards: {
      indicator: { key: string; name: string; unit: string };
      comparison: { district: string }[];
      standing: { leaders: string[]; missing: string[] };
    }[];
    alerts: { offTarget: { key: string; name: string }[]; missing: { key: string; name: string }[] };
    progress: { missing: { key: string; name: string }[] };
  },
>(board: B, L: Localiser): B {
  if (L.locale !== "en") return board;
  return {
    ...board,
    ourDistrict: L.label(board.ourDistrict),
    cards: board.cards.map((c) => ({
      ...c,
      indicator: L.indicator(c.indicator),
      comparison: c.comparison.map((d) => ({ ...d, district: L.label(d.district) })),
      standing: { ...c.standing, leaders: c.standing.leaders.map(L.label), missing: c.standing.missing.map(L.label) },
    })),
    alerts: {
      ...board.alerts,
      offTarget: board.alerts.offTarget.map(L.indicator),
      missing: board.alerts.missing.map(L.indicator),
    },
    progress: { ...board.progress, missing: board.progress.missing.map(L.indicator) },
  };
}

/** A board figure's drill filter (its chip) with the indicator's name and the labels in the interface's language. */
export function localiseDrill<
  D extends { key: string; name: string; label: { type: string }; area: { label: string | null } | null },
>(drill: D | null, L: Localiser): D | null {
  if (!drill || L.locale !== "en") return drill;
  return {
    ...drill,
    name: L.indicator(drill).name,
    label: { ...drill.label, type: drill.label.type.split("、").map(L.label).join(", ") },
    area: drill.area ? { ...drill.area, label: L.maybe(drill.area.label) } : null,
  };
}
