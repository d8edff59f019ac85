import { AlarmClock, ArrowRight, CalendarClock, ClipboardCheck, Undo2, Wallet } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getMyNotifications, type UserNotification } from "@/features/notifications/queries";
import type { NotificationKind } from "@/features/notifications/types";
import { requireUser } from "@/lib/dal";
import type { T } from "@/lib/i18n/core";
import { getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { MarkReadButton } from "./_components/mark-read";

const ICON: Record<NotificationKind, typeof AlarmClock> = {
  certificate: AlarmClock,
  quarter: CalendarClock,
  review: ClipboardCheck,
  returned: Undo2,
  award: Wallet,
};
const TONE: Record<NotificationKind, "warn" | "brand" | "bad" | "ok"> = {
  certificate: "warn",
  quarter: "brand",
  review: "brand",
  returned: "bad",
  award: "ok",
};

function Item({ t, item }: { t: T; item: UserNotification }) {
  const Icon = ICON[item.kind];
  const read = item.readAt !== null;
  return (
    <li
      className={`flex flex-wrap items-start gap-3 px-4 py-3 ${read ? "bg-slate-50" : ""}`}
      data-testid="notification-item"
      data-read={read ? "yes" : "no"}
    >
      <Icon className="mt-0.5 h-5 w-5 shrink-0 text-slate-600" aria-hidden />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={TONE[item.kind]}>{t(`notifications.kinds.${item.kind}`)}</Badge>
          {item.count ? (
            <span className="text-xs text-slate-600">{t("notifications.count", { count: item.count })}</span>
          ) : null}
        </div>
        <p
          className={`mt-1 text-sm ${read ? "text-slate-600" : "font-medium text-slate-900"}`}
          translate={item.titleHasData ? "no" : undefined}
        >
          {item.title}
        </p>
        <p className="mt-0.5 text-xs text-slate-600">
          {item.dueAt ? <span className="tabular">{t("notifications.due", { date: item.dueAt })}</span> : null}
          {read && item.readAt ? (
            <span className="ml-3 tabular">
              {t("notifications.readAt", { at: formatDateTime(item.readAt).slice(0, 16) })}
            </span>
          ) : null}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <Link
          href={item.href}
          className="inline-flex h-8 items-center gap-1 rounded-md bg-brand-600 px-3 text-xs font-medium text-white hover:bg-brand-700"
        >
          {t("notifications.go")}
          <ArrowRight className="h-3.5 w-3.5" aria-hidden />
        </Link>
        {read ? null : <MarkReadButton keys={[item.key]} label={t("notifications.markRead")} />}
      </div>
    </li>
  );
}

export default async function NotificationsPage() {
  await requireUser();
  const t = await getT();
  const items = await getMyNotifications();
  const unread = items.filter((i) => i.readAt === null);
  const read = items.filter((i) => i.readAt !== null);
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        actions={
          unread.length > 0 ? (
            <MarkReadButton keys={unread.map((i) => i.key)} label={t("notifications.markAllRead")} />
          ) : null
        }
      />
      {items.length === 0 ? (
        <Card>
          <EmptyState title={t("notifications.empty")} hint={t("notifications.emptyHint")} />
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          {unread.length > 0 ? (
            <Card>
              <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-700">
                {t("notifications.unreadList")}（{unread.length}）
              </h2>
              <ul className="divide-y divide-slate-100" data-testid="notifications-unread">
                {unread.map((i) => (
                  <Item key={i.key} t={t} item={i} />
                ))}
              </ul>
            </Card>
          ) : null}
          {read.length > 0 ? (
            <Card>
              <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-700">
                {t("notifications.readList")}（{read.length}）
              </h2>
              <ul className="divide-y divide-slate-100" data-testid="notifications-read">
                {read.map((i) => (
                  <Item key={i.key} t={t} item={i} />
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}
