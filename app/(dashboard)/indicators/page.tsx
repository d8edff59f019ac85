import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getIndicatorsOverview } from "@/features/indicators/queries";
import { localiser } from "@/features/kpi/localise";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/kpi/format";
import { formatPeriod } from "@/lib/kpi/period";

const TONE = { met: "ok", warning: "warn", missed: "bad", no_data: "neutral" } as const;

export default async function IndicatorsPage() {
  await requirePermission("indicator.read");
  const t = await getT();
  const locale = await getLocale();
  const L = localiser(locale);
  const rows = (await getIndicatorsOverview()).map((r) => ({ ...r, ind: L.indicator(r.ind) }));
  return (
    <>
      <PageHeader title={t("kpi.indicators.title")} />
      <Card>
        <Table data-testid="indicators-table">
          <thead>
            <tr>
              <Th>{t("kpi.indicators.name")}</Th>
              <Th>{t("kpi.indicators.unit")}</Th>
              <Th>{t("kpi.indicators.periodType")}</Th>
              <Th>{t("kpi.indicators.source")}</Th>
              <Th>{t("kpi.indicators.latest")}</Th>
              <Th className="text-right">{t("kpi.indicators.valueCol")}</Th>
              <Th>{t("kpi.indicators.rankCol")}</Th>
              <Th>{t("common.status")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ ind, card }) => (
              <tr key={ind.key}>
                <Td>
                  <Link href={`/indicators/${ind.key}`} className="font-medium text-brand-700 hover:underline">
                    {ind.name}
                  </Link>
                </Td>
                <Td>{ind.unit}</Td>
                <Td>{t(`kpi.indicators.periodTypes.${ind.periodType}`)}</Td>
                <Td className="whitespace-nowrap">{t(`kpi.source.${ind.source}`)}</Td>
                <Td className="whitespace-nowrap">{card ? formatPeriod(card.period, locale) : "—"}</Td>
                <Td className="text-right tabular">{formatNumber(card?.value, ind.decimals)}</Td>
                <Td className="whitespace-nowrap">
                  {card?.standing.rank ? t("kpi.rank", { rank: card.standing.rank }) : "—"}
                </Td>
                <Td>
                  {card?.status ? <Badge tone={TONE[card.status]}>{t(`kpi.status.${card.status}`)}</Badge> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
