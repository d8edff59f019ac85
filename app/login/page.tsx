import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { ownOriginFrom, safeRedirectPath } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const sp = await searchParams;
  const user = await getCurrentUser();
  const h = await headers();
  const callbackUrl = safeRedirectPath(
    sp.callbackUrl,
    ownOriginFrom((n) => h.get(n)),
  );
  if (user) redirect(user.mustChangePassword ? "/change-password" : callbackUrl);
  const t = await getT();
  return (
    <main
      aria-labelledby="login-title"
      className="flex min-h-dvh items-center justify-center bg-gradient-to-br from-brand-900 via-brand-700 to-sky-700 p-4"
    >
      <section aria-labelledby="login-form-title" className="w-full max-w-sm rounded-xl bg-white p-6 shadow-2xl sm:p-8">
        <p className="text-sm text-slate-500">{t("app.short")}</p>
        <h1 id="login-title" className="mb-1 text-xl font-semibold text-slate-900">
          {t("app.subtitle")}
        </h1>
        <h2 id="login-form-title" className="mb-5 text-sm text-slate-600">
          {t("login.title")}
        </h2>
        {sp.changed ? (
          <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("password.success")}
          </p>
        ) : null}
        {sp.expired && !sp.changed ? (
          <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t("login.expired")}
          </p>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} />
        {process.env.DEMO !== "0" ? (
          <p className="mt-5 text-xs leading-relaxed text-slate-500">{t("login.demoHint")}</p>
        ) : null}
      </section>
    </main>
  );
}
