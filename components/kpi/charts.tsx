"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type * as Charts from "./recharts";

// recharts is the heaviest client library of the app (~100 kB gzip). The charts load after the page, so the
// headline cards a leader reads first are interactive sooner; each placeholder keeps the chart's size.
function Placeholder({ height }: { height: number }) {
  return <div className="w-full animate-pulse rounded bg-slate-100" style={{ height }} aria-hidden />;
}

/** Same formula as the chart itself: one bar per district. */
const districtHeight = (n: number) => Math.max(240, n * 18 + 40);

const Trend = dynamic(() => import("./recharts").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <Placeholder height={256} />,
});
const District = dynamic(() => import("./recharts").then((m) => m.DistrictChart), { ssr: false });
const Share = dynamic(() => import("./recharts").then((m) => m.ShareChart), {
  ssr: false,
  loading: () => <Placeholder height={192} />,
});

export function TrendChart(props: ComponentProps<typeof Charts.TrendChart>) {
  return <Trend {...props} />;
}
export function DistrictChart(props: ComponentProps<typeof Charts.DistrictChart>) {
  const height = districtHeight(props.data.length);
  return (
    <div style={{ minHeight: height }}>
      <District {...props} />
    </div>
  );
}
export function ShareChart(props: ComponentProps<typeof Charts.ShareChart>) {
  return <Share {...props} />;
}
