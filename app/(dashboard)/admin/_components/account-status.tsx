"use client";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/users";

/** An account's state in the admin and auditor account tables: enabled/disabled, locked out, must change password. */
export function AccountStatus({
  u,
}: {
  u: { disabled: boolean; lockedUntil: string | null; mustChangePassword: boolean };
}) {
  const t = useT();
  const locked = !!u.lockedUntil && Date.parse(u.lockedUntil) > Date.now();
  return (
    <div className="flex flex-wrap gap-1">
      {u.disabled ? <Badge tone="bad">{t("users.disabled")}</Badge> : <Badge tone="ok">{t("users.active")}</Badge>}
      {locked ? <Badge tone="warn">{t("users.locked")}</Badge> : null}
      {u.mustChangePassword ? <Badge tone="warn">{t("users.mustChange")}</Badge> : null}
    </div>
  );
}
