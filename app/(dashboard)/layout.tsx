import { AppShell } from "@/components/shell/app-shell";
import { NotificationBell } from "@/components/shell/notification-bell";
import { getMyUnreadCount } from "@/features/notifications/queries";
import { requireUser } from "@/lib/dal";
import { NAV } from "@/lib/nav";
import { can } from "@/lib/permissions";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const groups = NAV.map((g) => ({ ...g, items: g.items.filter((i) => can(user.role, i.permission)) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <AppShell
      groups={groups}
      user={{ displayName: user.displayName, username: user.username, role: user.role, isDemo: user.isDemo }}
      bell={<NotificationBell initialCount={await getMyUnreadCount()} />}
    >
      {children}
    </AppShell>
  );
}
