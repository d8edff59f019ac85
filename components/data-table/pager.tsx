"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/kpi/format";
import { cn } from "@/lib/utils";

/** The page numbers shown: the first, the last, and two either side of the current one; gaps as null (…). */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push(p - last === 2 ? last + 1 : null);
    out.push(p);
  }
  return out;
}

/** 上一页 · numbered pages · 下一页 · 跳至 [n] 页: the page lives in the URL (the caller's `go`). */
export function Pager({
  page,
  pageCount,
  pending,
  go,
}: {
  page: number;
  pageCount: number;
  pending: boolean;
  go: (page: number) => void;
}) {
  const t = useT();
  const pages = Math.max(pageCount, 1);
  const [jump, setJump] = useState("");
  const button = "h-8 min-w-8 rounded-md border border-slate-300 bg-white px-2.5 disabled:opacity-40";
  return (
    <nav aria-label={t("daily.pager")} className="flex flex-wrap items-center gap-1">
      <button type="button" className={button} disabled={page <= 1 || pending} onClick={() => go(page - 1)}>
        {t("common.prev")}
      </button>
      {pageWindow(page, pages).map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className="px-1 text-slate-400" aria-hidden>
            …
          </span>
        ) : (
          <button
            key={p}
            type="button"
            className={cn(button, "tabular", p === page && "border-brand-600 bg-brand-600 text-white")}
            aria-current={p === page ? "page" : undefined}
            aria-label={t("daily.pageN", { page: p })}
            disabled={pending}
            onClick={() => p !== page && go(p)}
          >
            {formatNumber(p)}
          </button>
        ),
      )}
      <button type="button" className={button} disabled={page >= pageCount || pending} onClick={() => go(page + 1)}>
        {t("common.next")}
      </button>
      <span className="sr-only">{t("common.page", { page, pages })}</span>
      <form
        className="ml-2 flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(jump);
          if (Number.isInteger(n) && n >= 1) go(Math.min(n, pages));
          setJump("");
        }}
      >
        <label htmlFor="pager-jump">{t("daily.jumpTo")}</label>
        <input
          id="pager-jump"
          inputMode="numeric"
          pattern="[0-9]*"
          className="h-8 w-14 rounded-md border border-slate-300 bg-white px-2 tabular"
          value={jump}
          onChange={(e) => setJump(e.target.value.replace(/\D/g, ""))}
        />
        <span>{t("daily.pageUnit")}</span>
        <button type="submit" className={button} disabled={!jump || pending}>
          {t("daily.jump")}
        </button>
      </form>
    </nav>
  );
}
