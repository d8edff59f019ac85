"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
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

type TrendPoint = { period: string; value: number | null; target: number | null };

export function TrendChart({
  data,
  unit,
  decimals,
  invert,
}: {
  data: TrendPoint[];
  unit: string;
  decimals: number;
  invert: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const rows = data.map((d) => ({ ...d, label: formatPeriod(d.period, locale) }));
  return (
    <div className="h-64 w-full" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis
            tick={{ fontSize: 11 }}
            reversed={invert}
            width={56}
            tickFormatter={(v: number) => formatNumber(v, decimals)}
            label={{ value: unit, angle: 0, position: "insideTopLeft", offset: -2, fontSize: 11 }}
          />
          <Tooltip formatter={(v) => `${formatNumber(Number(v), decimals)} ${unit}`} />
          <Line
            type="monotone"
            dataKey="value"
            name={t("kpi.value")}
            stroke="#1d4ed8"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
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
          <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatNumber(v, decimals)} />
          <YAxis type="category" dataKey="district" width={150} tick={{ fontSize: 11 }} interval={0} />
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

export function ShareChart({ us, pct }: { us: string; pct: number }) {
  const t = useT();
  const data = [
    { name: us, value: pct },
    { name: t("kpi.restOfCity"), value: Math.max(100 - pct, 0) },
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
