"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { importUsers, previewUserImport } from "@/features/setup/actions";
import type { ResolvedUser, UserImportError, UserImportRow } from "@/features/setup/user-import";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import "@/lib/i18n/page-sections/setup";
import "@/lib/i18n/page-sections/users";

type Preview = { file: string; rows: UserImportRow[]; users: ResolvedUser[]; errors: UserImportError[] };
type Created = {
  id: number;
  username: string;
  displayName: string;
  role: string;
  unitLabel: string;
  dataScope: string;
  oneTimePassword: string;
};

/**
 * 批量导入用户: choose the template file → preview (every row checked; any problem creates nothing) → create all
 * in one transaction → the one-time passwords, shown once, with a printable sheet of slips.
 */
export function UserImport() {
  const t = useT();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string[] | null>(null);
  const [created, setCreated] = useState<Created[] | null>(null);
  const [pending, start] = useTransition();

  function onFile(file: File | undefined) {
    if (!file) return;
    const fd = new FormData();
    fd.set("file", file);
    setCreated(null);
    setMessage(null);
    start(async () => {
      const res = await previewUserImport(fd);
      if (fileRef.current) fileRef.current.value = "";
      if (!res.ok) {
        setPreview(null);
        setMessage([res.message]);
        return;
      }
      setPreview(res.data);
    });
  }

  function create() {
    if (!preview) return;
    start(async () => {
      const res = await importUsers({ file: preview.file, rows: preview.rows });
      if (!res.ok) {
        setMessage([res.message, ...(res.fieldErrors?.rows ?? [])]);
        setPreview(null);
        return;
      }
      setPreview(null);
      setCreated(res.data.users);
      router.refresh();
    });
  }

  const err = (e: UserImportError) => t(e.key as MessageKey, e.params);
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-slate-600">{t("setup.users.importHint")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <a
          href="/admin/users/template"
          className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100"
          data-testid="user-template"
          download
        >
          {t("setup.users.template")}
        </a>
        <Button onClick={() => fileRef.current?.click()} disabled={pending}>
          {pending && !preview ? t("setup.users.reading") : t("setup.users.chooseFile")}
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="sr-only"
          aria-label={t("setup.users.chooseFile")}
          data-testid="user-import-file"
          onChange={(e) => onFile(e.target.files?.[0])}
        />
      </div>

      <div aria-live="polite">
        {message ? (
          <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-700" data-testid="user-import-message">
            <p>{message[0]}</p>
            {message.length > 1 ? (
              <ul className="mt-1 list-disc pl-5">
                {message.slice(1).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      {preview && preview.errors.length > 0 ? (
        <section
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
          data-testid="user-import-errors"
          aria-label={t("setup.users.errorsTitle", { n: preview.errors.length })}
        >
          <p role="alert" className="font-medium text-red-800">
            {t("setup.users.errorsTitle", { n: preview.errors.length })}
          </p>
          <div className="overflow-auto rounded border border-red-100 bg-white">
            <Table>
              <thead>
                <tr>
                  <Th>{t("setup.users.row")}</Th>
                  <Th>{t("setup.users.column")}</Th>
                  <Th>{t("setup.users.problem")}</Th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`}>
                    <Td className="tabular">{e.row ?? "—"}</Td>
                    <Td>{e.column ?? "—"}</Td>
                    <Td className="text-red-700">{err(e)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </section>
      ) : null}

      {preview && preview.errors.length === 0 ? (
        <section
          className="flex flex-col gap-2 rounded-md border border-brand-100 bg-brand-50 p-3"
          data-testid="user-import-preview"
          aria-label={t("setup.users.previewTitle", { n: preview.users.length })}
        >
          <p className="font-medium text-slate-900">{t("setup.users.previewTitle", { n: preview.users.length })}</p>
          <div className="overflow-auto rounded border border-slate-200 bg-white">
            <Table>
              <thead>
                <tr>
                  <Th>{t("setup.users.row")}</Th>
                  <Th>{t("setup.users.cols.name")}</Th>
                  <Th>{t("setup.users.cols.username")}</Th>
                  <Th>{t("setup.users.cols.unit")}</Th>
                  <Th>{t("setup.users.cols.role")}</Th>
                  <Th>{t("setup.users.cols.scope")}</Th>
                </tr>
              </thead>
              <tbody>
                {preview.users.map((u) => (
                  <tr key={u.username}>
                    <Td className="tabular">{u.row}</Td>
                    <Td translate="no">{u.displayName}</Td>
                    <Td translate="no">{u.username}</Td>
                    <Td>{u.unitLabel || "—"}</Td>
                    <Td>{t(`roles.${u.role}`)}</Td>
                    <Td>{t(`users.scopes.${u.dataScope}`)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={create} disabled={pending}>
              {pending ? t("setup.users.creating") : t("setup.users.confirm", { n: preview.users.length })}
            </Button>
            <Button variant="outline" onClick={() => setPreview(null)} disabled={pending}>
              {t("setup.users.cancel")}
            </Button>
          </div>
        </section>
      ) : null}

      {created ? (
        <section
          role="status"
          className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-3 text-green-900"
          data-testid="user-import-created"
        >
          <p className="font-medium">{t("setup.users.createdTitle", { n: created.length })}</p>
          <p className="text-xs text-green-800">{t("setup.users.createdHint")}</p>
          <div className="overflow-auto rounded border border-green-100 bg-white text-slate-900">
            <Table>
              <thead>
                <tr>
                  <Th>{t("setup.users.cols.name")}</Th>
                  <Th>{t("setup.users.cols.username")}</Th>
                  <Th>{t("setup.users.cols.unit")}</Th>
                  <Th>{t("setup.users.cols.role")}</Th>
                  <Th>{t("setup.users.cols.password")}</Th>
                </tr>
              </thead>
              <tbody>
                {created.map((u) => (
                  <tr key={u.id} data-testid={`created-${u.username}`}>
                    <Td translate="no">{u.displayName}</Td>
                    <Td translate="no">{u.username}</Td>
                    <Td>{u.unitLabel || "—"}</Td>
                    <Td>{t(`roles.${u.role}` as MessageKey)}</Td>
                    <Td>
                      <code className="font-mono text-base select-all" data-testid="created-password">
                        {u.oneTimePassword}
                      </code>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div>
            <Button variant="outline" onClick={() => window.print()} data-testid="print-slips">
              {t("setup.users.print")}
            </Button>
          </div>
          {/* The printed sheet: one slip per account, cut along the dashed lines (only this prints). */}
          <div className="password-slips hidden print:block" aria-hidden>
            {created.map((u) => (
              <div key={u.id} className="password-slip">
                <p className="font-semibold">{t("setup.users.slipTitle")}</p>
                <p>
                  {t("setup.users.cols.name")}
                  {t("common.colon")}
                  {u.displayName}　{t("setup.users.cols.unit")}
                  {t("common.colon")}
                  {u.unitLabel || "—"}　{t("setup.users.cols.role")}
                  {t("common.colon")}
                  {t(`roles.${u.role}` as MessageKey)}
                </p>
                <p>
                  {t("setup.users.cols.username")}
                  {t("common.colon")}
                  <span className="font-mono">{u.username}</span>　{t("setup.users.cols.password")}
                  {t("common.colon")}
                  <span className="font-mono text-lg">{u.oneTimePassword}</span>
                </p>
                <p className="text-xs">{t("setup.users.slipHint")}</p>
              </div>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
