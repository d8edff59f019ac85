"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { UnsavedGuard } from "@/components/daily/unsaved-guard";
import { ConflictValues } from "@/components/registry/form-field";
import { useFormAction } from "@/components/registry/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError, Input, Label } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { DictionaryItem, DictionaryKind } from "@/db/schema";
import { createDictionaryItem, toggleDictionaryItem, updateDictionaryItem } from "@/features/dictionaries/actions";
import type { ActionResult, ConflictInfo } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/dictionaries";

function Row({ item }: { item: DictionaryItem }) {
  const t = useT();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ text: string; conflict?: ConflictInfo } | null>(null);
  const [label, setLabel] = useState(item.label);
  const [labelEn, setLabelEn] = useState(item.labelEn ?? "");
  const [sortOrder, setSortOrder] = useState(String(item.sortOrder));

  function run(fn: () => Promise<ActionResult<unknown>>) {
    start(async () => {
      const res = await fn();
      if (res.ok) {
        setError(null);
        setEditing(false);
        router.refresh();
      } else
        setError(
          res.fieldErrors
            ? { text: Object.values(res.fieldErrors).flat().join("；") }
            : { text: res.message, conflict: res.conflict },
        );
    });
  }

  return (
    <tr data-testid={`dict-row-${item.code}`}>
      <Td className="font-mono text-xs text-slate-500">{item.code}</Td>
      <Td>
        {editing ? (
          <Input
            aria-label={t("dictionaries.label")}
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
          />
        ) : (
          <span translate="no">{item.label}</span>
        )}
        {error ? (
          <div className="mt-1 text-xs text-red-700" role="alert">
            <p>{error.text}</p>
            {error.conflict ? <ConflictValues conflict={error.conflict} /> : null}
          </div>
        ) : null}
      </Td>
      <Td>
        {editing ? (
          <Input
            aria-label={t("dictionaries.labelEn")}
            value={labelEn}
            maxLength={100}
            lang="en"
            onChange={(e) => setLabelEn(e.target.value)}
          />
        ) : (
          <span lang="en">{item.labelEn ?? "—"}</span>
        )}
      </Td>
      <Td className="w-28">
        {editing ? (
          <Input
            aria-label={t("dictionaries.sortOrder")}
            type="number"
            min={0}
            value={sortOrder}
            onChange={(e) => setSortOrder(e.target.value)}
          />
        ) : (
          <span className="tabular">{item.sortOrder}</span>
        )}
      </Td>
      <Td>{item.enabled ? <Badge tone="ok">{t("common.enabled")}</Badge> : <Badge>{t("common.disabled")}</Badge>}</Td>
      <Td>
        <div className="flex flex-wrap gap-1">
          {editing ? (
            <>
              <Button
                size="sm"
                disabled={pending}
                onClick={() =>
                  run(() => updateDictionaryItem({ id: item.id, label, labelEn, sortOrder, version: item.version }))
                }
              >
                {t("common.save")}
              </Button>
              <Button size="sm" variant="outline" onClick={() => setEditing(false)}>
                {t("common.cancel")}
              </Button>
            </>
          ) : (
            <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
              {t("common.edit")}
            </Button>
          )}
          {item.enabled ? (
            <ConfirmButton
              size="sm"
              variant="outline"
              pending={pending}
              message={t("dictionaries.confirmDisable", { name: item.label })}
              onConfirm={() => run(() => toggleDictionaryItem({ id: item.id, enabled: false, version: item.version }))}
            >
              {t("common.disabled")}
            </ConfirmButton>
          ) : (
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={() => run(() => toggleDictionaryItem({ id: item.id, enabled: true, version: item.version }))}
            >
              {t("common.enabled")}
            </Button>
          )}
        </div>
      </Td>
    </tr>
  );
}

export function DictionaryEditor({ kind, items }: { kind: DictionaryKind; items: DictionaryItem[] }) {
  const t = useT();
  const router = useRouter();
  const {
    state,
    pending,
    onSubmit,
    fieldErrors: fe,
  } = useFormAction(createDictionaryItem, {
    onSuccess: (_d, form) => {
      form.reset();
      router.refresh();
    },
  });
  const nextSort = (items.at(-1)?.sortOrder ?? 0) + 10;
  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={onSubmit}
        key={kind}
        className="grid gap-3 sm:grid-cols-[12rem_1fr_1fr_7rem_auto] sm:items-start"
        aria-label={t("dictionaries.add")}
      >
        <UnsavedGuard />
        <input type="hidden" name="kind" value={kind} />
        <div className="flex flex-col gap-1">
          <Label htmlFor="dict-code">{t("dictionaries.code")}</Label>
          <Input
            id="dict-code"
            name="code"
            required
            maxLength={64}
            aria-invalid={!!fe?.code}
            aria-describedby="dict-code-error"
          />
          <FieldError id="dict-code-error" errors={fe?.code} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="dict-label">{t("dictionaries.label")}</Label>
          <Input
            id="dict-label"
            name="label"
            required
            maxLength={100}
            aria-invalid={!!fe?.label}
            aria-describedby="dict-label-error"
          />
          <FieldError id="dict-label-error" errors={fe?.label} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="dict-label-en">{t("dictionaries.labelEn")}</Label>
          <Input
            id="dict-label-en"
            name="labelEn"
            required
            maxLength={100}
            lang="en"
            aria-invalid={!!fe?.labelEn}
            aria-describedby="dict-label-en-error"
          />
          <FieldError id="dict-label-en-error" errors={fe?.labelEn} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="dict-sort">{t("dictionaries.sortOrder")}</Label>
          <Input id="dict-sort" name="sortOrder" type="number" min={0} defaultValue={nextSort} />
        </div>
        <Button type="submit" className="sm:mt-6" disabled={pending}>
          {t("dictionaries.add")}
        </Button>
      </form>
      {state && !state.ok && !state.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={t("dictionaries.empty")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("dictionaries.code")}</Th>
              <Th>{t("dictionaries.label")}</Th>
              <Th>{t("dictionaries.labelEn")}</Th>
              <Th>{t("dictionaries.sortOrder")}</Th>
              <Th>{t("common.status")}</Th>
              <Th>{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <Row key={i.id} item={i} />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
