import { Badge } from "@/components/ui/badge";

/** 万元 amounts: thousands separators, up to 2 decimals, right-aligned digits. */
export function formatAmount(v: number | null | undefined, digits = 2): string {
  if (v == null) return "";
  return v.toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

export function AmountCell({ value }: { value: number | null | undefined }) {
  return <span className="block text-right tabular">{formatAmount(value)}</span>;
}

export function SampleBadge({ label }: { label: string }) {
  return (
    <Badge tone="neutral" className="ml-1 align-middle text-[10px]">
      {label}
    </Badge>
  );
}
