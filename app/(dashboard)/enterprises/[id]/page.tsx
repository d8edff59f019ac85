import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { deleteEnterprise, restoreEnterprise } from "@/features/enterprises/actions";
import { getEnterprise } from "@/features/enterprises/queries";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { localiser } from "@/features/kpi/localise";
import { detailTab, loadRecord, RegistryDetailPage } from "@/features/registry/ui/registry-detail-page";
import { requirePermission } from "@/lib/dal";
import { getLocale, getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/mask";
import { can } from "@/lib/permissions";
import { getDictionaryOptions } from "@/lib/registry/dictionaries";
import { AwardsHistory } from "../../awards/_components/awards-history";
import { AnnualSection } from "../_components/annual-section";
import { ContactPhone } from "../_components/contact-phone";
import { QualificationsSection } from "../_components/qualifications-section";

export default async function EnterpriseDetailPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePermission("registry.read");
  const data = await loadRecord(props.params, getEnterprise);
  const t = await getT();
  const L = localiser(await getLocale());
  const e = data.e;
  const canWrite = can(user.role, "registry.write") && !e.deletedAt;
  return (
    <RegistryDetailPage
      definition={enterpriseRegistry}
      record={e}
      description={e.creditCode}
      tab={await detailTab(props.searchParams)}
      deleteAction={deleteEnterprise}
      restoreAction={restoreEnterprise}
      subResources={[
        { definition: qualificationRegistry, ids: data.childIds.qualification },
        { definition: annualRegistry, ids: data.childIds.annual },
      ]}
      overrides={{
        // Personal data: masked; the full number only through the logged one-record reveal.
        contactPhone: (
          <ContactPhone
            enterpriseId={e.id}
            name={e.name}
            phoneMasked={maskPhone(e.contactPhone)}
            canReveal={can(user.role, "personal.reveal")}
          />
        ),
      }}
    >
      <QualificationsSection
        enterpriseId={e.id}
        canWrite={canWrite}
        rows={data.qualifications.map((q) => ({ ...q.q, type: L.label(q.type), typeCode: q.typeCode }))}
        types={(getDictionaryOptions(["qualification_type"], await getLocale()).qualification_type ?? []).filter(
          (o) => o.enabled,
        )}
      />
      <AnnualSection enterpriseId={e.id} canWrite={canWrite} rows={data.annual} />
      {can(user.role, "award.read") ? <AwardsHistory enterpriseId={e.id} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("enterprises.linked.institutions")}</CardTitle>
        </CardHeader>
        <CardContent>
          <LinkList
            items={data.linkedInstitutions.map((i) => ({
              href: `/institutions/${i.id}`,
              label: i.name,
              note: `${L.label(i.type)} · ${t(`registry.levels.${i.level}`)}`,
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
              items={data.linkedTalents.map((i) => ({
                href: `/talents/${i.id}`,
                label: i.name,
                note: L.label(i.category),
              }))}
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
    </RegistryDetailPage>
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
          <Link
            href={i.href}
            className="text-brand-700 underline decoration-brand-700/40 underline-offset-2 hover:decoration-brand-700"
            translate="no"
          >
            {i.label}
          </Link>
          {i.note ? <span className="ml-2 text-xs text-slate-500">{i.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
