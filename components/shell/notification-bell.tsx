"use client";
import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";

/** Fired by the notifications page after marking items read, so the bell recounts at once. */
export const NOTIFICATIONS_CHANGED = "notifications:changed";

/**
 * The header's bell: the count of unread 通知与待办, computed by the server (rendered with the layout, and asked
 * again on each navigation and after items are marked read), linking to /notifications.
 */
export function NotificationBell({ initialCount }: { initialCount: number }) {
  const t = useT();
  const pathname = usePathname();
  const [count, setCount] = useState(initialCount);
  useEffect(() => setCount(initialCount), [initialCount]);
  useEffect(() => {
    let stale = false;
    const load = () =>
      fetch("/notifications/count", { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : null))
        .then((d: { unread?: number } | null) => {
          if (!stale && typeof d?.unread === "number") setCount(d.unread);
        })
        .catch(() => {});
    if (pathname) load();
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      stale = true;
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [pathname]);
  const label = count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell");
  return (
    <Link
      href="/notifications"
      className="relative inline-flex items-center rounded-md p-2 text-slate-700 hover:bg-slate-100"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <Bell className="h-5 w-5" aria-hidden />
      {count > 0 ? (
        <span
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white tabular"
          data-testid="notification-count"
          aria-hidden
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
