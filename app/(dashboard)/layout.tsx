import { AppShell } from "@/components/shell/app-shell";
import { NotificationBell } from "@/components/shell/notification-bell";
import { getMyUnreadCount } from "@/features/notifications/queries";
import { requireUser } from "@/lib/dal";
import { getT } from "@/lib/i18n/server";
import { NAV } from "@/lib/nav";
import { can } from "@/lib/permissions";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const groups = NAV.map((g) => ({ ...g, items: g.items.filter((i) => can(user.role, i.permission)) })).filter(
    (g) => g.items.length > 0,
  );
  const t = await getT();
  return (
    <>
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
        bell={<NotificationBell initialCount={await getMyUnreadCount()} />}
      >
        <div id="main-content" tabIndex={-1} className="outline-none">
          {children}
        </div>
      </AppShell>
    </>
  );
}
