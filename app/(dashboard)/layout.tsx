import { cookies } from "next/headers";
import { DailyUseProvider } from "@/components/daily/daily-use";
import { AppShell } from "@/components/shell/app-shell";
import { sidebarCookie } from "@/components/shell/sidebar-cookie";
import { getDb } from "@/db";
import { waitingCount } from "@/features/review/queries";
import { requireUser } from "@/lib/dal";
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
  return (
    <DailyUseProvider
      username={user.username}
      idleMs={IDLE_TIMEOUT_MINUTES * 60_000}
      touchSlackMs={TOUCH_INTERVAL_SECONDS * 1000}
    >
      <AppShell
        groups={groups}
        user={{ displayName: user.displayName, username: user.username, role: user.role, isDemo: user.isDemo }}
        sidebarCollapsed={collapsed}
      >
        {children}
      </AppShell>
    </DailyUseProvider>
  );
}
