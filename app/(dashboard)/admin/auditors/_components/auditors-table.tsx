"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Table, Td, Th } from "@/components/ui/table";
import { resetAuditorPassword } from "@/features/auditors/actions";
import type { AuditorRow } from "@/features/auditors/queries";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/time";
import { AccountStatus } from "../../_components/account-status";
import { OneTimePassword } from "../../_components/one-time-password";
import "@/lib/i18n/page-sections/users";
import "@/lib/i18n/page-sections/auditors";

export function AuditorsTable({ rows, currentUserId }: { rows: AuditorRow[]; currentUserId: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);

  function reset(id: number, version: number) {
    start(async () => {
      const res = await resetAuditorPassword({ id, version });
      if (res.ok) {
        setMessage(null);
        setOtp({ username: res.data.username, password: res.data.oneTimePassword });
        router.refresh();
      } else {
        setOtp(null);
        setMessage(res.message);
      }
    });
  }

  if (rows.length === 0) return <p className="p-4 text-sm text-slate-500">{t("auditors.empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite" className="px-3 pt-3 empty:hidden">
        {message ? (
          <p role="alert" className="text-sm text-red-700">
            {message}
          </p>
        ) : null}
        {otp ? (
          <OneTimePassword title={`${t("users.reset")}${t("common.colon")}${otp.username}`} password={otp.password} />
        ) : null}
      </div>
      <Table>
        <thead>
          <tr>
            <Th>{t("users.username")}</Th>
            <Th>{t("users.displayName")}</Th>
            <Th>{t("users.status")}</Th>
            <Th>{t("users.lastChange")}</Th>
            <Th>{t("common.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => {
            return (
              <tr key={u.id} data-testid={`auditor-row-${u.username}`}>
                <Td className="font-mono">{u.username}</Td>
                <Td translate="no">{u.displayName}</Td>
                <Td>
                  <AccountStatus u={u} />
                </Td>
                <Td className="whitespace-nowrap text-slate-600">{formatDateTime(u.passwordChangedAt)}</Td>
                <Td>
                  {u.id === currentUserId ? (
                    <span className="text-xs text-slate-500">{t("auditors.cannotResetSelf")}</span>
                  ) : (
                    <ConfirmButton
                      size="sm"
                      variant="outline"
                      pending={pending}
                      message={t("auditors.confirmReset", { name: u.username })}
                      onConfirm={() => reset(u.id, u.version)}
                    >
                      {t("auditors.resetPassword")}
                    </ConfirmButton>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
