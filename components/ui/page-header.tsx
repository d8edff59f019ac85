export function PageHeader({
  title,
  description,
  actions,
  titleIsData,
  subject,
}: {
  /** A record's name shown after the title (data: never translated). */
  subject?: string;
  title: string;
  /** The title is a record's name (data, not interface text): never translated. */
  titleIsData?: boolean;
  description?: string;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-slate-900" translate={titleIsData ? "no" : undefined}>
          {title}
          {subject ? <span translate="no">{subject}</span> : null}
        </h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
