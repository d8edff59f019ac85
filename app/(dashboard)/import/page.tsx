import { PageHeader } from "@/components/ui/page-header";
import { IMPORT_REGISTRIES, REGISTRY_SPECS } from "@/features/import/registries";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { ImportWorkbench } from "./_components/import-workbench";

export default async function ImportPage() {
  // Leader and auditor get a real 403; the actions check import.run again on the server.
  await requirePermission("import.run");
  const t = await getT();
  const registries = IMPORT_REGISTRIES.map((key) => ({
    key,
    label: t(REGISTRY_SPECS[key].label),
    list: REGISTRY_SPECS[key].list,
    listLabel: t(REGISTRY_SPECS[key].listLabel),
  }));
  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <ImportWorkbench registries={registries} />
    </>
  );
}
