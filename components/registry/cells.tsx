import { Badge } from "@/components/ui/badge";

// One formatter per precision: toLocaleString(locale, options) builds a new Intl.NumberFormat on every call, which
// dominated the cost of rendering a list page's amount cells.
const amountFormats = new Map<number, Intl.NumberFormat>();

/** 万元 amounts: thousands separators, up to 2 decimals, right-aligned digits. */
export function formatAmount(v: number | null | undefined, digits = 2): string {
  if (v == null) return "";
  let f = amountFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: digits });
    amountFormats.set(digits, f);
  }
  return f.format(v);
}

export function AmountCell({ value }: { value: number | null | undefined }) {
  return <span className="block text-right tabular">{formatAmount(value)}</span>;
}

export function SampleBadge({ label }: { label: string }) {
  return (
    <Badge tone="neutral" className="ml-1 align-middle text-xs">
      {label}
    </Badge>
  );
}

/**
 * A stored web address as a link that opens in a new tab and tells the site nothing about us. Only http(s) is
 * ever stored (the schema refuses other schemes); anything else is shown as text, never as a link.
 */
export function WebLink({ href }: { href: string }) {
  if (!/^https?:\/\//i.test(href)) return <span>{href}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="inline-block max-w-64 truncate align-bottom text-brand-700 hover:underline"
      title={href}
    >
      {href.replace(/^https?:\/\//i, "").replace(/\/$/, "")}
    </a>
  );
}
