import { parseAsString } from "nuqs/server";

/**
 * `?kpi=<indicator key>&period=<2021Q1 | 2020>` on a registry list: the records behind a board figure; with
 * `&area=street:<id>|park:<id>|park:none|street:unlinked`, those behind one row of its 镇街/园区 breakdown.
 */
export const drillParsers = { kpi: parseAsString, period: parseAsString, area: parseAsString };
export type DrillSearch = { kpi: string | null; period: string | null; area?: string | null };
