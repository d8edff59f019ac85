import { parseAsString } from "nuqs/server";

/** `?kpi=<indicator key>&period=<2021Q1 | 2020>` on a registry list: the records behind a board figure. */
export const drillParsers = { kpi: parseAsString, period: parseAsString };
export type DrillSearch = { kpi: string | null; period: string | null };
