import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { waitingCount } from "@/features/review/queries";
import { requireUser } from "@/lib/dal";
import { NAV } from "@/lib/nav";
import { can } from "@/lib/permissions";

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
  return (
    <AppShell
      groups={groups}
      user={{ displayName: user.displayName, username: user.username, role: user.role, isDemo: user.isDemo }}
    >
      {children}
    </AppShell>
  );
}
