/** ISO-8601 UTC timestamp, the format every *_at column uses. */
export function nowIso(d = new Date()): string {
  return d.toISOString();
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

const TZ = "Asia/Shanghai";

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it.
let beijingFormat: Intl.DateTimeFormat | undefined;
const beijing = () =>
  (beijingFormat ??= new Intl.DateTimeFormat("zh-CN", {
    timeZone: TZ,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }));

/** YYYY-MM-DD HH:mm:ss in Beijing time, for display. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = beijing().formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's date (YYYY-MM-DD) in Beijing time. */
export function todayIso(d = new Date()): string {
  return formatDateTime(d.toISOString()).slice(0, 10);
}

/** Converts a Beijing-time date (YYYY-MM-DD) boundary to the UTC ISO instant used in *_at columns. */
export function beijingDayStartUtc(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
