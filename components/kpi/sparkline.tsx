/** A tiny server-rendered trend line (no client JavaScript). */
export function Sparkline({
  values,
  invert = false,
  label,
}: {
  values: (number | null)[];
  invert?: boolean;
  label: string;
}) {
  const pts = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (pts.length < 2) return null;
  const w = 96;
  const h = 28;
  const min = Math.min(...pts.map((p) => p.v));
  const max = Math.max(...pts.map((p) => p.v));
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * (w - 4) + 2;
  const y = (v: number) => {
    const t = (v - min) / span;
    return 2 + (invert ? t : 1 - t) * (h - 4);
  };
  const d = pts.map((p, k) => `${k === 0 ? "M" : "L"}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const last = pts[pts.length - 1];
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="shrink-0">
      <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} className="text-brand-600" />
      <circle cx={x(last.i)} cy={y(last.v)} r={2.5} className="fill-brand-600" />
    </svg>
  );
}
