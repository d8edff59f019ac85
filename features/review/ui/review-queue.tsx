"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult } from "@/lib/action";
import { useT } from "@/lib/i18n/client";
import { tDynamic } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/time";
import { approveReview, batchApproveReview, batchReturnReview, resubmitReview, returnReview } from "../actions";
import type { QueueItem, Shown } from "../queries";

type Ref = { id: number; version: number };
type Summary = { total: number; ok: number; failed: { id: number; reason: string }[] };

const at = (iso: string | null) => (iso ? formatDateTime(iso).slice(0, 16) : "");

/**
 * The 待审核 queue (reviewer) or the submitter's own items: each submission with its field-by-field diff, the
 * decision buttons, and a batch bar for the ticked items. Every decision is a server action that checks the
 * item's state and version again; the page is refreshed after it.
 */
export function ReviewQueue({
  items,
  reviewer,
  tab,
  editPaths,
  empty,
}: {
  /** What an empty tab says. */
  empty: string;
  items: QueueItem[];
  reviewer: boolean;
  tab: string;
  /** The edit page of each item's top record (a child row is corrected on its record's page). */
  editPaths: Record<number, string>;
}) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [ticked, setTicked] = useState<Record<number, number>>({});
  const [batchReason, setBatchReason] = useState("");
  const selectable = reviewer && tab === "pending";
  const refs: Ref[] = Object.entries(ticked).map(([id, version]) => ({ id: Number(id), version }));

  const run = <D,>(fn: () => Promise<ActionResult<D>>, done: (d: D) => string) =>
    start(async () => {
      setMessage(null);
      const res = await fn();
      if (res.ok) {
        setMessage({ ok: true, text: done(res.data) });
        setTicked({});
        router.refresh();
      } else setMessage({ ok: false, text: res.message });
    });
  const summary = (s: Summary) =>
    [
      t("review.batchResult", { ok: s.ok, failed: s.failed.length }),
      ...s.failed.map((f) => `#${f.id}${t("common.colon")}${f.reason}`),
    ].join("；");

  return (
    <div className="flex flex-col gap-4">
      <p aria-live="polite" role="status" data-testid="review-message" className={message ? "" : "sr-only"}>
        {message ? (
          <span
            className={`block rounded-md px-4 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
          >
            {message.text}
          </span>
        ) : null}
      </p>
      {selectable && items.length > 0 ? (
        <Card>
          <CardContent className="flex flex-wrap items-end gap-3 py-3">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                aria-label={t("review.selectAll")}
                checked={refs.length === items.length}
                onChange={(e) =>
                  setTicked(e.target.checked ? Object.fromEntries(items.map((i) => [i.id, i.version])) : {})
                }
              />
              {t("review.selectAll")}
            </label>
            <span className="text-sm text-slate-700" aria-live="polite">
              {t("review.selected", { n: refs.length })}
            </span>
            <ConfirmButton
              size="sm"
              disabled={refs.length === 0}
              pending={pending}
              message={t("review.confirmBatchApprove", { n: refs.length })}
              onConfirm={() => run(() => batchApproveReview({ items: refs }), summary)}
            >
              {t("review.batchApprove")}
            </ConfirmButton>
            <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
              <span className="text-slate-700">{t("review.reason")}</span>
              <input
                className="h-8 rounded-md border border-slate-300 px-2"
                value={batchReason}
                maxLength={500}
                placeholder={t("review.reasonPlaceholder")}
                onChange={(e) => setBatchReason(e.target.value)}
              />
            </label>
            <Button
              size="sm"
              variant="outline"
              disabled={refs.length === 0 || pending}
              onClick={() => run(() => batchReturnReview({ items: refs, reason: batchReason }), summary)}
            >
              {t("review.batchReturn")}
            </Button>
          </CardContent>
        </Card>
      ) : null}
      {items.length === 0 ? (
        <Card>
          <EmptyState title={empty} />
        </Card>
      ) : null}
      {items.map((item) => (
        <ItemCard
          key={item.id}
          item={item}
          reviewer={reviewer}
          selectable={selectable}
          ticked={item.id in ticked}
          onTick={(on) =>
            setTicked((prev) => {
              const next = { ...prev };
              if (on) next[item.id] = item.version;
              else delete next[item.id];
              return next;
            })
          }
          pending={pending}
          editPath={editPaths[item.id]}
          onApprove={() =>
            run(
              () => approveReview({ id: item.id, version: item.version }),
              () => t("review.approved"),
            )
          }
          onReturn={(reason) =>
            run(
              () => returnReview({ id: item.id, version: item.version, reason }),
              () => t("review.returned"),
            )
          }
          onResubmit={() =>
            run(
              () => resubmitReview({ id: item.id, version: item.version }),
              () => t("review.resubmitted"),
            )
          }
        />
      ))}
    </div>
  );
}

function ItemCard({
  item,
  reviewer,
  selectable,
  ticked,
  onTick,
  pending,
  editPath,
  onApprove,
  onReturn,
  onResubmit,
}: {
  item: QueueItem;
  reviewer: boolean;
  selectable: boolean;
  ticked: boolean;
  onTick: (on: boolean) => void;
  pending: boolean;
  editPath?: string;
  onApprove: () => void;
  onReturn: (reason: string) => void;
  onResubmit: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState("");
  const [returning, setReturning] = useState(false);
  const op = t(`review.ops.${item.op}`);
  const kind = tDynamic(t, `review.objectTypes.${item.objectType}`, item.objectType);
  const shown = (s: Shown | null) =>
    s == null
      ? "—"
      : s.valueKey
        ? tDynamic(t, s.valueKey, s.valueKey)
        : s.value == null || s.value === ""
          ? "—"
          : String(s.value);
  const decidable = reviewer && item.state === "pending";
  return (
    <Card>
      <CardContent className="flex flex-col gap-3 py-4">
        <article id={`item-${item.id}`} data-testid="review-item" aria-label={`${kind} ${item.rootName}`}>
          <header className="flex flex-wrap items-center gap-2">
            {selectable ? (
              <input
                type="checkbox"
                className="size-4"
                aria-label={t("review.select", { name: item.rootName })}
                checked={ticked}
                onChange={(e) => onTick(e.target.checked)}
              />
            ) : null}
            <Badge tone={item.op === "delete" ? "bad" : item.op === "create" ? "brand" : "warn"}>{op}</Badge>
            <span className="text-sm text-slate-600">{kind}</span>
            <Link href={item.rootHref} className="font-medium text-brand-700 hover:underline" translate="no">
              {item.rootName}
            </Link>
            <Badge tone={item.state === "approved" ? "ok" : item.state === "returned" ? "bad" : "neutral"}>
              {t(`review.states.${item.state}`)}
            </Badge>
          </header>
          <p className="mt-1 text-xs text-slate-600" translate="no">
            {t("review.submitted", { who: item.submitterName, at: at(item.submittedAt) })}
            {item.reviewerName ? ` · ${t("review.reviewed", { who: item.reviewerName, at: at(item.reviewedAt) })}` : ""}
          </p>
          {item.state === "returned" && item.reason ? (
            <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="review-reason">
              {t("review.returnedBecause", { reason: item.reason })}
            </p>
          ) : null}
          {item.stale ? (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("review.staleWarning")}</p>
          ) : null}
          {item.gone ? <p className="mt-2 text-sm text-red-800">{t("review.goneWarning")}</p> : null}
          {item.op === "delete" || item.op === "restore" ? (
            <p className="mt-2 text-sm text-slate-800">
              {item.op === "delete" ? t("review.deleteNote") : t("review.restoreNote")}
            </p>
          ) : item.diff.length > 0 ? (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full min-w-[32rem] text-sm" data-testid="review-diff">
                <thead>
                  <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                    <th className="w-40 py-1.5 pr-3 font-medium">{t("review.field")}</th>
                    {item.op === "update" ? <th className="py-1.5 pr-3 font-medium">{t("review.before")}</th> : null}
                    <th className="py-1.5 font-medium">{t("review.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {item.diff.map((d) => (
                    <tr key={d.label} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-700">
                        {tDynamic(t, d.label, d.label)}
                      </th>
                      {item.op === "update" ? (
                        <td className="py-1.5 pr-3 text-slate-600 line-through decoration-slate-400" translate="no">
                          {shown(d.before)}
                        </td>
                      ) : null}
                      <td className="py-1.5 font-medium text-slate-900" translate="no">
                        {shown(d.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="mt-3 flex flex-wrap items-end gap-2">
            {decidable ? (
              <>
                <ConfirmButton
                  size="sm"
                  pending={pending}
                  disabled={item.stale || item.gone}
                  message={t("review.confirmApprove", { name: item.rootName, op })}
                  onConfirm={onApprove}
                >
                  {t("review.approve")}
                </ConfirmButton>
                {returning ? (
                  <form
                    className="flex flex-1 flex-wrap items-end gap-2"
                    onSubmit={(e) => {
                      e.preventDefault();
                      onReturn(reason);
                    }}
                  >
                    <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
                      <span className="text-slate-700">{t("review.reason")}</span>
                      <textarea
                        name="reason"
                        required
                        maxLength={500}
                        rows={2}
                        className="rounded-md border border-slate-300 px-2 py-1"
                        placeholder={t("review.reasonPlaceholder")}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    </label>
                    <Button type="submit" size="sm" variant="destructive" disabled={pending}>
                      {t("review.return")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setReturning(false)}>
                      {t("common.cancel")}
                    </Button>
                  </form>
                ) : (
                  <Button size="sm" variant="outline" onClick={() => setReturning(true)}>
                    {t("review.return")}
                  </Button>
                )}
              </>
            ) : null}
            {!reviewer && item.state === "returned" ? (
              <>
                {editPath && item.op !== "delete" && item.op !== "restore" ? (
                  <Link
                    href={editPath}
                    className="inline-flex h-8 items-center rounded-md border border-slate-300 px-3 text-xs font-medium text-slate-800 hover:bg-slate-100"
                  >
                    {t("review.editRecord")}
                  </Link>
                ) : null}
                <Button size="sm" disabled={pending} onClick={onResubmit}>
                  {t("review.resubmit")}
                </Button>
              </>
            ) : null}
          </div>
        </article>
      </CardContent>
    </Card>
  );
}
