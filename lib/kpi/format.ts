// One formatter per precision (toLocaleString with options builds a new Intl.NumberFormat on every call).
const numberFormats = new Map<number, Intl.NumberFormat>();

/** Figures as the bureau writes them: thousands separators, at most `decimals` places, no trailing zeros. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value == null || !Number.isFinite(value)) return "—";
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  return f.format(value);
}

export function formatPct(value: number | null | undefined, decimals = 2): string {
  return formatNumber(value, decimals);
}

export function formatSigned(value: number | null | undefined, decimals = 1): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const s = formatNumber(Math.abs(value), decimals);
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}
