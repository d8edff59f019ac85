"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { safeRedirectPath } from "@/lib/safe-redirect";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      username: String(fd.get("username") ?? ""),
      password: String(fd.get("password") ?? ""),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      // Checked again in the browser, against the origin the browser itself is on.
      router.replace(safeRedirectPath(callbackUrl, window.location.origin));
      router.refresh();
      return;
    }
    setPending(false);
    setError(t("login.failed"));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? "login-error" : undefined}>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="username">{t("login.username")}</Label>
        <Input id="username" name="username" autoComplete="username" required autoFocus maxLength={64} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">{t("login.password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </div>
      <div aria-live="polite">
        {error ? (
          <p id="login-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
