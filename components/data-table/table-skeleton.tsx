/** Shown while a list page's server query runs (route loading state). */
export function TableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div className="animate-pulse" aria-busy="true" aria-live="polite">
      <div className="mb-4 h-7 w-40 rounded bg-slate-200" />
      <div className="rounded-lg border border-slate-200 bg-white p-3">
        <div className="mb-3 flex gap-2">
          <div className="h-9 w-64 rounded bg-slate-100" />
          <div className="h-9 w-32 rounded bg-slate-100" />
          <div className="h-9 w-32 rounded bg-slate-100" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="mb-2 h-8 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
