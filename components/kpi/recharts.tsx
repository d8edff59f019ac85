"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";
import "@/lib/i18n/page-sections/kpi";

type TrendPoint = { period: string; value: number | null; target: number | null; href?: string | null };

/** Integer ticks for a rank axis 1…n: 1, 5, 10, … and n itself. */
export function rankTicks(n: number): number[] {
  const step = n <= 10 ? 1 : 5;
  const ticks = [1];
  for (let v = step; v < n; v += step) if (v > 1) ticks.push(v);
  if (n > 1) ticks.push(n);
  return ticks;
}

/** A trend point; for a registry count it is a link to the records behind that period's figure. */
function TrendDot(props: {
  cx?: number;
  cy?: number;
  payload?: TrendPoint & { label: string };
  title: (p: TrendPoint & { label: string }) => string;
}) {
  const { cx, cy, payload } = props;
  if (cx == null || cy == null || !payload || payload.value === null) return null;
  const dot = <circle cx={cx} cy={cy} r={4} fill="#fff" stroke="#1d4ed8" strokeWidth={2} />;
  if (!payload.href) return dot;
  return (
    <a href={payload.href} aria-label={props.title(payload)} data-testid="trend-drill">
      <title>{props.title(payload)}</title>
      {/* A larger transparent target makes the point easy to hit. */}
      <circle cx={cx} cy={cy} r={9} fill="transparent" className="cursor-pointer" />
      {dot}
    </a>
  );
}

export function TrendChart({
  data,
  unit,
  decimals,
  invert,
  districtCount,
}: {
  data: TrendPoint[];
  unit: string;
  decimals: number;
  /** The value is a rank (1 = best): an inverted integer axis from 1 to the number of districts. */
  invert: boolean;
  districtCount: number;
}) {
  const t = useT();
  const locale = useLocale();
  const rows = data.map((d) => ({ ...d, label: formatPeriod(d.period, locale) }));
  const fmt = (v: number | null) =>
    v === null ? "—" : invert ? t("kpi.rank", { rank: v }) : `${formatNumber(v, decimals)} ${unit}`;
  const title = (p: TrendPoint & { label: string }) => t("kpi.pointDrill", { period: p.label, value: fmt(p.value) });
  const n = Math.max(districtCount, 1);
  return (
    <div className="h-64 w-full" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          {invert ? (
            <YAxis
              type="number"
              tick={{ fontSize: 12 }}
              reversed
              domain={[1, n]}
              // A rank axis is 1…n whatever the data: never 0, never a fraction.
              allowDataOverflow
              ticks={rankTicks(n)}
              allowDecimals={false}
              interval={0}
              width={56}
              tickFormatter={(v: number) => String(Math.round(v))}
              label={{ value: t("kpi.rankLine"), angle: 0, position: "insideTopLeft", offset: -2, fontSize: 12 }}
            />
          ) : (
            <YAxis
              tick={{ fontSize: 12 }}
              width={56}
              allowDecimals={decimals > 0}
              tickFormatter={(v: number) => formatNumber(v, decimals)}
              label={{ value: unit, angle: 0, position: "insideTopLeft", offset: -2, fontSize: 12 }}
            />
          )}
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend verticalAlign="top" height={24} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="value"
            name={invert ? t("kpi.rankLine") : t("kpi.value")}
            stroke="#1d4ed8"
            strokeWidth={2}
            dot={(p) => (
              <TrendDot
                key={`${p.index}`}
                cx={p.cx}
                cy={p.cy}
                payload={p.payload as TrendPoint & { label: string }}
                title={title}
              />
            )}
            activeDot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="target"
            name={t("kpi.targetLine")}
            stroke="#b45309"
            strokeDasharray="5 4"
            dot={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function DistrictChart({
  data,
  unit,
  decimals,
}: {
  data: { district: string; value: number; isUs: boolean }[];
  unit: string;
  decimals: number;
}) {
  return (
    <div
      className="w-full"
      style={{ height: Math.max(240, data.length * 18 + 40) /* = districtHeight in charts.tsx */ }}
      data-testid="district-chart"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatNumber(v, decimals)} />
          <YAxis type="category" dataKey="district" width={150} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => `${formatNumber(Number(v), decimals)} ${unit}`} />
          <Bar dataKey="value" name={unit}>
            {data.map((d) => (
              <Cell key={d.district} fill={d.isUs ? "#1d4ed8" : "#cbd5e1"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ShareChart({ us, pct, rest }: { us: string; pct: number; rest: "city" | "districts" }) {
  const t = useT();
  const data = [
    { name: us, value: pct },
    { name: rest === "city" ? t("kpi.restOfCity") : t("kpi.restOfDistricts"), value: Math.max(100 - pct, 0) },
  ];
  return (
    <div className="relative h-48 w-full" data-testid="share-chart">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="name"
            innerRadius="60%"
            outerRadius="85%"
            startAngle={90}
            endAngle={-270}
          >
            <Cell fill="#1d4ed8" />
            <Cell fill="#e2e8f0" />
          </Pie>
          <Tooltip formatter={(v) => `${formatNumber(Number(v), 2)}%`} />
        </PieChart>
      </ResponsiveContainer>
      <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-xl font-semibold tabular">
        {formatNumber(pct, 2)}%
      </p>
    </div>
  );
}
