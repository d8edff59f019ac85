import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("errors.notFoundTitle")}</h1>
      <p className="max-w-md text-slate-600">{t("errors.notFoundBody")}</p>
      <Link href="/" className="text-brand-600 hover:underline">
        {t("errors.backHome")}
      </Link>
    </div>
  );
}
