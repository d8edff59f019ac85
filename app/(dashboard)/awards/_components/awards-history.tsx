import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { exclusionText } from "@/features/awards/format";
import { enterpriseAwards } from "@/features/awards/queries";
import { formatWan } from "@/features/awards/rules";
import { getT } from "@/lib/i18n/server";
import { STATE_TONE } from "./state-tone";

/** An enterprise's 政策兑现 history on its detail page: policy, year, amount, batch state (exclusions with reason). */
export async function AwardsHistory({ enterpriseId }: { enterpriseId: number }) {
  const t = await getT();
  const rows = enterpriseAwards(enterpriseId);
  return (
    <Card data-testid="awards-history">
      <CardHeader>
        <CardTitle>{t("awards.history")}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("awards.noHistory")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("awards.year")}</Th>
                <Th>{t("awards.policy")}</Th>
                <Th className="text-right">{t("awards.amount")}</Th>
                <Th className="text-right">{t("awards.paid")}</Th>
                <Th>{t("awards.stateLabel")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.batchId}>
                  <Td className="tabular">{r.year}</Td>
                  <Td>
                    <Link href={`/awards/batches/${r.batchId}`} className="text-brand-700 hover:underline">
                      {r.policyName}
                    </Link>
                  </Td>
                  <Td className="tabular text-right">{r.excluded ? "—" : formatWan(r.amountYuan)}</Td>
                  <Td className="tabular text-right">{formatWan(r.paidYuan)}</Td>
                  <Td>
                    {r.excluded ? (
                      <span className="text-xs text-slate-600">{exclusionText(t, r.exclusionReason)}</span>
                    ) : (
                      <Badge tone={STATE_TONE[r.state]}>{t(`awards.state.${r.state}`)}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
