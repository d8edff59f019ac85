// The Markdown report: one table of figures against the goals and the in-process floor, then the details.
export type Row = {
  scenario: string;
  result: string;
  goal: string;
  /** true = met, false = missed, null = not measured / no goal */
  met: boolean | null;
  floor?: string;
  ratio?: string;
};

/** The middle value (the upper of the two middles for an even count); 0 for none. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export const fmt = {
  ms: (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`),
  floorMs: (x: number) => (x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`),
  rps: (x: number) => `${x.toFixed(0)} req/s`,
  mb: (x: number) => `${x.toFixed(0)} MB`,
  kb: (x: number) => `${x.toFixed(1)} kB`,
  int: (x: number) => x.toLocaleString("en-US"),
};

export function table(rows: Row[]): string {
  const head =
    "| scenario | measured | goal | met | floor (in-process SQL) | ratio to floor |\n|---|---|---|---|---|---|";
  const body = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.result} | ${r.goal} | ${r.met === null ? "—" : r.met ? "✅ met" : "❌ missed"} | ${r.floor ?? ""} | ${r.ratio ?? ""} |`,
  );
  return [head, ...body].join("\n");
}
