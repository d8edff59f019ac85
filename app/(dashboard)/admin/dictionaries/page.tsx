import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DICTIONARY_KINDS } from "@/db/schema";
import { getDictionaryItems } from "@/features/dictionaries/queries";
import { dictionaryKindSchema } from "@/features/dictionaries/validations";
import { requirePermission } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { cn } from "@/lib/utils";
import { DictionaryEditor } from "./_components/dictionary-editor";

export default async function DictionariesPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await requirePermission("dictionary.manage");
  const t = await getT();
  const parsed = dictionaryKindSchema.safeParse((await searchParams).kind);
  const kind = parsed.success ? parsed.data : "street";
  const items = await getDictionaryItems(kind);
  return (
    <>
      <PageHeader title={t("dictionaries.title")} />
      <div className="mb-3 flex flex-wrap gap-1" role="tablist">
        {DICTIONARY_KINDS.map((k) => (
          <Link
            key={k}
            role="tab"
            aria-selected={k === kind}
            href={`/admin/dictionaries?kind=${k}`}
            className={cn(
              "rounded-md border px-3 py-1.5 text-sm",
              k === kind
                ? "border-brand-600 bg-brand-600 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
            )}
          >
            {t(`dictionaries.kinds.${k}`)}
          </Link>
        ))}
      </div>
      <Card>
        <CardContent>
          <DictionaryEditor kind={kind} items={items} />
        </CardContent>
      </Card>
    </>
  );
}
