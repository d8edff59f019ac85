import { cookies } from "next/headers";
import { DailyUseProvider } from "@/components/daily/daily-use";
import { AppShell } from "@/components/shell/app-shell";
import { GlobalSearch } from "@/components/shell/global-search";
import { NotificationBell } from "@/components/shell/notification-bell";
import { sidebarCookie } from "@/components/shell/sidebar-cookie";
import { getDb } from "@/db";
import { getMyUnreadCount } from "@/features/notifications/queries";
import { waitingCount } from "@/features/review/queries";
import { requireUser } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { NAV } from "@/lib/nav";
import { can } from "@/lib/permissions";
import { IDLE_TIMEOUT_MINUTES, TOUCH_INTERVAL_SECONDS } from "@/lib/session-policy";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // 录入 → 审核: the queue's size for a reviewer, a submitter's returned items otherwise (one indexed count).
  const waiting = can(user.role, "registry.write") ? waitingCount(getDb(), user, can(user.role, "registry.review")) : 0;
  const groups = NAV.map((g) => ({
    ...g,
    items: g.items
      .filter((i) => can(user.role, i.permission))
      .map((i) => (i.href === "/review" ? { ...i, count: waiting } : i)),
  })).filter((g) => g.items.length > 0);
  const collapsed = (await cookies()).get(sidebarCookie(user.username))?.value === "collapsed";
  const t = await getT();
  return (
    <DailyUseProvider
      username={user.username}
      idleMs={IDLE_TIMEOUT_MINUTES * 60_000}
      touchSlackMs={TOUCH_INTERVAL_SECONDS * 1000}
    >
      {/* The first thing a keyboard reaches: past the sidebar and header, straight to the page's content. */}
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("app.skipToMain")}
      </a>
      <AppShell
        groups={groups}
        user={{ displayName: user.displayName, username: user.username, role: user.role, isDemo: user.isDemo }}
        sidebarCollapsed={collapsed}
        bell={<NotificationBell initialCount={await getMyUnreadCount()} />}
        search={
          can(user.role, "registry.read") ? (
            <GlobalSearch canIncludeDeleted={can(user.role, "registry.restore")} />
          ) : undefined
        }
      >
        <div id="main-content" tabIndex={-1} className="outline-none">
          {children}
        </div>
      </AppShell>
    </DailyUseProvider>
  );
}
