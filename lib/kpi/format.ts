/** Figures as the bureau writes them: thousands separators, at most `decimals` places, no trailing zeros. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return value.toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

export function formatPct(value: number | null | undefined, decimals = 2): string {
  return formatNumber(value, decimals);
}

export function formatSigned(value: number | null | undefined, decimals = 1): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const s = formatNumber(Math.abs(value), decimals);
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}
