"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { ConflictValues } from "@/components/registry/form-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { Role } from "@/db/schema";
import { changeUserRole, changeUserScope, disableUser, enableUser, resetUserPassword } from "@/features/users/actions";
import type { UnitOptions, UserRow } from "@/features/users/queries";
import type { ActionResult, ConflictInfo } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import { ADMIN_ASSIGNABLE_ROLES, adminMayManage } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";
import { AccountStatus } from "../../_components/account-status";
import { OneTimePassword } from "../../_components/one-time-password";
import { UnitScopeFields } from "../../_components/unit-scope-fields";
import "@/lib/i18n/page-sections/users";

export function UsersTable({
  rows,
  currentUserId,
  units,
}: {
  rows: UserRow[];
  currentUserId: number;
  units: UnitOptions;
}) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string; conflict?: ConflictInfo } | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);
  const [scopeErrors, setScopeErrors] = useState<{ id: number; errors: Record<string, string[]> } | null>(null);
  // A role is changed only through a confirmation naming the user, the old and the new role.
  const [roleChange, setRoleChange] = useState<{ u: UserRow; to: Role } | null>(null);
  const roleDialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (roleChange) roleDialog.current?.showModal();
    else roleDialog.current?.close();
  }, [roleChange]);
  const unitLabel = (u: UserRow) =>
    units.flatMap((g) => g.items).find((o) => o.value === `${u.unitKind}:${u.unitId}`)?.label ?? t("users.noUnit");

  function saveScope(u: UserRow, form: HTMLFormElement) {
    const fd = new FormData(form);
    start(async () => {
      const res = await changeUserScope({
        id: u.id,
        version: u.version,
        unit: String(fd.get("unit") ?? ""),
        dataScope: String(fd.get("dataScope") ?? "all"),
      });
      setOtp(null);
      setScopeErrors(res.ok ? null : res.fieldErrors ? { id: u.id, errors: res.fieldErrors } : null);
      if (res.ok) {
        setMessage({ ok: true, text: t("users.scopeSaved") });
        router.refresh();
      } else setMessage({ ok: false, text: res.message, conflict: res.conflict });
    });
  }

  function run<D>(fn: () => Promise<ActionResult<D>>, onOk?: (d: D) => void) {
    start(async () => {
      const res = await fn();
      setOtp(null);
      if (res.ok) {
        setMessage({ ok: true, text: t("common.saved") });
        onOk?.(res.data);
        router.refresh();
      } else setMessage({ ok: false, text: res.message, conflict: res.conflict });
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">
        {message ? (
          <div
            role={message.ok ? "status" : "alert"}
            className={message.ok ? "text-sm text-green-800" : "text-sm text-red-700"}
          >
            <p>{message.text}</p>
            {message.conflict ? <ConflictValues conflict={message.conflict} /> : null}
          </div>
        ) : null}
        {otp ? (
          <OneTimePassword title={`${t("users.reset")}${t("common.colon")}${otp.username}`} password={otp.password} />
        ) : null}
      </div>
      <dialog
        ref={roleDialog}
        aria-labelledby="role-change-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
        onClose={() => setRoleChange(null)}
      >
        {roleChange ? (
          <div className="p-5">
            <h2 id="role-change-title" className="text-base font-semibold text-slate-900">
              {t("users.changeRole")}
            </h2>
            <p className="mt-2 text-sm text-slate-800" data-testid="role-change-message">
              {t("users.confirmRole", {
                name: roleChange.u.displayName,
                username: roleChange.u.username,
                from: t(`roles.${roleChange.u.role}`),
                to: t(`roles.${roleChange.to}`),
              })}
            </p>
            <div className="mt-5 flex justify-end gap-2">
              <Button variant="outline" onClick={() => setRoleChange(null)}>
                {t("common.cancel")}
              </Button>
              <Button
                onClick={() => {
                  const { u, to } = roleChange;
                  setRoleChange(null);
                  run(() => changeUserRole({ id: u.id, version: u.version, role: to }));
                }}
              >
                {t("users.confirmRoleButton")}
              </Button>
            </div>
          </div>
        ) : null}
      </dialog>
      <Table>
        <thead>
          <tr>
            <Th>{t("users.username")}</Th>
            <Th>{t("users.displayName")}</Th>
            <Th>{t("users.role")}</Th>
            <Th>
              {t("users.unit")} / {t("users.dataScope")}
            </Th>
            <Th>{t("users.status")}</Th>
            <Th>{t("users.lastChange")}</Th>
            <Th>{t("common.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => {
            const self = u.id === currentUserId;
            // 三权分立: auditor accounts are shown but only auditors manage them (the server refuses too).
            const managed = adminMayManage(u.role);
            return (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <Td className="font-mono">
                  {u.username} {u.isDemo ? <Badge tone="brand">{t("users.demo")}</Badge> : null}
                </Td>
                <Td translate="no">{u.displayName}</Td>
                <Td>
                  {managed ? (
                    <Select
                      aria-label={`${t("users.changeRole")}${t("common.colon")}${u.username}`}
                      className="w-40"
                      value={u.role}
                      disabled={self || pending}
                      // The select keeps showing the stored role until the change is confirmed and saved.
                      onChange={(e) => setRoleChange({ u, to: e.target.value as Role })}
                    >
                      {ADMIN_ASSIGNABLE_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <span>{t(`roles.${u.role}`)}</span>
                  )}
                </Td>
                <Td data-testid={`user-scope-${u.username}`}>
                  {managed && !self ? (
                    <form
                      // key: a saved change re-renders the selects with the stored values
                      key={`${u.id}-${u.version}`}
                      aria-label={`${t("users.changeScope")}${t("common.colon")}${u.username}`}
                      className="flex flex-wrap items-start gap-1"
                      onSubmit={(e) => {
                        e.preventDefault();
                        saveScope(u, e.currentTarget);
                      }}
                    >
                      <UnitScopeFields
                        units={units}
                        idPrefix={`user-${u.id}`}
                        unit={u.unitKind && u.unitId ? `${u.unitKind}:${u.unitId}` : ""}
                        dataScope={u.dataScope}
                        fieldErrors={scopeErrors?.id === u.id ? scopeErrors.errors : undefined}
                        compact
                      />
                      <Button type="submit" size="sm" variant="outline" disabled={pending}>
                        {t("users.saveScope")}
                      </Button>
                    </form>
                  ) : (
                    <span className="whitespace-nowrap">
                      {unitLabel(u)} · {t(`users.scopes.${u.dataScope}`)}
                    </span>
                  )}
                </Td>
                <Td>
                  <AccountStatus u={u} />
                </Td>
                <Td className="whitespace-nowrap text-slate-600">{formatDateTime(u.passwordChangedAt)}</Td>
                <Td>
                  {managed ? (
                    <div className="flex flex-wrap gap-1">
                      {u.disabled ? (
                        <ConfirmButton
                          size="sm"
                          variant="outline"
                          pending={pending}
                          message={t("users.confirmEnable", { name: u.username })}
                          onConfirm={() => run(() => enableUser({ id: u.id, version: u.version }))}
                        >
                          {t("users.enable")}
                        </ConfirmButton>
                      ) : (
                        <ConfirmButton
                          size="sm"
                          variant="outline"
                          pending={pending}
                          disabled={self}
                          message={t("users.confirmDisable", { name: u.username })}
                          onConfirm={() => run(() => disableUser({ id: u.id, version: u.version }))}
                        >
                          {t("users.disable")}
                        </ConfirmButton>
                      )}
                      <ConfirmButton
                        size="sm"
                        variant="outline"
                        pending={pending}
                        message={t("users.confirmReset", { name: u.username })}
                        onConfirm={() =>
                          run(
                            () => resetUserPassword({ id: u.id, version: u.version }),
                            (d) => setOtp({ username: u.username, password: d.oneTimePassword }),
                          )
                        }
                      >
                        {t("users.resetPassword")}
                      </ConfirmButton>
                    </div>
                  ) : (
                    <span className="text-xs text-slate-500">{t("users.managedByAuditors")}</span>
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
