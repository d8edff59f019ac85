import type { MessageKey } from "./i18n/core";
import type { Permission } from "./permissions";

export type NavItem = {
  href: string;
  label: MessageKey;
  permission: Permission;
  icon: string;
  /** What waits there for the user (e.g. the review queue's size), shown as a count. */
  count?: number;
};
export type NavGroup = { label?: MessageKey; items: NavItem[] };

/** The sidebar, each entry shown only to roles holding its permission (the pages check again). */
export const NAV: NavGroup[] = [
  {
    items: [
      { href: "/", label: "nav.home", permission: "indicator.read", icon: "gauge" },
      // 开始使用: the first-day checklist (staff and admin; reachable after the setup is done, too).
      { href: "/setup", label: "nav.setup", permission: "import.run", icon: "setup" },
      { href: "/enterprises", label: "nav.enterprises", permission: "registry.read", icon: "building" },
      { href: "/institutions", label: "nav.institutions", permission: "registry.read", icon: "flask" },
      { href: "/incubators", label: "nav.incubators", permission: "registry.read", icon: "sprout" },
      { href: "/talents", label: "nav.talents", permission: "registry.read", icon: "users" },
      { href: "/indicators", label: "nav.indicators", permission: "indicator.read", icon: "target" },
      { href: "/reports", label: "nav.reports", permission: "report.read", icon: "file" },
      { href: "/awards", label: "nav.awards", permission: "award.read", icon: "award" },
      { href: "/import", label: "nav.import", permission: "import.run", icon: "upload" },
      { href: "/review", label: "nav.review", permission: "registry.write", icon: "check" },
    ],
  },
  {
    label: "nav.admin",
    items: [
      { href: "/admin/users", label: "nav.users", permission: "user.manage", icon: "user-cog" },
      { href: "/admin/dictionaries", label: "nav.dictionaries", permission: "dictionary.manage", icon: "book" },
      { href: "/admin/audit-log", label: "nav.auditLog", permission: "audit.read", icon: "scroll" },
      { href: "/admin/login-log", label: "nav.loginLog", permission: "audit.read", icon: "log-in" },
      { href: "/admin/auditors", label: "nav.auditors", permission: "auditor.manage", icon: "shield" },
    ],
  },
];
