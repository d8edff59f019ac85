import Link from "next/link";
import { notFound } from "next/navigation";
import { formatAmount } from "@/components/registry/cells";
import { DetailGrid } from "@/components/registry/detail-grid";
import { RecordHeader } from "@/components/registry/record-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { deleteEnterprise, restoreEnterprise } from "@/features/enterprises/actions";
import { getEnterprise } from "@/features/enterprises/queries";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { RegistryHistory } from "@/features/registry/history";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { AnnualSection } from "../_components/annual-section";
import { ContactPhone } from "../_components/contact-phone";
import { QualificationsSection } from "../_components/qualifications-section";

export default async function EnterpriseDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 ? await getEnterprise(id) : null;
  if (!data) notFound();
  const t = await getT();
  const tab = (await searchParams).tab === "history" ? "history" : "detail";
  const e = data.e;
  const canWrite = can(user.role, "registry.write") && !e.deletedAt;
  const base = `/enterprises/${e.id}`;

  return (
    <>
      <RecordHeader
        t={t}
        title={e.name}
        description={e.creditCode}
        base={base}
        listHref="/enterprises"
        record={e}
        canWrite={can(user.role, "registry.write")}
        canRestore={can(user.role, "registry.restore")}
        deleteAction={deleteEnterprise}
        restoreAction={restoreEnterprise}
        tab={tab}
      />
      {tab === "history" ? (
        <Card>
          <CardContent>
            <RegistryHistory
              t={t}
              definition={enterpriseRegistry}
              id={e.id}
              subResources={[
                { definition: qualificationRegistry, ids: data.childIds.qualification },
                { definition: annualRegistry, ids: data.childIds.annual },
              ]}
            />
          </CardContent>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <Card>
            <CardContent>
              <DetailGrid
                items={[
                  {
                    label: t("enterprises.fields.creditCode"),
                    value: <span className="font-mono">{e.creditCode}</span>,
                  },
                  { label: t("enterprises.fields.legalRepresentative"), value: e.legalRepresentative },
                  { label: t("enterprises.fields.foundedDate"), value: e.foundedDate },
                  { label: t("enterprises.fields.registeredCapital"), value: formatAmount(e.registeredCapital) },
                  { label: t("enterprises.fields.street"), value: data.street },
                  { label: t("enterprises.fields.park"), value: data.park },
                  { label: t("enterprises.fields.industryChain"), value: data.industryChain },
                  {
                    label: t("enterprises.fields.isAboveScale"),
                    value: e.isAboveScale ? t("common.yes") : t("common.no"),
                  },
                  { label: t("enterprises.fields.status"), value: t(`enterprises.status.${e.status}`) },
                  { label: t("enterprises.fields.contactName"), value: e.contactName },
                  // Personal data: masked; the full number only through the logged one-record reveal.
                  {
                    label: t("enterprises.fields.contactPhone"),
                    value: (
                      <ContactPhone
                        enterpriseId={e.id}
                        name={e.name}
                        phoneMasked={maskPhone(e.contactPhone)}
                        canReveal={can(user.role, "personal.reveal")}
                      />
                    ),
                  },
                  { label: t("enterprises.fields.latestRdExpense"), value: formatAmount(e.latestRdExpense) },
                ]}
              />
            </CardContent>
          </Card>
          <QualificationsSection
            enterpriseId={e.id}
            canWrite={canWrite}
            rows={data.qualifications.map((q) => ({ ...q.q, type: q.type, typeCode: q.typeCode }))}
            types={(getDictionaryOptions(["qualification_type"]).qualification_type ?? []).filter((o) => o.enabled)}
          />
          <AnnualSection enterpriseId={e.id} canWrite={canWrite} rows={data.annual} />
          <Card>
            <CardHeader>
              <CardTitle>{t("enterprises.linked.institutions")}</CardTitle>
            </CardHeader>
            <CardContent>
              <LinkList
                items={data.linkedInstitutions.map((i) => ({
                  href: `/institutions/${i.id}`,
                  label: i.name,
                  note: `${i.type} · ${t(`registry.levels.${i.level}`)}`,
                }))}
                t={t}
              />
            </CardContent>
          </Card>
          <div className="grid gap-4 md:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>{t("enterprises.linked.talents")}</CardTitle>
              </CardHeader>
              <CardContent>
                <LinkList
                  items={data.linkedTalents.map((i) => ({ href: `/talents/${i.id}`, label: i.name, note: i.category }))}
                  t={t}
                />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("enterprises.linked.incubators")}</CardTitle>
              </CardHeader>
              <CardContent>
                <LinkList
                  items={data.tenancies.map((i) => ({
                    href: `/incubators/${i.incubatorId}`,
                    label: i.incubator,
                    note: `${i.moveInDate} → ${i.moveOutDate ?? ""}`,
                  }))}
                  t={t}
                />
              </CardContent>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

function LinkList({
  items,
  t,
}: {
  items: { href: string; label: string; note?: string }[];
  t: Awaited<ReturnType<typeof getT>>;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("common.empty")}</p>;
  return (
    <ul className="flex flex-col gap-1.5 text-sm">
      {items.map((i) => (
        <li key={i.href}>
          <Link href={i.href} className="text-brand-700 hover:underline">
            {i.label}
          </Link>
          {i.note ? <span className="ml-2 text-xs text-slate-500">{i.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
