// Apart from lib/kpi/format.ts (which every list uses in the browser): a 指标 key, named where the 指标 section of
// the catalogue is at hand.

/**
 * The one name of a share: 占全市比重 only where a published city total exists, otherwise 占区县合计. The card,
 * the donut, the quarterly summary, its print view and its workbook all label shares through this.
 */
export function shareLabelKey(
  base: "published" | "sum" | null | undefined,
): "kpi.shareLabel.published" | "kpi.shareLabel.sum" {
  return base === "published" ? "kpi.shareLabel.published" : "kpi.shareLabel.sum";
}
