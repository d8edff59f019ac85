"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatPeriod } from "@/lib/kpi/period";
import "@/lib/i18n/page-sections/kpi";

/** Board period in the URL (?period=2021Q1 or ?period=2020). */
export function PeriodSelect({ value, quarters, years }: { value: string; quarters: string[]; years: string[] }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const sp = useSearchParams();
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      {t("kpi.period")}
      <select
        name="period"
        aria-label={t("kpi.period")}
        aria-busy={pending}
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900"
        value={value}
        onChange={(e) => {
          const next = new URLSearchParams(sp.toString());
          next.set("period", e.target.value);
          start(() => router.push(`/?${next.toString()}`));
        }}
      >
        <optgroup label={t("kpi.quarters")}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {formatPeriod(q, locale)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("kpi.years")}>
          {years.map((y) => (
            <option key={y} value={y}>
              {formatPeriod(y, locale)}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
