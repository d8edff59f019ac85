"use client";
import {
  Award,
  BookOpen,
  Building2,
  ClipboardCheck,
  FileText,
  FlaskConical,
  Gauge,
  KeyRound,
  ListChecks,
  LogIn,
  LogOut,
  Menu,
  PanelLeftClose,
  PanelLeftOpen,
  ScrollText,
  ShieldCheck,
  Sprout,
  Target,
  Upload,
  UserCog,
  Users,
  X,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { NavGroup } from "@/lib/nav";
import { cn } from "@/lib/utils";
import { LanguageSwitch } from "./language-switch";
import { sidebarCookie } from "./sidebar-cookie";

const preloadAuthClient = () => void import("next-auth/react");

const ICONS: Record<string, React.ComponentType<{ className?: string }>> = {
  gauge: Gauge,
  building: Building2,
  flask: FlaskConical,
  sprout: Sprout,
  users: Users,
  target: Target,
  file: FileText,
  upload: Upload,
  "user-cog": UserCog,
  book: BookOpen,
  scroll: ScrollText,
  "log-in": LogIn,
  shield: ShieldCheck,
  check: ClipboardCheck,
  award: Award,
  setup: ListChecks,
};

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function Nav({
  groups,
  onNavigate,
  collapsed = false,
}: {
  groups: NavGroup[];
  onNavigate?: () => void;
  /** Icons only (the tablet's collapsed sidebar): each link keeps its name for screen readers and as a tooltip. */
  collapsed?: boolean;
}) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.menu")} className={cn("flex flex-col gap-4", collapsed ? "px-2 py-3" : "p-3")}>
      {groups.map((g) => (
        <div key={g.label ?? "main"}>
          {g.label && !collapsed ? (
            <p className="px-3 pb-1 text-xs font-medium tracking-wide text-slate-300">{t(g.label)}</p>
          ) : null}
          <ul className="flex flex-col gap-0.5">
            {g.items.map((item) => {
              const Icon = ICONS[item.icon] ?? Gauge;
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    title={collapsed ? t(item.label) : undefined}
                    className={cn(
                      "relative flex min-h-9 items-center gap-2.5 rounded-md py-2 text-sm text-slate-200 hover:bg-white/10",
                      collapsed ? "justify-center px-2" : "px-3",
                      active && "bg-white/15 font-medium text-white",
                    )}
                  >
                    <Icon className={cn("shrink-0", collapsed ? "h-5 w-5" : "h-4 w-4")} />
                    <span className={collapsed ? "sr-only" : undefined}>{t(item.label)}</span>
                    {item.count ? (
                      <span
                        className={cn(
                          "rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-900 tabular",
                          collapsed ? "absolute top-0.5 right-0.5" : "ml-auto",
                        )}
                        data-testid={`nav-count-${item.href.slice(1)}`}
                      >
                        {item.count}
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export function AppShell({
  groups,
  user,
  sidebarCollapsed = false,
  bell,
  search,
  children,
}: {
  groups: NavGroup[];
  /** The notifications bell (rendered by the layout with its server-computed count). */
  bell?: React.ReactNode;
  /** 全局搜索 (the layout renders it for users who may read the registries). */
  search?: React.ReactNode;
  user: { displayName: string; username: string; role: string; isDemo: boolean };
  /** As the user left it (read from their cookie by the layout, so the first paint is right). */
  sidebarCollapsed?: boolean;
  children: React.ReactNode;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(sidebarCollapsed);
  const toggleSidebar = () => {
    const next = !collapsed;
    setCollapsed(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read back by the layout
    document.cookie = `${sidebarCookie(user.username)}=${next ? "collapsed" : "expanded"}; path=/; max-age=31536000; samesite=lax`;
  };
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer whenever the route changes
  useEffect(() => setOpen(false), [pathname]);

  const brand = (
    <Link href="/" className="block px-4 py-4 text-white">
      <span className="block text-base font-semibold leading-tight">{t("app.short")}</span>
      <span className="block text-xs text-slate-300">{t("app.subtitle")}</span>
    </Link>
  );

  return (
    <div
      className={cn("min-h-dvh lg:grid", collapsed ? "lg:grid-cols-[4rem_1fr]" : "lg:grid-cols-[15rem_1fr]")}
      data-shell
    >
      <aside
        className="hidden bg-brand-900 lg:block"
        data-testid="sidebar"
        data-collapsed={collapsed ? "true" : "false"}
      >
        <div className="sticky top-0 flex max-h-dvh flex-col overflow-y-auto">
          {collapsed ? (
            <Link
              href="/"
              className="block px-2 py-4 text-center text-lg font-semibold text-white"
              title={t("app.short")}
            >
              {t("app.short").slice(0, 1)}
            </Link>
          ) : (
            brand
          )}
          <button
            type="button"
            onClick={toggleSidebar}
            aria-expanded={!collapsed}
            aria-label={collapsed ? t("nav.expandSidebar") : t("nav.collapseSidebar")}
            title={collapsed ? t("nav.expandSidebar") : t("nav.collapseSidebar")}
            className={cn(
              "mx-2 flex min-h-9 items-center gap-2 rounded-md px-2 text-sm text-slate-200 hover:bg-white/10",
              collapsed && "justify-center",
            )}
          >
            {collapsed ? <PanelLeftOpen className="h-5 w-5" /> : <PanelLeftClose className="h-4 w-4" />}
            {collapsed ? null : <span>{t("nav.collapseSidebar")}</span>}
          </button>
          <Nav groups={groups} collapsed={collapsed} />
        </div>
      </aside>
      {open ? (
        <div className="fixed inset-0 z-40 lg:hidden">
          <button
            type="button"
            aria-label={t("nav.closeMenu")}
            className="absolute inset-0 bg-slate-900/50"
            onClick={() => setOpen(false)}
          />
          <aside className="absolute inset-y-0 left-0 w-64 overflow-y-auto bg-brand-900" data-testid="drawer">
            <div className="flex items-start justify-between">
              {brand}
              <button
                type="button"
                className="m-3 rounded p-1 text-white hover:bg-white/10"
                aria-label={t("nav.closeMenu")}
                onClick={() => setOpen(false)}
              >
                <X className="h-5 w-5" />
              </button>
            </div>
            <Nav groups={groups} onNavigate={() => setOpen(false)} />
          </aside>
        </div>
      ) : null}
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/95 px-3 backdrop-blur sm:px-5">
          <button
            type="button"
            className="rounded p-2 text-slate-700 hover:bg-slate-100 lg:hidden"
            aria-label={t("nav.menu")}
            aria-expanded={open}
            onClick={() => setOpen(true)}
          >
            <Menu className="h-5 w-5" />
          </button>
          <span className="truncate text-sm font-medium text-slate-700 lg:hidden">{t("app.short")}</span>
          {search}
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            <div className="hidden text-right leading-tight sm:block" data-testid="current-user">
              <p className="text-sm font-medium text-slate-800" translate="no">
                {user.displayName}
              </p>
              <p className="text-xs text-slate-500">{t(`roles.${user.role}` as "roles.admin")}</p>
            </div>
            {bell}
            <LanguageSwitch />
            <Link
              href="/change-password"
              className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
              title={t("header.changePassword")}
            >
              <KeyRound className="h-4 w-4" />
              <span className="hidden md:inline">{t("header.changePassword")}</span>
            </Link>
            <button
              type="button"
              // next-auth's client is loaded when it is used (sign-out, the re-sign-in dialog), not with every page.
              onPointerEnter={preloadAuthClient}
              onFocus={preloadAuthClient}
              onClick={async () => (await import("next-auth/react")).signOut({ callbackUrl: "/login" })}
              className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
            >
              <LogOut className="h-4 w-4" />
              <span className="hidden sm:inline">{t("header.signOut")}</span>
              <span className="sr-only sm:hidden">{t("header.signOut")}</span>
            </button>
          </div>
        </header>
        <main className="min-w-0 flex-1 p-3 sm:p-5">{children}</main>
      </div>
    </div>
  );
}
