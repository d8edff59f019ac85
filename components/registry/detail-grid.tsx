/** Label/value pairs for a record's detail page. */
export function DetailGrid({ items }: { items: { label: string; value: React.ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((i) => (
        <div key={i.label} className="min-w-0">
          <dt className="text-xs text-slate-500">{i.label}</dt>
          <dd className="mt-0.5 break-words text-sm text-slate-900">
            {i.value === null || i.value === undefined || i.value === "" ? "—" : i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function DetailTabs({
  base,
  active,
  tabs,
}: {
  base: string;
  active: string;
  tabs: { key: string; label: string }[];
}) {
  return (
    <div className="mb-4 flex gap-1 border-b border-slate-200" role="tablist">
      {tabs.map((tab) => (
        <a
          key={tab.key}
          role="tab"
          aria-selected={tab.key === active}
          href={tab.key === "detail" ? base : `${base}?tab=${tab.key}`}
          className={
            tab.key === active
              ? "-mb-px border-b-2 border-brand-600 px-4 py-2 text-sm font-medium text-brand-700"
              : "px-4 py-2 text-sm text-slate-600 hover:text-slate-900"
          }
        >
          {tab.label}
        </a>
      ))}
    </div>
  );
}
